package ru.repitbot.achievement.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ru.repitbot.achievement.domain.LessonProgress;
import ru.repitbot.achievement.domain.PointsRule;
import ru.repitbot.models.AttendanceStatus;

/** The {@code lesson_progress} projection: one row per lesson, written under the student's lock. */
@Component
public class LessonProgressRows {

    private static final String COLUMNS = "lesson_id, tutor_id, student_id, attendance_status, start_at,"
            + " duration_minutes, mastered_once, deleted, version, attendance_version, date_version, duration_version";

    private final JdbcTemplate jdbc;

    public LessonProgressRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<LessonProgress> find(long lessonId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM lesson_progress WHERE lesson_id = ? FOR UPDATE",
                LessonProgressRows::row, lessonId).stream().findFirst();
    }

    /** The student a known lesson belongs to (for a homework event naming it). */
    public boolean isDeleted(long lessonId) {
        return Boolean.TRUE.equals(jdbc.query("SELECT deleted FROM lesson_progress WHERE lesson_id = ?",
                rs -> rs.next() ? rs.getBoolean(1) : Boolean.FALSE, lessonId));
    }

    public void upsert(LessonProgress lesson, Instant now) {
        jdbc.update("""
                INSERT INTO lesson_progress (lesson_id, tutor_id, student_id, attendance_status, start_at,
                  duration_minutes, mastered_once, deleted, version, attendance_version, date_version,
                  duration_version, points, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (lesson_id) DO UPDATE SET attendance_status = EXCLUDED.attendance_status,
                  start_at = EXCLUDED.start_at, duration_minutes = EXCLUDED.duration_minutes,
                  mastered_once = EXCLUDED.mastered_once, deleted = EXCLUDED.deleted, version = EXCLUDED.version,
                  attendance_version = EXCLUDED.attendance_version, date_version = EXCLUDED.date_version,
                  duration_version = EXCLUDED.duration_version, points = EXCLUDED.points,
                  updated_at = EXCLUDED.updated_at""",
                lesson.lessonId(), lesson.tutorId(), lesson.studentId(), lesson.attendanceStatus().value(),
                lesson.startAt() == null ? null : Timestamp.from(lesson.startAt()), lesson.durationMinutes(),
                lesson.masteredOnce(), lesson.deleted(), lesson.version(), lesson.factVersions().attendance(),
                lesson.factVersions().date(), lesson.factVersions().duration(),
                PointsRule.attendancePoints(lesson) + PointsRule.masteryPoints(lesson), Timestamp.from(now));
    }

    /** The starts of the student's attended lessons (for the streak). */
    public List<Instant> attendedStarts(long studentId) {
        return jdbc.query("""
                SELECT start_at FROM lesson_progress
                WHERE student_id = ? AND attendance_status = 'attended' AND NOT deleted AND start_at IS NOT NULL""",
                (rs, i) -> rs.getTimestamp(1).toInstant(), studentId);
    }

    /** Attended lessons and their minutes. */
    public record Attended(int lessons, long minutes) {
    }

    public Attended attended(long studentId) {
        return jdbc.queryForObject("""
                SELECT count(*), COALESCE(sum(duration_minutes), 0) FROM lesson_progress
                WHERE student_id = ? AND attendance_status = 'attended' AND NOT deleted""",
                (rs, i) -> new Attended(rs.getInt(1), rs.getLong(2)), studentId);
    }

    /**
     * Lessons not deleted whose row was last written before {@code before} (a rebuild's "not listed any more"), of
     * every student or of one.
     */
    public List<LessonProgress> liveWrittenBefore(Instant before, Long studentId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM lesson_progress WHERE NOT deleted AND updated_at < ?"
                + " AND (CAST(? AS BIGINT) IS NULL OR student_id = ?)", LessonProgressRows::row,
                Timestamp.from(before), studentId, studentId);
    }

    static LessonProgress row(ResultSet rs, int i) throws SQLException {
        Timestamp start = rs.getTimestamp("start_at");
        return new LessonProgress(rs.getLong("lesson_id"), rs.getLong("tutor_id"), rs.getLong("student_id"),
                AttendanceStatus.fromValue(rs.getString("attendance_status")),
                start == null ? null : start.toInstant(), rs.getInt("duration_minutes"),
                rs.getBoolean("mastered_once"), rs.getBoolean("deleted"), rs.getLong("version"),
                new LessonProgress.FactVersions(rs.getLong("attendance_version"), rs.getLong("date_version"),
                        rs.getLong("duration_version")));
    }
}
