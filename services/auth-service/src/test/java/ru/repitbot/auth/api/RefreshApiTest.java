package ru.repitbot.auth.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.repitbot.testsupport.ApiClient.ApiResponse;
import ru.repitbot.testsupport.TestTokens;
import tools.jackson.databind.JsonNode;

class RefreshApiTest extends AuthApiTestBase {

    @Autowired
    JdbcTemplate jdbc;

    private JsonNode loggedIn(FakeUserService.User user) {
        ApiResponse response = login(anonymousCaller(), user.code, randomTelegramId());
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.json();
    }

    @Test
    void refreshRotatesTheRefreshTokenAndIssuesAWorkingAccessToken() {
        FakeUserService.User user = users.addUser("student", "Аня");
        String first = loggedIn(user).path("refresh_token").asString();

        ApiResponse response = refresh(first);

        assertThat(response.status()).as("%s", response).isEqualTo(200);
        JsonNode body = response.json();
        String second = body.path("refresh_token").asString();
        assertThat(second).isNotBlank().isNotEqualTo(first);
        assertThat(body.path("user_id").asLong()).isEqualTo(user.id);
        assertThat(body.path("token_type").asString()).isEqualTo("bearer");
        ApiResponse me = api().withToken(body.path("access_token").asString()).get("/api/v1/auth/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("user_id").asLong()).isEqualTo(user.id);

        assertThat(refresh(second).status()).isEqualTo(200);
    }

    @Test
    void reusingAnOldRefreshTokenIs401AndRevokesTheNewOneToo() {
        FakeUserService.User user = users.addUser("student", "Боря");
        String first = loggedIn(user).path("refresh_token").asString();
        String second = refresh(first).json().path("refresh_token").asString();

        ApiResponse replay = refresh(first);

        assertThat(replay.status()).as("%s", replay).isEqualTo(401);
        assertThat(replay.isProblem()).isTrue();
        assertThat(replay.json().path("detail").asString()).contains("already used");
        ApiResponse legit = refresh(second);
        assertThat(legit.status()).as("%s", legit).isEqualTo(401);
        assertThat(legit.json().path("detail").asString()).contains("revoked");
    }

    @Test
    void anotherLoginOfTheSameUserIsNotAffectedByAReplay() {
        FakeUserService.User user = users.addUser("tutor", "Марина");
        long telegramId = randomTelegramId();
        String phone = login(anonymousCaller(), user.code, telegramId).json().path("refresh_token").asString();
        String laptop = login(anonymousCaller(), user.code, telegramId).json().path("refresh_token").asString();
        refresh(phone);

        assertThat(refresh(phone).status()).isEqualTo(401);

        assertThat(refresh(laptop).status()).isEqualTo(200);
    }

    @Test
    void logoutRevokesAndIsIdempotent() {
        FakeUserService.User user = users.addUser("parent", "Мама");
        String first = loggedIn(user).path("refresh_token").asString();
        String second = refresh(first).json().path("refresh_token").asString();

        ApiResponse logout = api().post("/api/v1/auth/logout", Map.of("refresh_token", second));

        assertThat(logout.status()).as("%s", logout).isEqualTo(204);
        assertThat(refresh(second).status()).isEqualTo(401);
        assertThat(api().post("/api/v1/auth/logout", Map.of("refresh_token", second)).status()).isEqualTo(204);
        assertThat(api().post("/api/v1/auth/logout", Map.of("refresh_token", "never-issued")).status())
                .isEqualTo(204);
    }

    @Test
    void anUnknownRefreshTokenIs401() {
        ApiResponse response = refresh("x".repeat(43));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.isProblem()).isTrue();
    }

