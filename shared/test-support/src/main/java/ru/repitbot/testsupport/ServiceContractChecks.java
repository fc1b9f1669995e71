package ru.repitbot.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;

/**
 * What every deployable promises an operator (docs/architecture/README.md "Shared code (and only this)"): {@code /health} with its dependencies, Prometheus
 * {@code /metrics}, {@code /openapi.json}, {@code /docs}, {@code /redoc}, and a problem+json 401 without a token.
 */
public final class ServiceContractChecks {

    private ServiceContractChecks() {
    }

    /** Asserts the operational endpoints of the service at {@code port}; {@code dependencies} must be UP. */
    public static void assertOperable(int port, String serviceName, String... dependencies) {
        assertOperableFor(TestTokens.get().service("repitbot-checks"), port, serviceName, dependencies);
    }

    /**
     * The same, reading health details with {@code serviceToken} (auth-service checks tokens with its own keys, not
     * the test JWKS).
     */
    public static void assertOperableFor(String serviceToken, int port, String serviceName, String... dependencies) {
        ApiClient api = ApiClient.local(port);

        // Anyone may ask whether it is UP; components and details answer service tokens (shared/config's
        // EdgesWebTest checks that strangers see none; the bot, which checks no tokens, shows them to all).
        ApiClient.ApiResponse anonymous = api.get("/health");
        assertThat(anonymous.status()).as("GET /health: %s", anonymous).isEqualTo(200);
        ApiClient.ApiResponse health = api.withToken(serviceToken).get("/health");
        assertThat(health.status()).as("GET /health: %s", health).isEqualTo(200);
        JsonNode json = health.json();
        assertThat(json.path("status").asString()).isEqualTo("UP");
        for (String dependency : dependencies) {
            assertThat(json.path("components").path(dependency).path("status").asString())
                    .as("dependency %s in %s", dependency, health.body()).isEqualTo("UP");
        }

        ApiClient.ApiResponse metrics = api.withHeader("Accept", "text/plain").get("/metrics");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("application=\"" + serviceName + "\"");

        ApiClient.ApiResponse openapi = api.get("/openapi.json");
        assertThat(openapi.status()).as("GET /openapi.json: %s", openapi).isEqualTo(200);
        assertThat(openapi.json().path("openapi").asString()).startsWith("3.");

        assertThat(api.withHeader("Accept", "text/html").get("/docs").status()).isIn(200, 302);
        assertThat(api.withHeader("Accept", "text/html").get("/redoc").body()).contains("openapi.json");
    }

    /** Asserts that {@code path} needs a token and says so as problem+json. */
    public static void assertNeedsToken(int port, String path) {
        ApiClient.ApiResponse response = ApiClient.local(port).get(path);
        assertThat(response.status()).as("GET %s without token", path).isEqualTo(401);
        assertThat(response.isProblem()).as("content type %s", response.contentType()).isTrue();
    }
}
