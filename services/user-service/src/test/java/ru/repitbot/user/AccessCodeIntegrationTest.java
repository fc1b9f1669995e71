package ru.repitbot.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import ru.repitbot.testsupport.ApiClient;
import tools.jackson.databind.JsonNode;

/** Login's half in user-service: codes bind Telegram accounts once, resets unbind (contracts "Login"). */
class AccessCodeIntegrationTest extends IntegrationTest {

    private static final String VERIFY = "/internal/v1/access-codes/verify";

    private ApiClient auth() {
        return asService("auth-service");
    }

    private static long telegramId() {
        return ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
    }

    private static Map<String, Object> login(String code, long telegramId, String username) {
        Map<String, Object> body = new HashMap<>();
        body.put("access_code", code);
        body.put("telegram_id", telegramId);
        body.put("username", username);
        return body;
    }

    @Test
    void aCodeBindsOnFirstUseThenOnlyThatAccountAndAResetAllowsRebinding() {
        long tutor = createTutor("Тьютор Кодов").path("id").asLong();
        JsonNode student = createStudent(tutor, "Ученик Кодов");
        long studentId = student.path("id").asLong();
        String code = student.path("access_code").asString();
        long phone = telegramId();

        ApiClient.ApiResponse first = auth().post(VERIFY, login("  " + code.toLowerCase() + " ", phone, "pupil_1"));
        assertThat(first.status()).as("%s", first).isEqualTo(200);
        assertThat(first.json().path("user_id").asLong()).isEqualTo(studentId);
        assertThat(first.json().path("role").asString()).isEqualTo("student");
        assertThat(first.json().path("full_name").asString()).isEqualTo("Ученик Кодов");
        JsonNode bound = auth().get("/api/v1/users/by-telegram/" + phone).json();
        assertThat(bound.path("id").asLong()).isEqualTo(studentId);
        assertThat(bound.path("username").asString()).isEqualTo("pupil_1");

        assertThat(auth().post(VERIFY, login(code, phone, "pupil_1")).status()).as("same account again")
                .isEqualTo(200);
        ApiClient.ApiResponse stranger = auth().post(VERIFY, login(code, telegramId(), "thief"));
        assertThat(stranger.status()).as("another account").isEqualTo(409);
        assertThat(stranger.isProblem()).isTrue();

        ApiClient.ApiResponse reset = as(tutor, "tutor").post("/api/v1/users/" + studentId + "/access-code", null);
        assertThat(reset.status()).isEqualTo(200);
        String newCode = reset.json().path("access_code").asString();
        assertThat(newCode).matches("[A-Z0-9]{8}").isNotEqualTo(code);
        assertThat(reset.json().get("telegram_id").isNull()).as("unbound: present as null").isTrue();
        assertThat(auth().get("/api/v1/users/by-telegram/" + phone).status()).isEqualTo(404);

        assertThat(auth().post(VERIFY, login(code, phone, null)).status()).as("the old code is gone")
                .isEqualTo(404);
        long newPhone = telegramId();
        ApiClient.ApiResponse rebound = auth().post(VERIFY, login(newCode, newPhone, null));
        assertThat(rebound.status()).as("%s", rebound).isEqualTo(200);
        assertThat(as(studentId, "student").get("/api/v1/users/by-telegram/" + newPhone).json().path("id").asLong())
                .as("a user finds themselves by their Telegram id").isEqualTo(studentId);
    }

    @Test
    void aTelegramAccountBoundToOneUserCannotTakeAnothersCode() {
        long tutor = createTutor("Тьютор Двух Кодов").path("id").asLong();
        String codeA = createStudent(tutor, "Первый").path("access_code").asString();
        String codeB = createStudent(tutor, "Второй").path("access_code").asString();
        long phone = telegramId();
        assertThat(auth().post(VERIFY, login(codeA, phone, null)).status()).isEqualTo(200);
        assertThat(auth().post(VERIFY, login(codeB, phone, null)).status()).isEqualTo(409);
    }

    @Test
    void unknownCodesAreNotFoundAndBadOnesBadInput() {
        assertThat(auth().post(VERIFY, login("ZZZZ9999", telegramId(), null)).status()).isEqualTo(404);
        ApiClient.ApiResponse bad = auth().post(VERIFY, login("abc", telegramId(), null));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("errors").get(0).path("field").asString()).isEqualTo("access_code");
    }

    @Test
    void onlyServicesVerifyCodes() {
        long tutor = createTutor("Тьютор Без Верификации").path("id").asLong();
        String code = createStudent(tutor, "Ученик Без Верификации").path("access_code").asString();
        assertThat(as(tutor, "tutor").post(VERIFY, login(code, telegramId(), null)).status()).isEqualTo(403);
        assertThat(admin().post(VERIFY, login(code, telegramId(), null)).status()).isEqualTo(403);
        assertThat(anonymous().post(VERIFY, login(code, telegramId(), null)).status()).isEqualTo(401);
    }

    @Test
    void thePlainCodeIsStoredNowhere() {
        long tutor = createTutor("Тьютор Секретов").path("id").asLong();
        JsonNode student = createStudent(tutor, "Ученик Секретов");
        String code = student.path("access_code").asString();
        long id = student.path("id").asLong();
        String reset = as(tutor, "tutor").post("/api/v1/users/" + id + "/access-code", null).json()
                .path("access_code").asString();

        List<String> userRows = jdbc.queryForList("SELECT u::text FROM users u", String.class);
        List<String> events = jdbc.queryForList("SELECT envelope FROM outbox_event", String.class);
        for (String plain : List.of(code, reset)) {
            assertThat(userRows).noneMatch(r -> r.toUpperCase().contains(plain));
            assertThat(events).noneMatch(r -> r.toUpperCase().contains(plain));
        }
        String hash = jdbc.queryForObject("SELECT access_code_hash FROM users WHERE id = ?", String.class, id);
        assertThat(hash).hasSize(64);
    }
}
