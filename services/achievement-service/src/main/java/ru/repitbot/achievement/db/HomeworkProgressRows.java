package ru.repitbot.achievement.db;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The {@code homework_progress} projection: accepted homework and what each is worth now. */
@Component
public class HomeworkProgressRows {

    /** An accepted homework as held. */
    public record Row(long homeworkId, long lessonId, long studentId, long tutorId, int points, long version) {
    }

    private final JdbcTemplate jdbc;

    public HomeworkProgressRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Row> find(long homeworkId) {
        return jdbc.query("SELECT * FROM homework_progress WHERE homework_id = ? FOR UPDATE", HomeworkProgressRows::row,
                homeworkId).stream().findFirst();
    }

    public List<Row> ofLesson(long lessonId) {
        return jdbc.query("SELECT * FROM homework_progress WHERE lesson_id = ? ORDER BY homework_id FOR UPDATE",
                HomeworkProgressRows::row, lessonId);
    }

    public void upsert(Row row, Instant now) {
        jdbc.update("""
                INSERT INTO homework_progress (homework_id, lesson_id, student_id, tutor_id, points, version, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (homework_id) DO UPDATE SET points = EXCLUDED.points,
                  version = GREATEST(homework_progress.version, EXCLUDED.version), updated_at = EXCLUDED.updated_at""",
                row.homeworkId(), row.lessonId(), row.studentId(), row.tutorId(), row.points(), row.version(),
                Timestamp.from(now));
    }

    public int acceptedCount(long studentId) {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM homework_progress WHERE student_id = ? AND points > 0",
                Integer.class, studentId);
        return n == null ? 0 : n;
    }

    /** Homework still worth points whose row was last written before {@code before}, of every student or of one. */
    public List<Row> worthWrittenBefore(Instant before, Long studentId) {
        return jdbc.query("SELECT * FROM homework_progress WHERE points > 0 AND updated_at < ?"
                + " AND (CAST(? AS BIGINT) IS NULL OR student_id = ?)", HomeworkProgressRows::row,
                Timestamp.from(before), studentId, studentId);
    }

    private static Row row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Row(rs.getLong("homework_id"), rs.getLong("lesson_id"), rs.getLong("student_id"),
                rs.getLong("tutor_id"), rs.getInt("points"), rs.getLong("version"));
    }
}
