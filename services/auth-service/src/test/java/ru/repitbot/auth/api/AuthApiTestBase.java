package ru.repitbot.auth.api;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import ru.repitbot.testsupport.ApiClient;
import ru.repitbot.testsupport.ApiClient.ApiResponse;

/**
 * The one Spring context of auth-service's API tests (shared through the context cache): real PostgreSQL and Redis
 * from test-support, user-service faked in-JVM, two service clients with secrets.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "TELEGRAM_BOT_SECRET_KEY=" + AuthApiTestBase.BOT_SECRET,
    "SCHEDULER_SERVICE_SECRET_KEY=" + AuthApiTestBase.SCHEDULER_SECRET})
abstract class AuthApiTestBase {

    static final String BOT_SECRET = "bot-secret-for-tests-0123456789";
    static final String SCHEDULER_SECRET = "scheduler-secret-for-tests-0123";
    /** Wrong-code counters of this run stay apart from other runs sharing the Redis database. */
    static final String THROTTLE_PREFIX = "test:auth:" + UUID.randomUUID();

    @LocalServerPort
    int port;

    final FakeUserService users = FakeUserService.get();

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        registry.add("repitbot.auth.user-service-url", () -> FakeUserService.get().url());
        registry.add("repitbot.auth.user-service-timeout", () -> "3s");
        registry.add("repitbot.auth.throttle.key-prefix", () -> THROTTLE_PREFIX);
    }

    ApiClient api() {
        return ApiClient.local(port);
    }

    /** A caller from its own address, so per-address counting of one test never touches another's. */
    ApiClient anonymousCaller() {
        return api().withHeader("X-Forwarded-For", "203.0.113.9, " + randomAddress());
    }

    static String randomAddress() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "198.51." + r.nextInt(256) + "." + r.nextInt(1, 255);
    }

    static long randomTelegramId() {
        return ThreadLocalRandom.current().nextLong(100_000_000L, 9_000_000_000L);
    }

    ApiResponse login(ApiClient client, String code, long telegramId) {
        return client.post("/api/v1/auth/login", Map.of("access_code", code, "telegram_id", telegramId,
                "username", "tester"));
    }

    ApiResponse refresh(String refreshToken) {
        return api().post("/api/v1/auth/refresh", Map.of("refresh_token", refreshToken));
    }

    String serviceToken(String client, String secret) {
        ApiResponse response = api().post("/api/v1/auth/token", Map.of("grant_type", "client_credentials",
                "client_id", client, "client_secret", secret));
        if (response.status() != 200) {
            throw new AssertionError("service token: " + response);
        }
        return response.json().path("access_token").asString();
    }
}
