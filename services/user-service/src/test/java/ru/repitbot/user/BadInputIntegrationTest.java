package ru.repitbot.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import ru.repitbot.testsupport.ApiClient;
import tools.jackson.databind.JsonNode;

/** Whatever a person can type is answered 400 problem+json naming the field and the reason, never a 500. */
class BadInputIntegrationTest extends IntegrationTest {

    static Stream<Arguments> badRequests() {
        String longName = "Я".repeat(10_000);
        return Stream.of(
                Arguments.of("unknown role", "POST", "/api/v1/users",
                        "{\"role\":\"wizard\",\"full_name\":\"Гэндальф Серый\"}", "role"),
                Arguments.of("missing role", "POST", "/api/v1/users", "{\"full_name\":\"Без Роли\"}", "role"),
                Arguments.of("grade 0", "POST", "/api/v1/users",
                        "{\"role\":\"student\",\"full_name\":\"Нулевой Класс\",\"grade\":0}", "grade"),
                Arguments.of("grade 12", "POST", "/api/v1/users",
                        "{\"role\":\"student\",\"full_name\":\"Двенадцатый\",\"grade\":12}", "grade"),
                Arguments.of("grade as text", "POST", "/api/v1/users",
                        "{\"role\":\"student\",\"full_name\":\"Текстовый\",\"grade\":\"seventh\"}", "grade"),
                Arguments.of("blank name", "POST", "/api/v1/users", "{\"role\":\"student\",\"full_name\":\"   \"}",
                        "full_name"),
                Arguments.of("10k-character name", "POST", "/api/v1/users",
                        "{\"role\":\"student\",\"full_name\":\"" + longName + "\"}", "full_name"),
                Arguments.of("unknown time zone", "POST", "/api/v1/users",
                        "{\"role\":\"student\",\"full_name\":\"Марсианин\",\"time_zone\":\"Mars/Olympus\"}",
                        "time_zone"),
                Arguments.of("offset instead of zone", "PATCH", "/api/v1/users/{self}", "{\"time_zone\":\"+03:00\"}",
                        "time_zone"),
                Arguments.of("bad username", "POST", "/api/v1/users",
                        "{\"role\":\"student\",\"full_name\":\"Ник Плохой\",\"username\":\"no spaces allowed\"}",
                        "username"),
                Arguments.of("student id not a number", "POST", "/api/v1/users",
                        "{\"role\":\"parent\",\"full_name\":\"Мама Текст\",\"student_ids\":[\"x\"]}",
                        "student_ids[0]"),
                Arguments.of("malformed JSON", "POST", "/api/v1/users", "{\"role\":\"student\",", "body"),
                Arguments.of("non-numeric id", "GET", "/api/v1/users/abc", null, "id"),
                Arguments.of("non-numeric link id", "PUT", "/api/v1/users/12/parents/xyz", null, "parentId"),
                Arguments.of("page 0", "GET", "/api/v1/users?page=0", null, "page"),
                Arguments.of("size 1000", "GET", "/api/v1/users?size=1000", null, "size"),
                Arguments.of("unknown role filter", "GET", "/api/v1/users?role=wizard", null, "role"),
                Arguments.of("blank name on update", "PATCH", "/api/v1/users/{self}", "{\"full_name\":\"  \"}",
                        "full_name"),
                Arguments.of("grade for a tutor", "PATCH", "/api/v1/users/{self}", "{\"grade\":5}", "grade"),
                Arguments.of("search too long", "GET", "/api/v1/users?search=" + "a".repeat(101), null, "search"),
                Arguments.of("mistyped field on create", "POST", "/api/v1/users",
                        "{\"role\":\"student\",\"full_name\":\"Опечатка\",\"grdae\":7}", "grdae"),
                Arguments.of("unknown field on update", "PATCH", "/api/v1/users/{self}", "{\"nickname\":\"x\"}",
                        "nickname"),
                Arguments.of("unknown field on a foreign user: 400 before 404", "PATCH", "/api/v1/users/987654321",
                        "{\"full_name\":\"Кто-то\",\"colour\":\"red\"}", "colour"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void isA400NamingTheField(String what, String method, String path, String body, String field) {
        long tutor = createTutor("Тьютор Ошибок").path("id").asLong();
        ApiClient.ApiResponse response = as(tutor, "tutor")
                .sendRaw(method, path.replace("{self}", Long.toString(tutor)), body);
        assertThat(response.status()).as("%s: %s", what, response).isEqualTo(400);
        assertThat(response.isProblem()).as("problem+json for %s", what).isTrue();
        JsonNode errors = response.json().path("errors");
        assertThat(errors.valueStream().map(e -> e.path("field").asString()).toList()).as("%s: %s", what, response)
                .contains(field);
        assertThat(errors.valueStream().map(e -> e.path("reason").asString())).allMatch(r -> !r.isBlank());
    }

    @org.junit.jupiter.api.Test
    void anUnknownFieldIsRefusedByNameAndNothingIsCreated() {
        long tutor = createTutor("Тьютор Опечаток").path("id").asLong();
        long before = jdbc.queryForObject("SELECT count(*) FROM users", Long.class);
        ApiClient.ApiResponse response = as(tutor, "tutor").sendRaw("POST", "/api/v1/users",
                "{\"role\":\"student\",\"full_name\":\"Опечатка Вторая\",\"time_zon\":\"Asia/Tokyo\"}");
        assertThat(response.status()).as("%s", response).isEqualTo(400);
        JsonNode error = response.json().path("errors").get(0);
        assertThat(error.path("field").asString()).isEqualTo("time_zon");
        assertThat(error.path("reason").asString()).isEqualTo("unknown field");
        assertThat(response.json().path("detail").asString()).as("the known fields help with the typo")
                .contains("time_zone");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM users", Long.class)).isEqualTo(before);
    }

    @ParameterizedTest(name = "verify: {0}")
    @MethodSource("badLogins")
    void verifyNamesTheFieldToo(String what, String body, String field) {
        ApiClient.ApiResponse response = asService("auth-service")
                .sendRaw("POST", "/internal/v1/access-codes/verify", body);
        assertThat(response.status()).as("%s: %s", what, response).isEqualTo(400);
        assertThat(response.json().path("errors").valueStream().map(e -> e.path("field").asString()).toList())
                .contains(field);
    }

    static Stream<Arguments> badLogins() {
        return Stream.of(
                Arguments.of("blank code", "{\"access_code\":\" \",\"telegram_id\":5}", "access_code"),
                Arguments.of("no telegram id", "{\"access_code\":\"ABCDEF12\"}", "telegram_id"),
                Arguments.of("telegram id as text", "{\"access_code\":\"ABCDEF12\",\"telegram_id\":\"me\"}",
                        "telegram_id"));
    }
}
