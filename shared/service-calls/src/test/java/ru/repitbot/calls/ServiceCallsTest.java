package ru.repitbot.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.web.client.RestClient;

/** One JDK HTTP server plays auth-service and lesson-service. */
class ServiceCallsTest {

    private HttpServer server;
    private final AtomicInteger tokensIssued = new AtomicInteger();
    private final List<String> bearersSeen = new CopyOnWriteArrayList<>();
    private final List<String> tokenBodies = new CopyOnWriteArrayList<>();
    private volatile int refuseFirst;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/auth/token", exchange -> {
            tokenBodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] body = ("{\"access_token\":\"t" + tokensIssued.incrementAndGet()
                    + "\",\"token_type\":\"Bearer\",\"expires_in\":300}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/api/v1/lessons", exchange -> {
            bearersSeen.add(exchange.getRequestHeaders().getFirst("Authorization"));
            if (refuseFirst > 0) {
                refuseFirst--;
                exchange.sendResponseHeaders(401, -1);
                exchange.close();
                return;
            }
            byte[] body = "{\"items\":[]}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private ServiceCalls calls(String secret, Clock clock) {
        MockEnvironment env = new MockEnvironment().withProperty("LESSON_SERVICE_URL", base() + "/");
        ServiceTokenSource tokens = new ClientCredentialsTokenSource(RestClient.create(base()), "scheduler-service",
                secret, clock);
        return new ServiceCalls(RestClient.builder(), env, tokens);
    }

    @Test
    void sendsOneCachedServiceTokenFetchedWithTheDeployablesSecret() {
        ServiceCalls calls = calls("s3cret", Clock.systemUTC());
        for (int i = 0; i < 3; i++) {
            assertThat(calls.to("lesson-service").get().uri("/api/v1/lessons").retrieve().body(String.class))
                    .contains("items");
        }
        assertThat(tokensIssued).hasValue(1);
        assertThat(bearersSeen).containsOnly("Bearer t1");
        assertThat(tokenBodies.getFirst()).contains("\"client_id\":\"scheduler-service\"")
                .contains("\"client_secret\":\"s3cret\"").contains("client_credentials");
    }

    @Test
    void aRefusedTokenIsReplacedAndTheCallTriedOnceMore() {
        ServiceCalls calls = calls("s3cret", Clock.systemUTC());
        refuseFirst = 1;
        assertThat(calls.to("lesson-service").get().uri("/api/v1/lessons").retrieve().body(String.class))
                .contains("items");
        assertThat(bearersSeen).containsExactly("Bearer t1", "Bearer t2");
    }

    @Test
    void aTokenIsRenewedBeforeItExpires() {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-06T10:00:00Z"));
        ServiceCalls calls = calls("s3cret", clock);
        calls.to("lesson-service").get().uri("/api/v1/lessons").retrieve().toBodilessEntity();
        clock.now = clock.now.plusSeconds(250);
        calls.to("lesson-service").get().uri("/api/v1/lessons").retrieve().toBodilessEntity();
        assertThat(bearersSeen).containsExactly("Bearer t1", "Bearer t2");
    }

    @Test
    void withoutASecretTheCallFailsNamingTheVariable() {
        ServiceCalls calls = calls("", Clock.systemUTC());
        assertThatThrownBy(() -> calls.to("lesson-service").get().uri("/api/v1/lessons").retrieve()
                .toBodilessEntity()).isInstanceOf(ServiceCallException.class)
                .hasMessageContaining("SCHEDULER_SERVICE_SECRET_KEY");
        assertThat(bearersSeen).isEmpty();
    }

    @Test
    void baseUrlsComeFromTheSeedVariablesOrTheLaunchersPorts() {
        ServiceCalls calls = calls("x", Clock.systemUTC());
        assertThat(calls.baseUrl("lesson-service")).isEqualTo(base());
        assertThat(calls.baseUrl("homework-service")).isEqualTo("http://127.0.0.1:8004");
        assertThatThrownBy(() -> calls.baseUrl("nobody")).isInstanceOf(IllegalArgumentException.class);
    }

    private static final class MutableClock extends Clock {
        volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
