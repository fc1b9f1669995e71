package ru.repitbot.user.db;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import ru.repitbot.user.domain.ParentStudent;

public interface ParentStudentRepository extends JpaRepository<ParentStudent, ParentStudent.Key> {

    boolean existsByParentIdAndStudentId(long parentId, long studentId);

    @Query("select p.parentId from ParentStudent p where p.studentId = :studentId order by p.parentId")
    List<Long> parentIdsOf(@Param("studentId") long studentId);

    @Query("select p.studentId from ParentStudent p where p.parentId = :parentId order by p.studentId")
    List<Long> childIdsOf(@Param("parentId") long parentId);

    /** Children of {@code parentId} that {@code tutorId} teaches. */
    @Query("""
            select p.studentId from ParentStudent p where p.parentId = :parentId and exists
              (select 1 from TutorStudent t where t.studentId = p.studentId and t.tutorId = :tutorId)
            order by p.studentId""")
    List<Long> childIdsTaughtBy(@Param("parentId") long parentId, @Param("tutorId") long tutorId);

    @Query("""
            select count(p) > 0 from ParentStudent p where p.parentId = :parentId and exists
              (select 1 from TutorStudent t where t.studentId = p.studentId and t.tutorId = :tutorId)""")
    boolean hasChildTaughtBy(@Param("parentId") long parentId, @Param("tutorId") long tutorId);

    @Query("""
            select count(p) > 0 from ParentStudent p where p.parentId = :parentId and not exists
              (select 1 from TutorStudent t where t.studentId = p.studentId and t.tutorId = :tutorId)""")
    boolean hasChildNotTaughtBy(@Param("parentId") long parentId, @Param("tutorId") long tutorId);

    @Modifying
    @Query("delete from ParentStudent p where p.parentId = :parentId and p.studentId = :studentId")
    int unlink(@Param("parentId") long parentId, @Param("studentId") long studentId);

    @Modifying
    @Query("delete from ParentStudent p where p.parentId = :userId or p.studentId = :userId")
    int deleteAllOf(@Param("userId") long userId);
}
