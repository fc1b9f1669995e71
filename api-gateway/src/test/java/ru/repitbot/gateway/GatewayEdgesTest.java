package ru.repitbot.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import ru.repitbot.gateway.support.GatewayIntegrationTest;
import ru.repitbot.testsupport.RawHttp;
import ru.repitbot.testsupport.ApiClient;
import ru.repitbot.testsupport.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The public door: malformed requests are problem+json, and strangers see no health details and no metrics. */
class GatewayEdgesTest extends GatewayIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/users/a%00b", "/api/v1/users/a%2Fb", "/api/v1/users/a%5Cb",
        "/api/v1/users;jsessionid=0123", "/api/v1/users/a%0Ab", "/api/v1/users//7", "/api/v1/users/a|b",
        "/api/v1/users?q={x}"})
    void malformedRequestsAreProblemJson(String target) {
        assertProblem(RawHttp.get(port, target));
    }

    // Over-long request lines are not sent from here: Netty answers and closes the connection while this raw client is
    // still writing, so it mostly sees a reset. The end-to-end GeneratedMalformedInputIT sends a 12 kB query to every
    // operation through the running gateway and asserts the 414 problem (RefusalProblems); an over-long header (431)
    // takes the same path in RefusalProblems but has no test of its own (noted on issue 10).

    private static void assertProblem(RawHttp response) {
        assertThat(response.status()).as("%s", response).isBetween(400, 499);
        assertThat(response.contentType()).as("%s", response).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(response.status());
        assertThat(problem.path("type").asString()).startsWith("urn:repitbot:problem:");
        assertThat(problem.path("title").asString()).isNotBlank();
        assertThat(problem.path("detail").asString()).isNotBlank();
    }

    @Test
    void healthShowsNoDetailsToThepublic() {
        ApiClient.ApiResponse anonymous = ApiClient.local(port).get("/health");
        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.json().path("status").asString()).isEqualTo("UP");
        assertThat(anonymous.json().propertyNames()).doesNotContain("components", "details");
        ApiClient.ApiResponse user = user("tutor").get("/health");
        assertThat(user.json().propertyNames()).doesNotContain("components", "details");
    }

    @Test
    void metricsOnlyForTheMachineItselfOrAServiceToken() {
        ApiClient viaProxy = ApiClient.local(port).withHeader("X-Forwarded-For", "203.0.113.9")
                .withHeader("Accept", "text/plain");
        ApiClient.ApiResponse stranger = viaProxy.get("/metrics");
        assertThat(stranger.status()).as("%s", stranger).isIn(401, 403);
        assertThat(stranger.isProblem()).isTrue();
        assertThat(stranger.body()).doesNotContain("jvm_memory_used_bytes");

        assertThat(user("tutor").withHeader("X-Forwarded-For", "203.0.113.9").get("/metrics").status())
                .isIn(401, 403);
        ApiClient.ApiResponse service = viaProxy.withToken(TestTokens.get().service("telegram-bot"))
                .get("/metrics");
        assertThat(service.status()).isEqualTo(200);
        assertThat(service.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void swaggerUiKeepsTheTokenAcrossDocumentsAndReloads() {
        JsonNode config = ApiClient.local(port).get("/openapi.json/swagger-config").json();
        assertThat(config.path("persistAuthorization").asBoolean()).as("%s", config).isTrue();
    }
}
