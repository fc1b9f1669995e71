package ru.repitbot.lesson.db;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import ru.repitbot.lesson.domain.Lesson;

public interface LessonRepository extends JpaRepository<Lesson, Long>, JpaSpecificationExecutor<Lesson> {

    /** A tutor's dated lessons starting in {@code (from, to)}: the candidates of an overlap check. */
    @Query("select l from Lesson l where l.tutorId = :tutorId and l.startAt > :from and l.startAt < :to")
    List<Lesson> findTutorLessonsStartingBetween(@Param("tutorId") long tutorId, @Param("from") Instant from,
            @Param("to") Instant to);

    /** A student's dated lessons (any tutor) starting in {@code (from, to)}. */
    @Query("select l from Lesson l where l.studentId = :studentId and l.startAt > :from and l.startAt < :to")
    List<Lesson> findStudentLessonsStartingBetween(@Param("studentId") long studentId, @Param("from") Instant from,
            @Param("to") Instant to);

    /** The chain of a topic shift: the student's dated lessons with this tutor from {@code from} on. */
    @Query("""
            select l from Lesson l where l.tutorId = :tutorId and l.studentId = :studentId
              and l.startAt >= :from order by l.startAt, l.id""")
    List<Lesson> findChainFrom(@Param("tutorId") long tutorId, @Param("studentId") long studentId,
            @Param("from") Instant from);

    /** Dated lessons for a calendar feed: a tutor's, optionally of one student. */
    @Query("""
            select l from Lesson l where l.tutorId = :tutorId and (:studentId is null or l.studentId = :studentId)
              and l.startAt >= :from order by l.startAt, l.id""")
    List<Lesson> findTutorCalendar(@Param("tutorId") long tutorId, @Param("studentId") Long studentId,
            @Param("from") Instant from);

    /** Dated lessons for a calendar feed: of some students, any tutor. */
    @Query("""
            select l from Lesson l where l.studentId in :studentIds and l.startAt >= :from
            order by l.startAt, l.id""")
    List<Lesson> findStudentsCalendar(@Param("studentIds") Collection<Long> studentIds, @Param("from") Instant from);
}
