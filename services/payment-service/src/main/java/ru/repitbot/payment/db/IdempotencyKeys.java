package ru.repitbot.payment.db;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code Idempotency-Key}s of payment creation, per caller. Claiming a key inserts its row in the creating
 * transaction: a concurrent request with the same key waits on that row until the first commits (then it replays)
 * or rolls back (then it creates).
 */
@Component
public class IdempotencyKeys {

    private final JdbcTemplate jdbc;

    public IdempotencyKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What a key was first used for. */
    public record Used(String fingerprint, long paymentId) {
    }

    /**
     * Claims {@code key} for this request, or returns the earlier use of it. An earlier use older than {@code ttl}
     * is forgotten and the key claimed afresh.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Used> claim(String caller, String key, String fingerprint, Instant now, Duration ttl) {
        for (int attempt = 0; attempt < 3; attempt++) {
            int inserted = jdbc.update("""
                    INSERT INTO idempotency_keys (caller, request_key, fingerprint, created_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT (caller, request_key) DO NOTHING""", caller, key, fingerprint, Timestamp.from(now));
            if (inserted == 1) {
                return Optional.empty();
            }
            List<Object[]> rows = jdbc.query("""
                    SELECT fingerprint, payment_id, created_at FROM idempotency_keys
                    WHERE caller = ? AND request_key = ? FOR UPDATE""",
                    (rs, i) -> new Object[] {rs.getString(1), rs.getObject(2, Long.class),
                        rs.getTimestamp(3).toInstant()}, caller, key);
            if (rows.isEmpty()) {
                continue; // forgotten by the clean-up between the insert and the select: claim it again
            }
            Object[] row = rows.getFirst();
            Long paymentId = (Long) row[1];
            if (((Instant) row[2]).isBefore(now.minus(ttl)) || paymentId == null) {
                jdbc.update("""
                        UPDATE idempotency_keys SET fingerprint = ?, payment_id = NULL, created_at = ?
                        WHERE caller = ? AND request_key = ?""", fingerprint, Timestamp.from(now), caller, key);
                return Optional.empty();
            }
            return Optional.of(new Used((String) row[0], paymentId));
        }
        throw new IllegalStateException("Idempotency-Key could not be claimed");
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void complete(String caller, String key, long paymentId) {
        jdbc.update("UPDATE idempotency_keys SET payment_id = ? WHERE caller = ? AND request_key = ?", paymentId,
                caller, key);
    }

    /** Forgets keys older than {@code ttl}; returns how many. */
    public int forgetOlderThan(Instant now, Duration ttl) {
        return jdbc.update("DELETE FROM idempotency_keys WHERE created_at < ?", Timestamp.from(now.minus(ttl)));
    }
}
