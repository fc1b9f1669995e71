package ru.repitbot.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import ru.repitbot.gateway.support.Callers;
import ru.repitbot.gateway.support.GatewayIntegrationTest;
import ru.repitbot.testsupport.ApiClient;
import ru.repitbot.testsupport.TestInfrastructure;
import ru.repitbot.testsupport.TestTokens;

/** The context allows 3 requests per 60 s per caller (and 3 anonymous auth calls per address). */
class GatewayRateLimitTest extends GatewayIntegrationTest {

    @Autowired
    ReactiveStringRedisTemplate redis;

    @Test
    void limitsEachUserAcrossTheWholeApiAndNotOthers() {
        long aliceId = Callers.freshUserId();
        ApiClient alice = ApiClient.local(port).withToken(TestTokens.get().user(aliceId, "student"));
        for (int i = 0; i < RATE_LIMIT; i++) {
            assertThat(alice.get("/api/v1/lessons").status()).isEqualTo(200);
        }
        String bucket = "request_rate_limiter.{gw-" + TestInfrastructure.get().runId() + ":api.user:" + aliceId
                + "}.tokens";
        assertThat(redis.hasKey(bucket).block()).as("bucket %s in Redis", bucket).isTrue();

        ApiClient.ApiResponse refused = alice.get("/api/v1/lessons");
        assertProblem(refused, 429, "too-many-requests");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isEqualTo(20);
        assertProblem(alice.get("/api/v1/homework"), 429, "too-many-requests");

        ApiClient bob = user("student");
        assertThat(bob.get("/api/v1/lessons").status()).isEqualTo(200);
    }

    @Test
    void limitsAnonymousCallersByAddress() {
        Callers.Anonymous first = anonymous();
        for (int i = 0; i < RATE_LIMIT; i++) {
            assertThat(first.get("/api/v1/calendar/feed.ics").status()).isEqualTo(200);
        }
        ApiClient.ApiResponse refused = first.get("/api/v1/calendar/feed.ics");
        assertProblem(refused, 429, "too-many-requests");
        assertThat(refused.header("Retry-After")).isNotBlank();
        assertThat(first.get("/api/v1/calendar/feed.ics", "X-Forwarded-For", "203.0.113.7").status())
                .as("a forged X-Forwarded-For does not make a new caller").isEqualTo(429);

        assertThat(anonymous().get("/api/v1/calendar/feed.ics").status()).isEqualTo(200);
    }

    @Test
    void limitsLoginAttemptsPerAddress() {
        Callers.Anonymous guesser = anonymous();
        for (int i = 0; i < RATE_LIMIT; i++) {
            assertThat(guesser.post("/api/v1/auth/login", "{\"access_code\":\"GUESS" + i + "\"}").status())
                    .isEqualTo(200);
        }
        ApiClient.ApiResponse refused = guesser.post("/api/v1/auth/login", "{\"access_code\":\"GUESS9\"}");
        assertProblem(refused, 429, "too-many-requests");
        assertThat(refused.header("Retry-After")).isNotBlank();

        assertThat(anonymous().post("/api/v1/auth/login", "{\"access_code\":\"ABCDEF12\"}").status())
                .isEqualTo(200);
    }

    @Test
    void doesNotLimitServiceTokens() {
        ApiClient bot = ApiClient.local(port).withToken(TestTokens.get().service("telegram-bot"));
        for (int i = 0; i < RATE_LIMIT + 3; i++) {
            assertThat(bot.get("/api/v1/users/1").status()).isEqualTo(200);
        }
    }
}
