package ru.repitbot.notification.db;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * {@code delivery_attempt}: each try of a message and how Telegram answered (docs/domain/notifications.md#tables), so
 * a tutor sees why a message failed and the limits can be measured. A 429 is recorded too, though it does not count
 * against the message; so is a lease that expired mid-send (the message may have gone out).
 */
@Repository
public class DeliveryAttempts {

    private final JdbcTemplate jdbc;

    public DeliveryAttempts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** An accepted attempt of each of {@code messageIds}, tried at {@code triedAt[i]}, in one batch. */
    public void recordSent(List<Long> messageIds, List<Instant> triedAt) {
        List<Integer> index = java.util.stream.IntStream.range(0, messageIds.size()).boxed().toList();
        jdbc.batchUpdate("""
                INSERT INTO delivery_attempt (message_id, attempt_no, tried_at, http_status, verdict)
                VALUES (?, COALESCE((SELECT max(attempt_no) FROM delivery_attempt WHERE message_id = ?), 0) + 1,
                    ?, 200, 'sent')
                ON CONFLICT (message_id, attempt_no) DO NOTHING""", index, 200, (statement, i) -> {
                    statement.setLong(1, messageIds.get(i));
                    statement.setLong(2, messageIds.get(i));
                    statement.setTimestamp(3, Timestamp.from(triedAt.get(i)));
                });
    }

    /**
     * @param httpStatus Telegram's status, null when it did not answer
     * @param verdict {@code sent}, {@code retry}, {@code unreachable} or {@code failed}
     */
    public void record(long messageId, Instant triedAt, Integer httpStatus, String description,
            Integer retryAfterSeconds, String verdict) {
        jdbc.update("""
                INSERT INTO delivery_attempt (message_id, attempt_no, tried_at, http_status, description,
                    retry_after_seconds, verdict)
                VALUES (?, COALESCE((SELECT max(attempt_no) FROM delivery_attempt WHERE message_id = ?), 0) + 1,
                    ?, ?, ?, ?, ?)
                ON CONFLICT (message_id, attempt_no) DO NOTHING""",
                messageId, messageId, Timestamp.from(triedAt), httpStatus, description, retryAfterSeconds, verdict);
    }
}
