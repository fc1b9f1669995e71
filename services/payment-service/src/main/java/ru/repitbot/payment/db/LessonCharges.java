package ru.repitbot.payment.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ru.repitbot.models.AttendanceStatus;
import ru.repitbot.payment.domain.LessonCharge;

/**
 * The {@code lesson_charges} projection: one row per lesson. Its writers hold the row ({@code find} is
 * {@code FOR UPDATE}) and the balance's advisory lock ({@link BalanceLocks}), so the state {@link LessonCharge#apply}
 * computed from the row read is the one written; the merge of facts by version is the domain's.
 */
@Component
public class LessonCharges {

    private static final String COLUMNS =
            "lesson_id, tutor_id, student_id, attendance_status, start_at, is_makeup, deleted, version,"
                    + " attendance_version, date_version, makeup_version";

    private final JdbcTemplate jdbc;

    public LessonCharges(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<LessonCharge> find(long lessonId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM lesson_charges WHERE lesson_id = ? FOR UPDATE",
                LessonCharges::row, lessonId).stream().findFirst();
    }

    /** Writes the lesson as {@link LessonCharge#apply} merged it. */
    public void upsert(LessonCharge lesson, Instant now) {
        jdbc.update("""
                INSERT INTO lesson_charges (lesson_id, tutor_id, student_id, attendance_status, start_at, is_makeup,
                  deleted, charged, version, attendance_version, date_version, makeup_version, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (lesson_id) DO UPDATE SET attendance_status = EXCLUDED.attendance_status,
                  start_at = EXCLUDED.start_at, is_makeup = EXCLUDED.is_makeup, deleted = EXCLUDED.deleted,
                  charged = EXCLUDED.charged, version = EXCLUDED.version,
                  attendance_version = EXCLUDED.attendance_version, date_version = EXCLUDED.date_version,
                  makeup_version = EXCLUDED.makeup_version, updated_at = EXCLUDED.updated_at""",
                lesson.lessonId(), lesson.tutorId(), lesson.studentId(), lesson.attendanceStatus().value(),
                lesson.startAt() == null ? null : Timestamp.from(lesson.startAt()), lesson.makeup(),
                lesson.deleted(), lesson.charged(), lesson.version(), lesson.factVersions().attendance(),
                lesson.factVersions().date(), lesson.factVersions().makeup(), Timestamp.from(now));
    }

    /** A charged lesson of a statement: its id and when it is (its start, or when it was last changed). */
    public record ChargedLesson(long lessonId, Instant at, AttendanceStatus attendanceStatus) {
    }

    public List<ChargedLesson> charged(long studentId, long tutorId) {
        return jdbc.query("""
                SELECT lesson_id, COALESCE(start_at, updated_at) AS at, attendance_status FROM lesson_charges
                WHERE student_id = ? AND tutor_id = ? AND charged""",
                (rs, i) -> new ChargedLesson(rs.getLong(1), rs.getTimestamp(2).toInstant(),
                        AttendanceStatus.fromValue(rs.getString(3))), studentId, tutorId);
    }

    static LessonCharge row(ResultSet rs, int i) throws SQLException {
        Timestamp start = rs.getTimestamp("start_at");
        return new LessonCharge(rs.getLong("lesson_id"), rs.getLong("tutor_id"), rs.getLong("student_id"),
                AttendanceStatus.fromValue(rs.getString("attendance_status")),
                start == null ? null : start.toInstant(), rs.getBoolean("is_makeup"), rs.getBoolean("deleted"),
                rs.getLong("version"), new LessonCharge.FactVersions(rs.getLong("attendance_version"),
                        rs.getLong("date_version"), rs.getLong("makeup_version")));
    }
}
