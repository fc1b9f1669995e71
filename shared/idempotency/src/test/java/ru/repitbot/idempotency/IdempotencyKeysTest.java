package ru.repitbot.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import ru.repitbot.idempotency.IdempotencyKeys.Claim;
import ru.repitbot.models.errors.ConflictException;
import ru.repitbot.testsupport.TestInfrastructure;

/**
 * Idempotency-Keys on real PostgreSQL with the shared migration: first use goes ahead, the same request replays,
 * another request is a conflict; per caller; a failed request does not use its key up; expiry; concurrent retries.
 */
class IdempotencyKeysTest {

    private static final Instant T = Instant.parse("2025-03-03T12:00:00Z");
    private static final Duration TTL = Duration.ofHours(24);

    private static JdbcTemplate jdbc;
    private static TransactionTemplate tx;

    private final String caller = "user-" + UUID.randomUUID();

    @BeforeAll
    static void database() throws IOException {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(TestInfrastructure.get().jdbcUrl());
        jdbc = new JdbcTemplate(dataSource);
        tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        jdbc.execute("DROP TABLE IF EXISTS idempotency_key");
        jdbc.execute(new ClassPathResource("db/shared/V0_4__idempotency_keys.sql")
                .getContentAsString(StandardCharsets.UTF_8));
    }

    private static IdempotencyKeys keysAt(Instant now) {
        return new IdempotencyKeys(jdbc, Clock.fixed(now, ZoneOffset.UTC), TTL);
    }

    private static <T> T inTransaction(Function<org.springframework.transaction.TransactionStatus, T> work) {
        return tx.execute(work::apply);
    }

    /** One request: claims, and creates {@code newId} unless the key replays; returns the id answered. */
    private long request(IdempotencyKeys keys, String who, String key, String fingerprint, long newId) {
        return inTransaction(status -> {
            Claim claim = keys.claim(who, key, fingerprint);
            if (claim.isReplay()) {
                return claim.replayId();
            }
            keys.complete(claim, newId);
            return newId;
        });
    }

