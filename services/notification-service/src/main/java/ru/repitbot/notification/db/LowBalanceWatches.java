package ru.repitbot.notification.db;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import ru.repitbot.notification.domain.LowBalanceWatch;

/**
 * {@code low_balance_watch}: per student and tutor the last balance learned, its threshold and whether the payers
 * were told ({@link LowBalanceWatch}); the daily digest lists the rows at or below their threshold.
 * docs/domain/notifications.md#low-balance
 */
@Repository
public class LowBalanceWatches {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public LowBalanceWatches(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Row(long studentId, long tutorId, int balance, int threshold, boolean told) {
    }

    /** The row, locked for this transaction (two balance events of one student are judged one after the other). */
    public Optional<Row> lock(long studentId, long tutorId) {
        jdbc.update("""
                INSERT INTO low_balance_watch (student_id, tutor_id, balance, threshold, told)
                VALUES (?, ?, ?, ?, FALSE) ON CONFLICT DO NOTHING""", studentId, tutorId, Integer.MAX_VALUE,
                LowBalanceWatch.DEFAULT_THRESHOLD);
        return jdbc.query("""
                SELECT student_id, tutor_id, balance, threshold, told FROM low_balance_watch
                WHERE student_id = ? AND tutor_id = ? FOR UPDATE""", (rs, i) -> new Row(rs.getLong(1),
                rs.getLong(2), rs.getInt(3), rs.getInt(4), rs.getBoolean(5)), studentId, tutorId).stream().findFirst();
    }

    public void save(long studentId, long tutorId, int balance, int threshold, boolean told) {
        jdbc.update("""
                UPDATE low_balance_watch SET balance = ?, threshold = ?, told = ?, updated_at = ?
                WHERE student_id = ? AND tutor_id = ?""", balance, threshold, told,
                Timestamp.from(clock.instant()), studentId, tutorId);
    }

    /** Every student's balance with a tutor that is at or below its threshold now. */
    public List<Row> low() {
        return jdbc.query("""
                SELECT student_id, tutor_id, balance, threshold, told FROM low_balance_watch
                WHERE balance <= threshold ORDER BY student_id, tutor_id""", (rs, i) -> new Row(rs.getLong(1),
                rs.getLong(2), rs.getInt(3), rs.getInt(4), rs.getBoolean(5)));
    }
}
