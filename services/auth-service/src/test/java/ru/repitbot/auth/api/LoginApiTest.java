package ru.repitbot.auth.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import ru.repitbot.config.security.SecurityProperties;
import ru.repitbot.config.security.TokenValidation;
import ru.repitbot.testsupport.ApiClient.ApiResponse;
import tools.jackson.databind.JsonNode;

class LoginApiTest extends AuthApiTestBase {

    /** How every other service validates auth-service's tokens: through the published JWKS. */
    JwtDecoder viaJwks() {
        return TokenValidation.decoder(new SecurityProperties(null,
                "http://127.0.0.1:" + port + "/.well-known/jwks.json", "repitbot-auth", "repitbot", null));
    }

    @Test
    void theRightCodeGivesTokensThatValidateAgainstThePublishedJwks() throws Exception {
        FakeUserService.User user = users.addUser("student", "Маша Иванова");
        long telegramId = randomTelegramId();

        ApiResponse response = login(anonymousCaller(), user.code, telegramId);

        assertThat(response.status()).as("%s", response).isEqualTo(200);
        assertThat(response.header("Cache-Control")).contains("no-store");
        JsonNode body = response.json();
        assertThat(body.path("token_type").asString()).isEqualTo("bearer");
        assertThat(body.path("expires_in").asLong()).isEqualTo(1800);
        assertThat(body.path("refresh_expires_in").asLong()).isEqualTo(7 * 24 * 3600);
        assertThat(body.path("user_id").asLong()).isEqualTo(user.id);
        assertThat(body.path("user_role").asString()).isEqualTo("student");
        assertThat(body.path("full_name").asString()).isEqualTo("Маша Иванова");
        assertThat(body.path("refresh_token").asString()).hasSize(43);
        assertThat(user.telegramId).isEqualTo(telegramId);

        String accessToken = body.path("access_token").asString();
        Jwt jwt = viaJwks().decode(accessToken);
        assertThat(jwt.getSubject()).isEqualTo(Long.toString(user.id));
        assertThat(jwt.getClaimAsString("role")).isEqualTo("student");
        assertThat(jwt.getClaimAsString("iss")).isEqualTo("repitbot-auth");
        assertThat(jwt.getAudience()).containsExactly("repitbot");
        assertThat(jwt.getId()).isNotBlank();
        assertThat(jwt.getIssuedAt()).isNotNull();
        assertThat(jwt.getNotBefore()).isNotNull();
        assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isEqualTo(Duration.ofMinutes(30));

        SignedJWT parsed = SignedJWT.parse(accessToken);
        assertThat(parsed.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        JWKSet jwks = JWKSet.parse(api().get("/.well-known/jwks.json").body());
        assertThat(jwks.getKeyByKeyId(parsed.getHeader().getKeyID())).isNotNull();
        assertThat(jwks.getKeys()).allSatisfy(k -> assertThat(k.isPrivate()).isFalse());
    }

    @Test
    void theCodeIsTrimmedAndUpperCasedAndTheLoginSeesItselfAtMe() {
        FakeUserService.User user = users.addUser("tutor", "Марина");

        ApiResponse response = login(anonymousCaller(), "  " + user.code.toLowerCase() + " ", randomTelegramId());

        assertThat(response.status()).as("%s", response).isEqualTo(200);
        String token = response.json().path("access_token").asString();
        ApiResponse me = api().withToken(token).get("/api/v1/auth/me");
        assertThat(me.status()).as("%s", me).isEqualTo(200);
        assertThat(me.json().path("user_id").asLong()).isEqualTo(user.id);
        assertThat(me.json().path("role").asString()).isEqualTo("tutor");
        Instant expiresAt = Instant.parse(me.json().path("expires_at").asString());
        assertThat(expiresAt).isBetween(Instant.now().plus(Duration.ofMinutes(28)),
                Instant.now().plus(Duration.ofMinutes(31)));
        assertThat(me.json().path("expires_in").asLong()).isBetween(1700L, 1800L);
    }

    @Test
    void authServiceCallsUserServiceWithItsOwnServiceToken() {
        FakeUserService.User user = users.addUser("parent", "Папа");
        assertThat(login(anonymousCaller(), user.code, randomTelegramId()).status()).isEqualTo(200);

        Jwt token = viaJwks().decode(users.authorizations().getLast());

        assertThat(token.getSubject()).isEqualTo("service:auth-service");
        assertThat(token.getClaimAsString("role")).isEqualTo("service");
    }

    @Test
    void aWrongCodeIs401Problem() {
        ApiResponse response = login(anonymousCaller(), FakeUserService.randomCode(), randomTelegramId());

        assertThat(response.status()).as("%s", response).isEqualTo(401);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().path("detail").asString()).containsIgnoringCase("wrong access code");
    }

