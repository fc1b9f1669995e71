package ru.repitbot.lesson.db;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Slots a tutor emptied on purpose (a lesson moved away or deleted): materialising a weekly template never fills
 * them again (docs/domain/lessons.md, "Weekly templates").
 */
@Component
public class VacatedSlots {

    private final JdbcTemplate jdbc;

    public VacatedSlots(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Remembers that the lesson left {@code start}; a slot vacated twice is remembered once. */
    public void vacate(long tutorId, long studentId, Instant start, long lessonId, Instant now) {
        jdbc.update("""
                INSERT INTO vacated_slots (tutor_id, student_id, start_at, lesson_id, vacated_at)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                tutorId, studentId, Timestamp.from(start), lessonId, Timestamp.from(now));
    }

    /** The vacated starts of one student's timetable with one tutor in {@code [from, to]}. */
    public Set<Instant> between(long tutorId, long studentId, Instant from, Instant to) {
        return new HashSet<>(jdbc.query("""
                SELECT start_at FROM vacated_slots
                WHERE tutor_id = ? AND student_id = ? AND start_at BETWEEN ? AND ?""",
                (rs, i) -> rs.getTimestamp(1).toInstant(), tutorId, studentId, Timestamp.from(from),
                Timestamp.from(to)));
    }
}
