package ru.repitbot.config.edges;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import ru.repitbot.testsupport.RawHttp;
import ru.repitbot.config.docs.RedocController;
import ru.repitbot.testsupport.ApiClient;
import ru.repitbot.testsupport.ApiClient.ApiResponse;
import ru.repitbot.testsupport.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The edges every service gets from shared/config, on a real Tomcat: what a client can send never earns a 5xx or an
 * HTML page, health says nothing to strangers, request values reach the log cut and escaped, the docs work offline.
 */
@SpringBootTest(classes = EdgeApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.application.name=edge-service", "repitbot.database.schema=edge"})
@ExtendWith(OutputCaptureExtension.class)
class EdgesWebTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    private ApiClient tutor() {
        return ApiClient.local(port).withToken(TestTokens.get().user(7, "tutor"));
    }

    @Test
    void aPageFarBeyondAnyListIsA400NamingPage() {
        ApiResponse response = tutor().get("/api/v1/things?page=99999999");
        assertThat(response.status()).as("%s", response).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode error = response.json().path("errors").get(0);
        assertThat(error.path("field").asString()).isEqualTo("page");
        assertThat(error.path("reason").asString()).contains("at most");

        assertThat(tutor().get("/api/v1/things?page=1001&size=100").status()).isEqualTo(200);
        assertThat(tutor().get("/api/v1/things?page=1002&size=100").status()).isEqualTo(400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/things/a%00b", "/api/v1/things/a%2Fb", "/api/v1/things/a%5Cb",
        "/api/v1/things/a|b", "/api/v1/things?q={x}", "/api/v1/things;jsessionid=0123", "/api/v1/things/a%0Ab",
        "/api/v1/things/a%25b"})
    void requestsTomcatOrTheFirewallRefuseAreProblemJson(String target) {
        assertProblem(RawHttp.get(port, target), 400);
    }

    @Test
    void anOverLongUrlOrHeaderIsProblemJson() {
        assertProblem(RawHttp.get(port, "/api/v1/things/" + "a".repeat(70_000)), 400);
        assertProblem(RawHttp.send(port, "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: "
                + "a".repeat(20_000) + "\r\nConnection: close\r\n\r\n"), 400);
    }

    private static void assertProblem(RawHttp response, int status) {
        assertThat(response.status()).as("%s", response).isEqualTo(status);
        assertThat(response.contentType()).as("%s", response).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("type").asString()).startsWith("urn:repitbot:problem:");
        assertThat(problem.path("title").asString()).isEqualTo("Bad Request");
        assertThat(problem.path("detail").asString()).isNotBlank();
    }

    @Test
    void healthShowsComponentsOnlyToServiceTokens() {
        ApiResponse anonymous = ApiClient.local(port).get("/health");
        assertThat(anonymous.status()).isEqualTo(200);
        // "groups" only names the probes (liveness, readiness) that /livez and /readyz answer; nothing inside.
        assertThat(anonymous.json().propertyNames()).doesNotContain("components", "details")
                .isSubsetOf("status", "groups");
        assertThat(anonymous.json().path("status").asString()).isEqualTo("UP");

        ApiResponse user = tutor().get("/health");
        assertThat(user.json().propertyNames()).doesNotContain("components", "details");

        ApiResponse service = ApiClient.local(port).withToken(TestTokens.get().service("api-gateway")).get("/health");
        assertThat(service.status()).isEqualTo(200);
        assertThat(service.json().path("components").path("db").path("details").path("database").asString())
                .isEqualTo("PostgreSQL");
    }

    @Test
    void aTypedValueReachesTheLogCutAndEscaped(CapturedOutput output) {
        String forged = "x\n{\"level\":\"ERROR\",\"message\":\"forged\"}" + "y".repeat(500);
        ApiResponse response = tutor().post("/api/v1/things", java.util.Map.of("name", forged));
        assertThat(response.status()).isEqualTo(200);
        String line = output.getAll().lines().filter(l -> l.contains("Unknown thing")).findFirst().orElseThrow();
        // JSON log lines escape once more: the escaped line break shows as \\n inside the message.
        assertThat(line).containsAnyOf("x\\\\n{", "x\\n{").doesNotContain("y".repeat(100)).contains("(538 chars)");
        assertThat(output.getAll().lines()).noneMatch(l -> l.startsWith("{\"level\":\"ERROR\",\"message\":\"forged"));
    }

    @Test
    void docsKeepTheTokenHideInternalRoutesAndWorkOffline() {
        ApiClient anonymous = ApiClient.local(port);
        JsonNode config = anonymous.get("/openapi.json/swagger-config").json();
        assertThat(config.path("persistAuthorization").asBoolean()).as("%s", config).isTrue();

        JsonNode document = anonymous.get("/openapi.json").json();
        assertThat(document.path("paths").has("/api/v1/things")).isTrue();
        assertThat(document.path("paths").propertyNames()).noneMatch(p -> p.contains("internal"))
                .noneMatch(p -> p.equals("/redoc") || p.equals("/error"));
        JsonNode badRequest = document.path("paths").path("/api/v1/things").path("get").path("responses").path("400");
        assertThat(badRequest.path("content").path("application/problem+json").path("schema").path("$ref").asString())
                .as("%s", badRequest).endsWith("/Problem");

        ApiResponse redoc = anonymous.withHeader("Accept", "text/html").get("/redoc");
        assertThat(redoc.status()).isEqualTo(200);
        assertThat(redoc.body()).doesNotContain("https://").contains("webjars/redoc/");
        ApiResponse script = anonymous.get("/webjars/redoc/" + RedocController.VERSION
                + "/bundles/redoc.standalone.js");
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.body().length()).isGreaterThan(100_000);
    }
}
