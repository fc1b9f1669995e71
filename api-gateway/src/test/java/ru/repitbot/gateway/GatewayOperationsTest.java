package ru.repitbot.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import ru.repitbot.gateway.support.Callers;
import ru.repitbot.gateway.support.GatewayIntegrationTest;
import ru.repitbot.gateway.web.AccessLogFilter;
import ru.repitbot.testsupport.ApiClient;
import ru.repitbot.testsupport.TestTokens;
import tools.jackson.databind.JsonNode;

class GatewayOperationsTest extends GatewayIntegrationTest {

    @Test
    void healthListsRedisAndTheServicesWithoutFailingOnADownOne() {
        ApiClient.ApiResponse health = ApiClient.local(port)
                .withToken(ru.repitbot.testsupport.TestTokens.get().service("telegram-bot")).get("/health");

        assertThat(health.status()).as("%s", health).isEqualTo(200);
        JsonNode json = health.json();
        assertThat(json.path("status").asString()).isEqualTo("UP");
        assertThat(json.path("components").path("redis").path("status").asString()).isEqualTo("UP");
        JsonNode downstream = json.path("components").path("downstream");
        assertThat(downstream.path("status").asString()).isEqualTo("UP");
        assertThat(downstream.path("details").path("user-service").asString()).isEqualTo("UP");
        assertThat(downstream.path("details").path("scheduler-service").asString()).isEqualTo("UNREACHABLE");

        assertThat(ApiClient.local(port).get("/livez").status()).isEqualTo(200);
        assertThat(ApiClient.local(port).get("/readyz").status()).isEqualTo(200);
    }

    /** Refused by Netty's HTTP codec before any filter runs: still a problem, like every other 4xx. */
    @Test
    void requestsTheHttpCodecRefusesAreProblemsToo() {
        ApiClient.ApiResponse longLine = ApiClient.local(port).get("/api/v1/users?search=" + "a".repeat(10_000));
        assertThat(longLine.status()).as("%s", longLine).isEqualTo(414);
        assertThat(longLine.isProblem()).as("content type %s", longLine.contentType()).isTrue();
        assertThat(longLine.json().path("type").asString()).isEqualTo("urn:repitbot:problem:uri-too-long");
        assertThat(longLine.json().path("status").asInt()).isEqualTo(414);
        assertThat(longLine.json().path("detail").asString()).contains("request line");

        ApiClient.ApiResponse bigHeaders = ApiClient.local(port).withHeader("X-Padding", "b".repeat(20_000))
                .get("/api/v1/users/7");
        assertThat(bigHeaders.status()).as("%s", bigHeaders).isEqualTo(431);
        assertThat(bigHeaders.isProblem()).as("content type %s", bigHeaders.contentType()).isTrue();
        assertThat(bigHeaders.json().path("status").asInt()).isEqualTo(431);

        // An ordinary answer is untouched.
        assertThat(user("tutor").get("/api/v1/users/7").status()).isEqualTo(200);
    }

    @Test
    void metricsIncludeRouteTimings() {
        assertThat(user("tutor").get("/api/v1/users/7").status()).isEqualTo(200);

        ApiClient.ApiResponse metrics = ApiClient.local(port).withHeader("Accept", "text/plain").get("/metrics");

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("application=\"api-gateway\"");
        assertThat(metrics.body()).containsPattern("spring_cloud_gateway_requests_seconds_count\\{[^}]*"
                + "routeId=\"user-service\"");
    }

    @Test
    void servesOneSwaggerUiOverEveryService() {
        ApiClient html = ApiClient.local(port).withHeader("Accept", "text/html");
        ApiClient.ApiResponse docs = html.get("/docs");
        assertThat(docs.status()).isIn(200, 302);
        if (docs.status() == 302) {
            ApiClient.ApiResponse page = html.get(docs.header("Location"));
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).containsIgnoringCase("swagger");
        }

        JsonNode config = ApiClient.local(port).get("/openapi.json/swagger-config").json();
        assertThat(config.path("urls").valueStream().map(u -> u.path("url").asString()))
                .contains("/openapi/user-service.json", "/openapi/lesson-service.json",
                        "/openapi/scheduler-service.json", "/openapi.json");

