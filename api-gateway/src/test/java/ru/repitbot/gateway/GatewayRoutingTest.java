package ru.repitbot.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ru.repitbot.gateway.support.Callers;
import ru.repitbot.gateway.support.GatewayIntegrationTest;
import ru.repitbot.testsupport.ApiClient;
import ru.repitbot.testsupport.TestTokens;
import tools.jackson.databind.JsonNode;

class GatewayRoutingTest extends GatewayIntegrationTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "/api/v1/users/42?include=links,            user-service",
        "/api/v1/auth/me,                           auth-service",
        "/api/v1/lessons/7/attendance,              lesson-service",
        "/api/v1/schedules/3,                       lesson-service",
        "/api/v1/homework/9,                        homework-service",
        "/api/v1/payments,                          payment-service",
        "/api/v1/balances/5,                        payment-service",
        "/api/v1/prices/5,                          payment-service",
        "/api/v1/notifications/preferences,         notification-service",
        "/api/v1/messages/12,                       notification-service",
        "/api/v1/broadcasts,                        notification-service",
        "/api/v1/materials/4,                       material-service",
        "/api/v1/analytics/students/4,              analytics-service",
        "/api/v1/reports/monthly?month=2026-03,     analytics-service",
        "/api/v1/achievements/4,                    achievement-service",
        "/api/v1/points/4,                          achievement-service"})
    void routesEachResourceToItsOwnerWithPathTokenAndRequestIdUnchanged(String pathAndQuery, String service) {
        String token = TestTokens.get().user(Callers.freshUserId(), "tutor");
        String requestId = "req-" + UUID.randomUUID();
        ApiClient.ApiResponse response = ApiClient.local(port).withToken(token)
                .withHeader("X-Request-Id", requestId).get(pathAndQuery);

        assertThat(response.status()).as("%s", response).isEqualTo(200);
        JsonNode echo = response.json();
        assertThat(echo.path("service").asString()).isEqualTo(service);
        String[] parts = pathAndQuery.split("\\?", 2);
        assertThat(echo.path("path").asString()).isEqualTo(parts[0]);
        if (parts.length > 1) {
            assertThat(echo.path("query").asString()).isEqualTo(parts[1]);
        }
        assertThat(echo.path("authorization").asString()).isEqualTo("Bearer " + token);
        assertThat(echo.path("request_id").asString()).isEqualTo(requestId);
        assertThat(response.headers().get("X-Request-Id")).containsExactly(requestId);
    }

    @Test
    void passesBodiesAndMethodsThrough() {
        ApiClient.ApiResponse response = user("tutor").post("/api/v1/homework", "{\"title\":\"Дроби\"}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("method").asString()).isEqualTo("POST");
        assertThat(response.json().path("body").asString()).isEqualTo("{\"title\":\"Дроби\"}");
    }

    @Test
    void carriesTheTraceOnToTheService() {
        ApiClient.ApiResponse response = user("parent").get("/api/v1/balances/3");

        // W3C trace context: version, trace id, parent span id, flags (sampled, and since Trace Context Level 2 the
        // "random trace id" bit: 03 is as valid as 01).
        assertThat(response.json().path("traceparent").asString())
                .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
    }

    @Test
    void makesARequestIdWhenNoneOrAnUnsafeOneComes() {
        ApiClient.ApiResponse none = user("student").get("/api/v1/lessons");
        String made = none.header("X-Request-Id");
        assertThat(made).isNotBlank();
        assertThat(none.json().path("request_id").asString()).isEqualTo(made);

        ApiClient.ApiResponse unsafe = user("student").withHeader("X-Request-Id", "<script>alert(1)</script>")
                .get("/api/v1/lessons");
        assertThat(unsafe.header("X-Request-Id")).isNotBlank().doesNotContain("<");
        assertThat(unsafe.json().path("request_id").asString()).isEqualTo(unsafe.header("X-Request-Id"));
    }

    @Test
    void passesAServicesOwnErrorsOnUntouched() {
        ApiClient.ApiResponse response = user("tutor").get("/api/v1/materials/missing");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().path("from").asString()).isEqualTo("material-service");
    }

    @Test
    void neverRoutesInternalEndpoints() {
        String serviceToken = TestTokens.get().service("auth-service");
        ApiClient.ApiResponse withToken = ApiClient.local(port).withToken(serviceToken)
                .post("/internal/v1/access-codes/verify", "{\"access_code\":\"ABCDEF12\"}");
        assertProblem(withToken, 404, "not-found");

        assertProblem(anonymous().get("/internal/v1/users/1"), 404, "not-found");
    }

    @Test
    void refusesPathsThatAServiceCouldNormaliseIntoInternalOnes() {
        ApiClient.ApiResponse traversal = user("admin").get("/api/v1/users/..;/..;/internal/v1/users");
        assertProblem(traversal, 400, "invalid-path");

        ApiClient.ApiResponse encoded = user("admin").get("/api/v1/users/%2e%2e/%2e%2e/internal/v1/users");
        assertProblem(encoded, 400, "invalid-path");
    }

    @Test
    void answersUnknownPathsAndWrongMethodsAsProblems() {
        assertProblem(user("tutor").get("/api/v2/nothing"), 404, "not-found");

        ApiClient.ApiResponse wrongMethod = ApiClient.local(port).delete("/health");
        assertProblem(wrongMethod, 405, "method-not-allowed");
    }
}
