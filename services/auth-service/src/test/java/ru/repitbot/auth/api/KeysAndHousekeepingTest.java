package ru.repitbot.auth.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.repitbot.auth.db.SigningKeyStore;
import ru.repitbot.auth.domain.OpaqueTokens;
import ru.repitbot.auth.app.Sessions;
import ru.repitbot.auth.app.SigningKeys;

/** The stored signing key (shared by replicas) and the purge of expired refresh tokens. */
class KeysAndHousekeepingTest extends AuthApiTestBase {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SigningKeyStore store;
    @Autowired
    SigningKeys keys;
    @Autowired
    Sessions sessions;

    @Test
    void theGeneratedKeyIsStoredSoRestartsAndReplicasSignWithTheSameOne() {
        List<String> active = jdbc.queryForList("SELECT kid FROM signing_key WHERE retired_at IS NULL",
                String.class);

        assertThat(active).containsExactly(keys.signingKey().getKeyID());
        // What a second replica or a restart does: it finds the stored key instead of making one.
        SigningKeyStore.StoredKey found = store.activeOrCreate(() -> {
            throw new AssertionError("must not generate a second key");
        });
        assertThat(found.kid()).isEqualTo(keys.signingKey().getKeyID());
    }

    @Test
    void replicasStartingTogetherOnAnEmptyTableCreateExactlyOneKey() throws Exception {
        String original = keys.signingKey().getKeyID();
        jdbc.update("UPDATE signing_key SET retired_at = now() WHERE kid = ?", original);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> starts = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                int replica = i;
                Callable<String> start = () -> store.activeOrCreate(() -> new SigningKeyStore.StoredKey(
                        "replica-" + replica, "pem", "{}", java.time.Instant.now(), null)).kid();
                starts.add(pool.submit(start));
            }
            List<String> kids = new ArrayList<>();
            for (Future<String> start : starts) {
                kids.add(start.get());
            }

            assertThat(kids).hasSize(4).containsOnly(kids.getFirst());
            assertThat(jdbc.queryForObject("SELECT count(*) FROM signing_key WHERE retired_at IS NULL",
                    Integer.class)).isEqualTo(1);
        } finally {
            pool.shutdownNow();
            jdbc.update("DELETE FROM signing_key WHERE kid LIKE 'replica-%'");
            jdbc.update("UPDATE signing_key SET retired_at = NULL WHERE kid = ?", original);
        }
    }

    @Test
    void refreshTokensExpiredForADayArePurged() {
        FakeUserService.User user = users.addUser("student", "Давний");
        String refreshToken = login(anonymousCaller(), user.code, randomTelegramId()).json()
                .path("refresh_token").asString();
        String hash = OpaqueTokens.hash(refreshToken);
        jdbc.update("UPDATE refresh_token SET issued_at = now() - interval '9 days', "
                + "expires_at = now() - interval '2 days' WHERE token_hash = ?", hash);
        jdbc.update("UPDATE refresh_family SET created_at = now() - interval '9 days' WHERE id = "
                + "(SELECT family_id FROM refresh_token WHERE token_hash = ?)", hash);
        assertThat(refresh(refreshToken).status()).isEqualTo(401);

        assertThat(sessions.purgeExpired()).isGreaterThanOrEqualTo(2);

        assertThat(jdbc.queryForObject("SELECT count(*) FROM refresh_token WHERE token_hash = ?", Integer.class,
                hash)).isZero();
        assertThat(refresh(refreshToken).status()).isEqualTo(401);
    }
}
