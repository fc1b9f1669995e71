package ru.repitbot.auth.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import ru.repitbot.testsupport.ApiClient;
import ru.repitbot.testsupport.OpenApiConformance;
import ru.repitbot.testsupport.ServiceContractChecks;
import tools.jackson.databind.JsonNode;

class AuthServiceSmokeTest extends AuthApiTestBase {

    @Autowired
    ApplicationContext context;

    @Test
    void theOpenApiDocumentDescribesTheRealApi() {
        OpenApiConformance.assertConforms(context, port);
    }

    @Test
    void bootsHealthyWithItsDependenciesAndDocs() {
        // Health details answer service tokens only; auth-service accepts the tokens it issued itself.
        String serviceToken = serviceToken("telegram-bot", BOT_SECRET);
        ServiceContractChecks.assertOperableFor(serviceToken, port, "auth-service", "db", "redis");
        // auth-service has no events: the broker being down must not make it unhealthy.
        assertThat(ApiClient.local(port).withToken(serviceToken).get("/health")
                .json().path("components").has("rabbit")).isFalse();
    }

    @Test
    void meNeedsAToken() {
        ServiceContractChecks.assertNeedsToken(port, "/api/v1/auth/me");
    }

    @Test
    void publishesItsSigningKeyAndDocumentsItsEndpoints() {
        ApiClient api = ApiClient.local(port);
        ApiClient.ApiResponse jwks = api.get("/.well-known/jwks.json");
        assertThat(jwks.status()).isEqualTo(200);
        JsonNode key = jwks.json().path("keys").get(0);
        assertThat(key.path("kty").asString()).isEqualTo("RSA");
        assertThat(key.path("alg").asString()).isEqualTo("RS256");
        assertThat(key.path("use").asString()).isEqualTo("sig");
        assertThat(key.path("kid").asString()).isNotBlank();
        assertThat(key.has("d")).isFalse();

        JsonNode paths = api.get("/openapi.json").json().path("paths");
        assertThat(paths.has("/api/v1/auth/login")).isTrue();
        assertThat(paths.has("/api/v1/auth/refresh")).isTrue();
        assertThat(paths.has("/api/v1/auth/logout")).isTrue();
        assertThat(paths.has("/api/v1/auth/token")).isTrue();
        assertThat(paths.has("/api/v1/auth/me")).isTrue();
        assertThat(paths.has("/.well-known/jwks.json")).isTrue();
        JsonNode tokenBody = paths.path("/api/v1/auth/token").path("post").path("requestBody").path("content");
        assertThat(tokenBody.has("application/json")).as("%s", tokenBody).isTrue();
        assertThat(tokenBody.has("application/x-www-form-urlencoded")).as("%s", tokenBody).isTrue();
        // The docs name fields as they travel.
        JsonNode login = api.get("/openapi.json").json().path("components").path("schemas").path("LoginRequest");
        assertThat(login.path("properties").has("access_code")).as("%s", login).isTrue();
        assertThat(login.path("properties").has("telegram_id")).isTrue();
    }
}
