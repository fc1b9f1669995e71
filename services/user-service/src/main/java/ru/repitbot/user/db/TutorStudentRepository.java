package ru.repitbot.user.db;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import ru.repitbot.user.domain.TutorStudent;

public interface TutorStudentRepository extends JpaRepository<TutorStudent, TutorStudent.Key> {

    boolean existsByTutorIdAndStudentId(long tutorId, long studentId);

    long countByStudentId(long studentId);

    @Query("select t.tutorId from TutorStudent t where t.studentId = :studentId order by t.tutorId")
    List<Long> tutorIdsOf(@Param("studentId") long studentId);

    @Query("select count(t) > 0 from TutorStudent t where t.studentId = :studentId and t.tutorId <> :tutorId")
    boolean hasOtherTutor(@Param("studentId") long studentId, @Param("tutorId") long tutorId);

    @Modifying
    @Query("delete from TutorStudent t where t.tutorId = :tutorId and t.studentId = :studentId")
    int unlink(@Param("tutorId") long tutorId, @Param("studentId") long studentId);

    @Modifying
    @Query("delete from TutorStudent t where t.tutorId = :userId or t.studentId = :userId")
    int deleteAllOf(@Param("userId") long userId);
}