        ApiClient.ApiResponse userDocs = anonymous().get("/openapi/user-service.json");
        assertThat(userDocs.status()).as("%s", userDocs).isEqualTo(200);
        assertThat(userDocs.json().path("openapi").asString()).startsWith("3.");
        assertThat(userDocs.json().path("info").path("title").asString()).isEqualTo("RepitBot user-service");
        assertThat(userDocs.json().path("servers").get(0).path("url").asString())
                .as("Try it out goes through the gateway").isEqualTo("/");

        JsonNode own = ApiClient.local(port).get("/openapi.json").json();
        assertThat(own.path("openapi").asString()).startsWith("3.");
        assertThat(own.path("info").path("title").asString()).isEqualTo("RepitBot API gateway");
    }

    @Test
    void answersPreflightFromAnAllowedOriginAndRefusesOthers() {
        Callers.Anonymous browser = anonymous();
        ApiClient.ApiResponse allowed = browser.send("OPTIONS", "/api/v1/lessons", null,
                "Origin", "https://app.example",
                "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "authorization,content-type");
        assertThat(allowed.status()).as("%s", allowed).isEqualTo(200);
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("https://app.example");
        assertThat(allowed.header("Access-Control-Allow-Methods")).contains("POST");
        assertThat(allowed.header("Access-Control-Allow-Credentials")).isEqualTo("true");

        ApiClient.ApiResponse refused = browser.send("OPTIONS", "/api/v1/lessons", null,
                "Origin", "https://evil.example",
                "Access-Control-Request-Method", "POST");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Access-Control-Allow-Origin")).isNull();

        ApiClient.ApiResponse actual = user("tutor").withHeader("Origin", "https://app.example")
                .get("/api/v1/lessons");
        assertThat(actual.status()).isEqualTo(200);
        assertThat(actual.header("Access-Control-Allow-Origin")).isEqualTo("https://app.example");
        assertThat(actual.header("Access-Control-Expose-Headers")).contains("X-Request-Id");
    }

    @Test
    void writesOneAccessLogLinePerRequest() {
        Logger logger = (Logger) LoggerFactory.getLogger(AccessLogFilter.LOGGER);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            long userId = Callers.freshUserId();
            String requestId = "log-" + UUID.randomUUID();
            ApiClient.ApiResponse response = ApiClient.local(port)
                    .withToken(TestTokens.get().user(userId, "tutor"))
                    .withHeader("X-Request-Id", requestId).get("/api/v1/users/" + userId);
            assertThat(response.status()).isEqualTo(200);
            // The trace the service was handed (traceparent: 00-<trace id>-<span id>-<flags>) is the one logged.
            String traceId = response.json().path("traceparent").asString().split("-")[1];
            String deniedId = "log-" + UUID.randomUUID();
            ApiClient.local(port).withHeader("X-Request-Id", deniedId).get("/api/v1/users/1");

            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                Map<String, Object> line = find(appender, requestId);
                assertThat(line).containsEntry("status", 200).containsEntry("route", "user-service")
                        .containsEntry("method", "GET").containsEntry("path", "/api/v1/users/" + userId)
                        .containsEntry("user_id", Long.toString(userId))
                        .containsKeys("client", "duration_ms", "spanId")
                        .containsEntry("traceId", traceId);
                assertThat(find(appender, deniedId)).containsEntry("status", 401).containsEntry("route", "-");
            });
        } finally {
            logger.detachAppender(appender);
        }
    }

    private static Map<String, Object> find(ListAppender<ILoggingEvent> appender, String requestId) {
        return appender.list.stream()
                .map(e -> e.getKeyValuePairs() == null ? Map.<String, Object>of()
                        : e.getKeyValuePairs().stream().filter(kv -> kv.value != null)
                                .collect(Collectors.toMap(kv -> kv.key, kv -> kv.value, (a, b) -> a)))
                .filter(kv -> requestId.equals(kv.get("request_id")))
                .findFirst().orElse(Map.of());
    }
}