    @Test
    void refreshCarriesTheRoleUserServiceHasNow() {
        FakeUserService.User user = users.addUser("student", "Коля");
        String refreshToken = loggedIn(user).path("refresh_token").asString();
        user.role = "tutor";

        ApiResponse response = refresh(refreshToken);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("user_role").asString()).isEqualTo("tutor");
        ApiResponse me = api().withToken(response.json().path("access_token").asString()).get("/api/v1/auth/me");
        assertThat(me.json().path("role").asString()).isEqualTo("tutor");
    }

    @Test
    void aDeletedUserCannotRefreshAnyMore() {
        FakeUserService.User user = users.addUser("student", "Уходящий");
        String refreshToken = loggedIn(user).path("refresh_token").asString();
        users.delete(user.id);

        ApiResponse response = refresh(refreshToken);

        assertThat(response.status()).as("%s", response).isEqualTo(401);
        assertThat(response.json().path("detail").asString()).contains("no longer exists");
    }

    @Test
    void resettingTheAccessCodeEndsTheLoginOfTheOldDevice() {
        FakeUserService.User user = users.addUser("student", "Потерявший телефон");
        String first = loggedIn(user).path("refresh_token").asString();
        String second = refresh(first).json().path("refresh_token").asString();
        user.telegramId = null; // the tutor reset the code: user-service unbound the Telegram account

        ApiResponse response = refresh(second);

        assertThat(response.status()).as("%s", response).isEqualTo(401);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().path("detail").asString()).contains("access code was reset");
        assertThat(response.json().has("refresh_token")).isFalse();
        ApiResponse again = refresh(second);
        assertThat(again.status()).as("%s", again).isEqualTo(401);
        assertThat(again.json().path("detail").asString()).contains("access code was reset");
        assertThat(refresh(first).status()).isEqualTo(401);
        assertThat(jdbc.queryForList("SELECT revoked_reason FROM refresh_family WHERE user_id = ?", String.class,
                user.id)).containsExactly("unbound");
    }

    @Test
    void theFamilyStaysRevokedWhenTheCodeIsBoundAgain() {
        FakeUserService.User user = users.addUser("student", "Новый телефон");
        long oldPhone = randomTelegramId();
        String old = login(anonymousCaller(), user.code, oldPhone).json().path("refresh_token").asString();
        user.telegramId = null;
        assertThat(refresh(old).status()).isEqualTo(401);

        long newPhone = randomTelegramId();
        ApiResponse relogin = login(anonymousCaller(), user.code, newPhone);
        assertThat(relogin.status()).as("%s", relogin).isEqualTo(200);

        assertThat(refresh(old).status()).as("the old login stays ended").isEqualTo(401);
        assertThat(refresh(relogin.json().path("refresh_token").asString()).status()).isEqualTo(200);
    }

    @Test
    void aLoginFromTheOldAccountEndsOnceTheCodeIsBoundToAnotherOne() {
        FakeUserService.User user = users.addUser("student", "Сменивший аккаунт");
        String old = loggedIn(user).path("refresh_token").asString();
        user.telegramId = randomTelegramId(); // reset and bound anew before the old device refreshed

        ApiResponse response = refresh(old);

        assertThat(response.status()).as("%s", response).isEqualTo(401);
        assertThat(response.json().path("detail").asString()).contains("access code was reset");
    }

    @Test
    void whenUserServiceIsDownRefreshIs503AndTheTokenStaysUsable() {
        FakeUserService.User user = users.addUser("student", "Терпеливый");
        String refreshToken = loggedIn(user).path("refresh_token").asString();
        users.setDown(true);
        try {
            ApiResponse response = refresh(refreshToken);
            assertThat(response.status()).as("%s", response).isEqualTo(503);
            assertThat(response.isProblem()).isTrue();
        } finally {
            users.setDown(false);
        }

        assertThat(refresh(refreshToken).status()).isEqualTo(200);
    }

    @Test
    void aStaleAccessTokenSentAlongDoesNotGetInTheWay() {
        FakeUserService.User user = users.addUser("student", "Забывчивый");
        String refreshToken = loggedIn(user).path("refresh_token").asString();
        String expired = TestTokens.get().custom(user.id, "student", c -> c.expirationTime(
                java.util.Date.from(java.time.Instant.now().minusSeconds(3600))));

        ApiResponse response = api().withToken(expired).post("/api/v1/auth/refresh",
                Map.of("refresh_token", refreshToken));

        assertThat(response.status()).as("%s", response).isEqualTo(200);
    }

    @Test
    void aMissingRefreshTokenIs400NamingTheField() {
        LoginApiTest.assertField(api().post("/api/v1/auth/refresh", Map.of()), "refresh_token");
        LoginApiTest.assertField(api().post("/api/v1/auth/logout", Map.of("refresh_token", "")), "refresh_token");
    }
}
