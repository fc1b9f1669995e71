package ru.repitbot.auth.db;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The {@code signing_key} table: RS256 key pairs shared by every replica of auth-service. */
@Repository
public class SigningKeyStore {

    /** Advisory lock id for "create the first key": replicas starting together create exactly one. */
    private static final long FIRST_KEY_LOCK = 0x617574685f6b6579L; // "auth_key"

    private static final RowMapper<StoredKey> ROW = (rs, n) -> new StoredKey(rs.getString("kid"),
            rs.getString("private_key"), rs.getString("public_jwk"), instant(rs.getTimestamp("created_at")),
            instant(rs.getTimestamp("retired_at")));

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public SigningKeyStore(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactionManager);
    }

    /** A stored key pair; {@code privateKeyPem} is PKCS#8. */
    public record StoredKey(String kid, String privateKeyPem, String publicJwk, Instant createdAt,
            Instant retiredAt) {
    }

    /**
     * The active key; when there is none, {@code generator}'s key is stored and returned. Serialised across
     * replicas by a transaction-scoped advisory lock (and the one-active-key unique index).
     */
    public StoredKey activeOrCreate(Supplier<StoredKey> generator) {
        return tx.execute(status -> {
            jdbc.query("SELECT pg_advisory_xact_lock(?)", rs -> null, FIRST_KEY_LOCK);
            List<StoredKey> active = jdbc.query("SELECT * FROM signing_key WHERE retired_at IS NULL "
                    + "ORDER BY created_at DESC LIMIT 1", ROW);
            if (!active.isEmpty()) {
                return active.getFirst();
            }
            StoredKey key = generator.get();
            jdbc.update("INSERT INTO signing_key (kid, algorithm, private_key, public_jwk, created_at) "
                    + "VALUES (?, 'RS256', ?, ?, ?)", key.kid(), key.privateKeyPem(), key.publicJwk(),
                    Timestamp.from(key.createdAt()));
            return key;
        });
    }

    /** Keys whose tokens may still be valid: the active one and those retired after {@code retiredAfter}. */
    public List<StoredKey> publishable(Instant retiredAfter) {
        return jdbc.query("SELECT * FROM signing_key WHERE retired_at IS NULL OR retired_at > ? "
                + "ORDER BY created_at DESC", ROW, Timestamp.from(retiredAfter));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