    @Test
    void theSameRequestReplaysTheFirstResourceAndAnotherRequestIsAConflict() {
        IdempotencyKeys keys = keysAt(T);
        assertThat(request(keys, caller, "k1", "fp-a", 101)).isEqualTo(101);
        assertThat(request(keys, caller, "k1", "fp-a", 102)).as("replay").isEqualTo(101);
        assertThatThrownBy(() -> request(keys, caller, "k1", "fp-b", 103)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("Idempotency-Key");
        assertThat(request(keys, caller, "k1", "fp-a", 104)).as("the conflict changed nothing").isEqualTo(101);
    }

    @Test
    void keysBelongToTheirCaller() {
        IdempotencyKeys keys = keysAt(T);
        assertThat(request(keys, caller, "shared", "fp-a", 201)).isEqualTo(201);
        assertThat(request(keys, caller + "-other", "shared", "fp-b", 202)).isEqualTo(202);
        assertThat(request(keys, caller + "-other", "shared", "fp-b", 203)).isEqualTo(202);
        assertThat(request(keys, caller, "shared", "fp-a", 204)).isEqualTo(201);
    }

    @Test
    void aFailedRequestDoesNotUseUpItsKey() {
        IdempotencyKeys keys = keysAt(T);
        inTransaction(status -> {
            keys.complete(keys.claim(caller, "k", "fp-a"), 301);
            status.setRollbackOnly(); // the creation failed after claiming
            return null;
        });
        assertThat(request(keys, caller, "k", "fp-b", 302)).as("another request may use it").isEqualTo(302);
        assertThat(request(keys, caller, "k", "fp-b", 303)).isEqualTo(302);
    }

    @Test
    void aKeyCommittedWithoutResourceIsClaimedAfresh() {
        IdempotencyKeys keys = keysAt(T);
        inTransaction(status -> keys.claim(caller, "k", "fp-a"));
        assertThat(request(keys, caller, "k", "fp-b", 401)).isEqualTo(401);
    }

    @Test
    void aKeyIsRememberedForTheTtlAndThenClaimedAfresh() {
        assertThat(request(keysAt(T), caller, "k", "fp-a", 501)).isEqualTo(501);
        IdempotencyKeys almost = keysAt(T.plus(TTL).minusSeconds(1));
        assertThat(request(almost, caller, "k", "fp-a", 502)).isEqualTo(501);
        assertThatThrownBy(() -> request(almost, caller, "k", "fp-b", 503)).isInstanceOf(ConflictException.class);

        IdempotencyKeys later = keysAt(T.plus(TTL).plusSeconds(1));
        assertThat(request(later, caller, "k", "fp-b", 504)).as("expired: a new request").isEqualTo(504);
        assertThat(request(keysAt(T.plus(TTL).plusSeconds(2)), caller, "k", "fp-b", 505)).isEqualTo(504);
    }

    @Test
    void withoutAKeyNothingIsRemembered() {
        IdempotencyKeys keys = keysAt(T);
        Claim none = keys.claim(caller, null, "fp-a");
        assertThat(none.isReplay()).isFalse();
        keys.complete(none, 601); // no transaction needed: nothing to write
        assertThat(jdbc.queryForObject("SELECT count(*) FROM idempotency_key WHERE caller = ?", Long.class, caller))
                .isZero();
    }

    @Test
    void keysAreOnlyUsedInsideTheCreatingTransaction() {
        IdempotencyKeys keys = keysAt(T);
        assertThatThrownBy(() -> keys.claim(caller, "k", "fp-a")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> keys.complete(new Claim(caller, "k", null), 1))
                .isInstanceOf(IllegalStateException.class);
        request(keys, caller, "k", "fp-a", 701);
        assertThatThrownBy(() -> inTransaction(status -> {
            keys.complete(keys.claim(caller, "k", "fp-a"), 702);
            return null;
        })).as("a replay creates nothing").isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new IdempotencyKeys(jdbc, Clock.systemUTC(), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aConcurrentRetryWaitsForTheFirstAndReplaysWhatItCommitted() throws Exception {
        assertThat(raceAgainstFirst(true)).isEqualTo(801);
    }

    @Test
    void aConcurrentRetryGoesAheadWhenTheFirstRollsBack() throws Exception {
        assertThat(raceAgainstFirst(false)).isEqualTo(802);
    }

    /** The first request claims and holds its transaction; a retry starts; returns what the retry answers. */
    private long raceAgainstFirst(boolean firstCommits) throws Exception {
        IdempotencyKeys keys = keysAt(T);
        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> inTransaction(status -> {
            keys.complete(keys.claim(caller, "race", "fp"), 801);
            claimed.countDown();
            try {
                finish.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (!firstCommits) {
                status.setRollbackOnly();
            }
            return null;
        }));
        assertThat(claimed.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Long> retry = CompletableFuture.supplyAsync(() -> request(keys, caller, "race", "fp", 802));
        Thread.sleep(300);
        assertThat(retry).as("waits on the first request's claim").isNotDone();
        finish.countDown();
        first.get(10, TimeUnit.SECONDS);
        return retry.get(10, TimeUnit.SECONDS);
    }

    @Test
    void housekeepingForgetsOnlyExpiredKeys() {
        insertKey("old", T.minus(TTL).minusSeconds(1));
        insertKey("fresh", T.minus(TTL).plusSeconds(60));
        IdempotencyHousekeeping housekeeping = new IdempotencyHousekeeping(keysAt(T), Duration.ofMillis(10),
                Duration.ofHours(1));
        housekeeping.start();
        try {
            assertThat(housekeeping.isRunning()).isTrue();
            await().atMost(Duration.ofSeconds(10)).until(() -> !exists("old"));
            assertThat(exists("fresh")).isTrue();
        } finally {
            housekeeping.stop();
        }
        assertThat(housekeeping.isRunning()).isFalse();
    }

    private void insertKey(String key, Instant createdAt) {
        jdbc.update("INSERT INTO idempotency_key (caller, request_key, fingerprint, resource_id, created_at) "
                + "VALUES (?, ?, 'fp', 1, ?)", caller, key, Timestamp.from(createdAt));
    }

    private boolean exists(String key) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM idempotency_key "
                + "WHERE caller = ? AND request_key = ?)", Boolean.class, caller, key));
    }
}