    @Test
    void aCodeBoundToAnotherTelegramAccountIs409Problem() {
        FakeUserService.User user = users.addUser("student", "Петя");
        assertThat(login(anonymousCaller(), user.code, randomTelegramId()).status()).isEqualTo(200);

        ApiResponse response = login(anonymousCaller(), user.code, randomTelegramId());

        assertThat(response.status()).as("%s", response).isEqualTo(409);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().path("detail").asString()).contains("another Telegram account");
    }

    @Test
    void loggingInAgainFromTheBoundAccountWorks() {
        FakeUserService.User user = users.addUser("student", "Петя");
        long telegramId = randomTelegramId();
        assertThat(login(anonymousCaller(), user.code, telegramId).status()).isEqualTo(200);

        assertThat(login(anonymousCaller(), user.code, telegramId).status()).isEqualTo(200);
    }

    @Test
    void userServiceDownIs503ProblemAndNotCountedAsAWrongCode() {
        FakeUserService.User user = users.addUser("student", "Вася");
        long telegramId = randomTelegramId();
        users.setDown(true);
        try {
            for (int i = 0; i < 6; i++) {
                ApiResponse response = login(anonymousCaller(), user.code, telegramId);
                assertThat(response.status()).as("%s", response).isEqualTo(503);
                assertThat(response.isProblem()).isTrue();
                assertThat(response.header("Retry-After")).isNotBlank();
            }
        } finally {
            users.setDown(false);
        }
        assertThat(login(anonymousCaller(), user.code, telegramId).status()).isEqualTo(200);
    }

    @Test
    void malformedBodiesAre400ProblemsNamingTheField() {
        assertField(api().post("/api/v1/auth/login", Map.of()), "access_code", "telegram_id");
        assertField(api().post("/api/v1/auth/login", Map.of("access_code", "ab1", "telegram_id", 5)),
                "access_code");
        assertField(api().post("/api/v1/auth/login", Map.of("access_code", "ABCD-1234", "telegram_id", 5)),
                "access_code");
        assertField(api().post("/api/v1/auth/login", Map.of("access_code", "ABCD1234", "telegram_id", -5)),
                "telegram_id");
        assertField(api().sendRaw("POST", "/api/v1/auth/login",
                "{\"access_code\": \"ABCD1234\", \"telegram_id\": \"not-a-number\"}"), "telegram_id");
        assertField(api().sendRaw("POST", "/api/v1/auth/login", "{\"access_code\": "), "body");
        assertField(api().post("/api/v1/auth/login", Map.of("access_code", "ABCD1234", "telegram_id", 5,
                "username", "x".repeat(65))), "username");
        assertField(api().post("/api/v1/auth/login", Map.of("access_code", "ABCD1234", "telegram_id", 5,
                "user_name", "masha")), "user_name");
        assertField(api().post("/api/v1/auth/token", Map.of("grant_type", "client_credentials",
                "client_id", "telegram-bot", "client_secret", BOT_SECRET, "scope", "all")), "scope");
    }

    @Test
    void anUnknownFieldIsRefusedBeforeTheCodeIsLookedAtAndNotCounted() {
        FakeUserService.User user = users.addUser("student", "Лена");
        long telegramId = randomTelegramId();
        var caller = anonymousCaller();
        for (int i = 0; i < 7; i++) {
            ApiResponse refused = caller.post("/api/v1/auth/login", Map.of("access_code", "WRONG999",
                    "telegram_id", telegramId, "telegramm", 1));
            assertThat(refused.status()).as("%s", refused).isEqualTo(400);
            assertThat(refused.json().path("errors").get(0).path("reason").asString()).isEqualTo("unknown field");
        }

        assertThat(login(caller, user.code, telegramId).status()).as("no lock-out").isEqualTo(200);
    }

    @Test
    void aWrongFormatIsNotCountedAsAWrongCode() {
        FakeUserService.User user = users.addUser("student", "Оля");
        long telegramId = randomTelegramId();
        var caller = anonymousCaller();
        for (int i = 0; i < 7; i++) {
            assertThat(login(caller, "bad!", telegramId).status()).isEqualTo(400);
        }

        assertThat(login(caller, user.code, telegramId).status()).isEqualTo(200);
    }

    @Test
    void meNeedsAValidToken() {
        ApiResponse none = api().get("/api/v1/auth/me");
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.isProblem()).isTrue();

        assertThat(api().withToken("not.a.token").get("/api/v1/auth/me").status()).isEqualTo(401);
    }

    static void assertField(ApiResponse response, String... fields) {
        assertThat(response.status()).as("%s", response).isEqualTo(400);
        assertThat(response.isProblem()).as("content type %s", response.contentType()).isTrue();
        assertThat(response.json().path("errors").findValuesAsString("field")).as("%s", response)
                .contains(fields);
    }
}
