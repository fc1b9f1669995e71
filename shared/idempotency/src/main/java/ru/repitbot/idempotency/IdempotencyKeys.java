package ru.repitbot.idempotency;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import ru.repitbot.models.errors.ConflictException;

/**
 * The {@code Idempotency-Key}s of a service's creating POSTs (table {@code idempotency_key}, shared migration V0_4),
 * per caller, remembered for {@code repitbot.idempotency.ttl}. Use it inside the creating transaction:
 *
 * <pre>{@code
 * Claim claim = keys.claim(caller.actorId(), Idempotency.parseKey(header), fingerprint);
 * if (claim.isReplay()) return the resource claim.replayId() (200, Idempotent-Replayed: true);
 * ... create ...
 * keys.complete(claim, created.id());
 * }</pre>
 *
 * Claiming inserts the key's row in that transaction, so a concurrent request with the same key waits on the row
 * until the first commits (then it replays) or rolls back (then it goes ahead): a failed request does not use its
 * key up, and two retries never create two resources.
 */
public class IdempotencyKeys {

    private static final int ATTEMPTS = 3;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration ttl;

    public IdempotencyKeys(JdbcTemplate jdbc, Clock clock, Duration ttl) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("repitbot.idempotency.ttl must be positive, not " + ttl);
        }
        this.jdbc = jdbc;
        this.clock = clock;
        this.ttl = ttl;
    }

    /**
     * What claiming decided.
     *
     * @param caller who sent the request ({@code null} when it had no key)
     * @param key the request's key ({@code null} when it had none)
     * @param replayId the resource the key created before, {@code null} to go ahead and create
     */
    public record Claim(String caller, String key, Long replayId) {

        /** {@code true}: answer with the resource {@link #replayId()} instead of creating another. */
        public boolean isReplay() {
            return replayId != null;
        }
    }

    /** How long a key is remembered. */
    public Duration ttl() {
        return ttl;
    }

    /**
     * Claims {@code key} for this request, in the creating transaction. Without a key there is nothing to claim (go
     * ahead). A key unused, older than the TTL or left without a resource is claimed afresh (go ahead, then
     * {@link #complete}); a key used for the same {@code fingerprint} replays its resource.
     *
     * @param key the parsed key ({@link Idempotency#parseKey}) or {@code null}
     * @throws ConflictException when the key was used with another request
     * @throws IllegalStateException outside a transaction
     */
    public Claim claim(String caller, String key, String fingerprint) {
        if (key == null) {
            return new Claim(null, null, null);
        }
        requireTransaction();
        Instant now = clock.instant();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int inserted = jdbc.update("""
                    INSERT INTO idempotency_key (caller, request_key, fingerprint, created_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT (caller, request_key) DO NOTHING""", caller, key, fingerprint, Timestamp.from(now));
            if (inserted == 1) {
                return new Claim(caller, key, null);
            }
            List<Used> rows = jdbc.query("""
                    SELECT fingerprint, resource_id, created_at FROM idempotency_key
                    WHERE caller = ? AND request_key = ? FOR UPDATE""",
                    (rs, i) -> new Used(rs.getString(1), rs.getObject(2, Long.class), rs.getTimestamp(3).toInstant()),
                    caller, key);
            if (rows.isEmpty()) {
                continue; // forgotten by the housekeeping between the insert and the select: claim it again
            }
            Used used = rows.getFirst();
            if (used.resourceId() == null || used.createdAt().isBefore(now.minus(ttl))) {
                jdbc.update("""
                        UPDATE idempotency_key SET fingerprint = ?, resource_id = NULL, created_at = ?
                        WHERE caller = ? AND request_key = ?""", fingerprint, Timestamp.from(now), caller, key);
                return new Claim(caller, key, null);
            }
            if (!used.fingerprint().equals(fingerprint)) {
                throw new ConflictException("This " + Idempotency.KEY_HEADER
                        + " was already used with a different request");
            }
            return new Claim(caller, key, used.resourceId());
        }
        throw new IllegalStateException(Idempotency.KEY_HEADER + " could not be claimed");
    }

    /**
     * Remembers what the claimed key created, in the same transaction as {@link #claim}. Does nothing for a request
     * without a key.
     */
    public void complete(Claim claim, long resourceId) {
        if (claim.key() == null) {
            return;
        }
        if (claim.isReplay()) {
            throw new IllegalStateException("A replayed " + Idempotency.KEY_HEADER + " creates nothing");
        }
        requireTransaction();
        jdbc.update("UPDATE idempotency_key SET resource_id = ? WHERE caller = ? AND request_key = ?", resourceId,
                claim.caller(), claim.key());
    }

    /** Forgets keys older than the TTL (an expired key is ignored when reused anyway); returns how many. */
    public int forgetExpired() {
        return jdbc.update("DELETE FROM idempotency_key WHERE created_at < ?",
                Timestamp.from(clock.instant().minus(ttl)));
    }

    private static void requireTransaction() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException(Idempotency.KEY_HEADER
                    + "s are claimed and completed in the transaction that creates the resource");
        }
    }

    private record Used(String fingerprint, Long resourceId, Instant createdAt) {
    }
}
