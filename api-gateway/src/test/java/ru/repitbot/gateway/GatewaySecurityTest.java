package ru.repitbot.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.Test;
import ru.repitbot.gateway.support.Callers;
import ru.repitbot.gateway.support.GatewayIntegrationTest;
import ru.repitbot.testsupport.ApiClient;
import ru.repitbot.testsupport.TestTokens;

class GatewaySecurityTest extends GatewayIntegrationTest {

    private static final String PROTECTED = "/api/v1/lessons";

    @Test
    void refusesARequestWithoutAToken() {
        ApiClient.ApiResponse response = ApiClient.local(port).get(PROTECTED);

        assertProblem(response, 401, "unauthorized");
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void refusesBrokenExpiredForeignAndAlgorithmConfusedTokens() {
        TestTokens tokens = TestTokens.get();
        long id = Callers.freshUserId();
        String expired = tokens.custom(id, "tutor", c -> c
                .issueTime(Date.from(Instant.now().minusSeconds(3600)))
                .notBeforeTime(Date.from(Instant.now().minusSeconds(3600)))
                .expirationTime(Date.from(Instant.now().minusSeconds(60))));
        String otherAudience = tokens.custom(id, "tutor", c -> c.audience("someone-else"));
        String otherIssuer = tokens.custom(id, "tutor", c -> c.issuer("not-auth-service"));
        for (String token : new String[] {"not-a-jwt", expired, otherAudience, otherIssuer,
            tokens.hmacSigned(id, "admin"), tokens.signedByStranger(id, "admin")}) {
            ApiClient.ApiResponse response = ApiClient.local(port).withToken(token).get(PROTECTED);
            assertProblem(response, 401, "unauthorized");
        }
    }

    @Test
    void letsTheLoginEndpointsThroughWithoutAToken() {
        Callers.Anonymous caller = anonymous();
        ApiClient.ApiResponse login = caller.post("/api/v1/auth/login",
                "{\"access_code\":\"ABCDEF12\",\"telegram_id\":1}");

        assertThat(login.status()).as("%s", login).isEqualTo(200);
        assertThat(login.json().path("service").asString()).isEqualTo("auth-service");
        assertThat(login.json().path("path").asString()).isEqualTo("/api/v1/auth/login");
    }

    @Test
    void ignoresAStaleTokenOnTheOpenEndpoints() {
        String expired = TestTokens.get().custom(Callers.freshUserId(), "tutor", c -> c
                .issueTime(Date.from(Instant.now().minusSeconds(7200)))
                .notBeforeTime(Date.from(Instant.now().minusSeconds(7200)))
                .expirationTime(Date.from(Instant.now().minusSeconds(60))));

        ApiClient.ApiResponse refresh = anonymous().post("/api/v1/auth/refresh", "{\"refresh_token\":\"x\"}",
                "Authorization", "Bearer " + expired);

        assertThat(refresh.status()).as("%s", refresh).isEqualTo(200);
        assertThat(refresh.json().path("authorization").asString())
                .as("the token still travels on; the service decides").isEqualTo("Bearer " + expired);
    }

    @Test
    void servesCalendarFeedsAndTheJwksWithoutAToken() {
        ApiClient.ApiResponse feed = anonymous().get("/api/v1/calendar/f3cr3t-token.ics");
        assertThat(feed.status()).isEqualTo(200);
        assertThat(feed.json().path("service").asString()).isEqualTo("lesson-service");

        ApiClient.ApiResponse jwks = anonymous().get("/.well-known/jwks.json");
        assertThat(jwks.status()).isEqualTo(200);
        assertThat(jwks.json().path("service").asString()).isEqualTo("auth-service");
    }

    @Test
    void otherAuthEndpointsNeedAToken() {
        assertProblem(ApiClient.local(port).get("/api/v1/auth/me"), 401, "unauthorized");
    }
}
