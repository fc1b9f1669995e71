package ru.repitbot.notification.db;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import ru.repitbot.notification.domain.LessonReport;

/**
 * {@code lesson_report_due}: lessons marked attended (or unexcused) whose parents' report goes out after
 * {@link LessonReport#SETTLE_TIME} ({@code repitbot.notifications.reports.settle-time}, which only a test run of the
 * whole system shortens). docs/domain/notifications.md#after-lesson-report
 */
@Repository
public class ReportsDue {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration settleTime;

    public ReportsDue(JdbcTemplate jdbc, Clock clock,
            @Value("${repitbot.notifications.reports.settle-time:30m}") Duration settleTime) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settleTime = settleTime;
    }

    public record Due(long lessonId, long studentId, long tutorId, Instant markedAt, Instant sendAt) {
    }

    /**
     * A mark: the report is due {@link LessonReport#SETTLE_TIME} after it. A second mark while one is pending keeps
     * the first time; a mark after a report was settled (sent, or nothing to report) makes it due again — the
     * per-parent keys still keep a report from going out twice.
     */
    public void marked(long lessonId, long studentId, long tutorId, Instant markedAt) {
        jdbc.update("""
                INSERT INTO lesson_report_due (lesson_id, student_id, tutor_id, marked_at, send_at)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (lesson_id) DO UPDATE SET marked_at = EXCLUDED.marked_at, send_at = EXCLUDED.send_at,
                  done_at = NULL
                WHERE lesson_report_due.done_at IS NOT NULL""", lessonId, studentId, tutorId,
                Timestamp.from(markedAt), Timestamp.from(markedAt.plus(settleTime)));
    }

    /** The next due report, locked so that another replica skips it. */
    public Optional<Due> nextDue() {
        return jdbc.query("""
                SELECT lesson_id, student_id, tutor_id, marked_at, send_at FROM lesson_report_due
                WHERE done_at IS NULL AND send_at <= ? ORDER BY send_at LIMIT 1 FOR UPDATE SKIP LOCKED""",
                (rs, i) -> new Due(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant()),
                Timestamp.from(clock.instant())).stream().findFirst();
    }

    public void done(long lessonId) {
        jdbc.update("UPDATE lesson_report_due SET done_at = ? WHERE lesson_id = ?", Timestamp.from(clock.instant()),
                lessonId);
    }

    /** The owners could not be asked: try again later instead of at every poll. */
    public void postpone(long lessonId, Instant until) {
        jdbc.update("UPDATE lesson_report_due SET send_at = ? WHERE lesson_id = ?", Timestamp.from(until), lessonId);
    }
}
