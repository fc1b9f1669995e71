package ru.repitbot.payment;

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
        String pay = "/api/v1/payments";
        return Stream.of(
                Arguments.of("lessons_paid 2.5", "POST", pay, "{\"student_id\":{s},\"lessons_paid\":2.5}",
                        "lessons_paid"),
                Arguments.of("lessons_paid as text", "POST", pay, "{\"student_id\":{s},\"lessons_paid\":\"many\"}",
                        "lessons_paid"),
                Arguments.of("lessons_paid 0", "POST", pay, "{\"student_id\":{s},\"lessons_paid\":0}",
                        "lessons_paid"),
                Arguments.of("lessons_paid missing", "POST", pay, "{\"student_id\":{s}}", "lessons_paid"),
                Arguments.of("lessons_paid huge", "POST", pay,
                        "{\"student_id\":{s},\"lessons_paid\":99999999999999}", "lessons_paid"),
                Arguments.of("lessons_paid 5000", "POST", pay, "{\"student_id\":{s},\"lessons_paid\":5000}",
                        "lessons_paid"),
                Arguments.of("lessons_paid true", "POST", pay, "{\"student_id\":{s},\"lessons_paid\":true}",
                        "lessons_paid"),
                Arguments.of("student missing", "POST", pay, "{\"lessons_paid\":1}", "student_id"),
                Arguments.of("student as text", "POST", pay, "{\"student_id\":\"me\",\"lessons_paid\":1}",
                        "student_id"),
                Arguments.of("negative amount", "POST", pay,
                        "{\"student_id\":{s},\"lessons_paid\":1,\"amount\":-5}", "amount"),
                Arguments.of("three decimals", "POST", pay,
                        "{\"student_id\":{s},\"lessons_paid\":1,\"amount\":10.005}", "amount"),
                Arguments.of("amount as words", "POST", pay,
                        "{\"student_id\":{s},\"lessons_paid\":1,\"amount\":\"тысяча\"}", "amount"),
                Arguments.of("bad currency", "POST", pay,
                        "{\"student_id\":{s},\"lessons_paid\":1,\"amount\":10,\"currency\":\"XYZ\"}", "currency"),
                Arguments.of("currency too long", "POST", pay,
                        "{\"student_id\":{s},\"lessons_paid\":1,\"amount\":10,\"currency\":\"RUBLES\"}", "currency"),
                Arguments.of("currency without amount", "POST", pay,
                        "{\"student_id\":{s},\"lessons_paid\":1,\"currency\":\"RUB\"}", "currency"),
                Arguments.of("unknown method", "POST", pay,
                        "{\"student_id\":{s},\"lessons_paid\":1,\"method\":\"bitcoin\"}", "method"),
                Arguments.of("bad paid_at", "POST", pay,
                        "{\"student_id\":{s},\"lessons_paid\":1,\"paid_at\":\"вчера\"}", "paid_at"),
                Arguments.of("paid_at in the future", "POST", pay,
                        "{\"student_id\":{s},\"lessons_paid\":1,\"paid_at\":\"2999-01-01\"}", "paid_at"),
                Arguments.of("huge comment", "POST", pay,
                        "{\"student_id\":{s},\"lessons_paid\":1,\"comment\":\"" + "я".repeat(100_000) + "\"}",
                        "comment"),
                Arguments.of("bad JSON", "POST", pay, "{\"student_id\":{s},\"lessons_paid\":", "body"),
                Arguments.of("not an object", "POST", pay, "[1,2,3]", "body"),
                Arguments.of("empty body", "POST", pay, "", "body"),
                Arguments.of("blank idempotency key", "POST-KEY", pay, "{\"student_id\":{s},\"lessons_paid\":1}",
                        "Idempotency-Key"),
                Arguments.of("non-numeric payment id", "GET", "/api/v1/payments/abc", null, "id"),
                Arguments.of("non-numeric student filter", "GET", "/api/v1/payments?student_id=x", null,
                        "student_id"),
                Arguments.of("page 0", "GET", "/api/v1/payments?page=0", null, "page"),
                Arguments.of("size 1000", "GET", "/api/v1/payments?size=1000", null, "size"),
                Arguments.of("non-numeric balance id", "GET", "/api/v1/balances/abc", null, "studentId"),
                Arguments.of("non-numeric statement tutor", "GET", "/api/v1/balances/{s}/statement?tutor_id=x",
                        null, "tutor_id"),
                Arguments.of("bad from", "GET", "/api/v1/balances/{s}/statement?from=someday", null, "from"),
                Arguments.of("to before from", "GET", "/api/v1/balances/{s}/statement?from=2025-03-05&to=2025-03-01",
                        null, "to"),
                Arguments.of("price missing", "PUT", "/api/v1/prices/{s}", "{}", "amount"),
                Arguments.of("negative price", "PUT", "/api/v1/prices/{s}", "{\"amount\":-1}", "amount"),
                Arguments.of("price bad currency", "PUT", "/api/v1/prices/{s}",
                        "{\"amount\":1,\"currency\":\"ABC\"}", "currency"),
                Arguments.of("non-numeric price id", "PUT", "/api/v1/prices/abc", "{\"amount\":1}", "studentId"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void isA400NamingTheField(String what, String method, String path, String body, String field) {
        long tutor = givenTutor();
        long student = givenStudent(tutor);
        String s = Long.toString(student);
        ApiClient caller = tutor(tutor);
        if (method.equals("POST-KEY")) {
            caller = caller.withHeader("Idempotency-Key", " ");
            method = "POST";
        }
        ApiClient.ApiResponse response = caller.sendRaw(method, path.replace("{s}", s),
                body == null ? null : body.replace("{s}", s));
        assertThat(response.status()).as("%s: %s", what, response).isEqualTo(400);
        assertThat(response.isProblem()).as("problem+json for %s", what).isTrue();
        JsonNode errors = response.json().path("errors");
        assertThat(errors.valueStream().map(e -> e.path("field").asString()).toList()).as("%s: %s", what, response)
                .contains(field);
        assertThat(errors.valueStream().map(e -> e.path("reason").asString())).allMatch(r -> !r.isBlank());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM payments WHERE student_id = ?", Long.class, student))
                .isZero();
    }
}
