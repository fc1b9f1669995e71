package ru.repitbot.gateway.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import ru.repitbot.testsupport.ApiClient;
import ru.repitbot.testsupport.TestInfrastructure;

/**
 * The one gateway context all integration tests share: fake services, real Redis (test-support), the test JWKS, and
 * deliberately tiny limits so that rate limiting, timeouts and the circuit breaker can be seen quickly.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "repitbot.gateway.rate-limit.requests=3",
    "repitbot.gateway.rate-limit.window-seconds=60",
    "repitbot.gateway.rate-limit.auth-requests=3",
    "repitbot.gateway.rate-limit.auth-window-seconds=60",
    "repitbot.gateway.response-timeout=1s",
    "repitbot.gateway.connect-timeout=1s",
    "repitbot.gateway.circuit-breaker.minimum-calls=3",
    "repitbot.gateway.circuit-breaker.sliding-window=4",
    "repitbot.gateway.circuit-breaker.open-duration=60s",
    "repitbot.gateway.cors.origins=https://app.example",
    "repitbot.gateway.cors.credentials=true"})
public abstract class GatewayIntegrationTest {

    public static final int RATE_LIMIT = 3;

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        FakeServices.get().urls().forEach((service, url) ->
                registry.add("repitbot.gateway.services." + service, () -> url));
        // Buckets of earlier runs (they live 2 windows in Redis) stay out of this one.
        registry.add("repitbot.gateway.rate-limit.key-prefix", () -> "gw-" + TestInfrastructure.get().runId());
    }

    protected ApiClient user(String role) {
        return Callers.freshUser(port, role);
    }

    protected Callers.Anonymous anonymous() {
        return Callers.anonymous(port);
    }

    protected static void assertProblem(ApiClient.ApiResponse response, int status, String kind) {
        assertThat(response.status()).as("%s", response).isEqualTo(status);
        assertThat(response.isProblem()).as("content type %s", response.contentType()).isTrue();
        assertThat(response.json().path("type").asString()).isEqualTo("urn:repitbot:problem:" + kind);
        assertThat(response.json().path("status").asInt()).isEqualTo(status);
        assertThat(response.json().path("title").asString()).isNotBlank();
        assertThat(response.json().path("detail").asString()).isNotBlank();
        assertThat(response.json().path("request_id").asString())
                .isNotBlank().isEqualTo(response.header("X-Request-Id"));
    }
}
