package ru.repitbot.lesson.db;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import ru.repitbot.lesson.domain.WeeklySchedule;

public interface WeeklyScheduleRepository extends JpaRepository<WeeklySchedule, Long> {

    @Query("select s from WeeklySchedule s where s.studentId = ?1 and s.tutorId = ?2")
    Optional<WeeklySchedule> findOne(long studentId, long tutorId);

    @Query("select s from WeeklySchedule s where s.studentId = ?1 order by s.tutorId")
    List<WeeklySchedule> findByStudent(long studentId);

    @Query("select s.id from WeeklySchedule s order by s.id")
    List<Long> findAllIds();
}
