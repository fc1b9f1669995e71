package ru.repitbot.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.repitbot.models.AttendanceStatus;
import ru.repitbot.testsupport.ApiClient;
import tools.jackson.databind.JsonNode;

/** The statement: every payment and charged lesson in time order with the running balance, and money. */
class StatementIntegrationTest extends IntegrationTest {

    @Test
    void everyPaymentAndChargedLessonInOrderWithTheRunningBalance() {
        long tutor = givenTutor();
        long student = givenStudent(tutor);
        long parent = givenParentOf(student);
        long first = newId();
        long skipped = newId();
        long second = newId();
        long third = newId();

        pay(tutor(tutor), student, Map.of("lessons_paid", 2, "paid_at", "2025-03-01T10:00:00+02:00",
                "amount", "3000", "method", "cash"));
        publishAndWait(lessonCreated(first, tutor, student, MONDAY),
                lessonCreated(skipped, tutor, student, MONDAY.plusDays(1)),
                lessonCreated(second, tutor, student, MONDAY.plusDays(2)),
                lessonCreated(third, tutor, student, MONDAY.plusDays(4)),
                attendance(first, tutor, student, AttendanceStatus.SCHEDULED, AttendanceStatus.ATTENDED, 2),
                attendance(skipped, tutor, student, AttendanceStatus.SCHEDULED, AttendanceStatus.EXCUSED_ABSENCE, 2),
                attendance(second, tutor, student, AttendanceStatus.SCHEDULED, AttendanceStatus.UNEXCUSED_ABSENCE,
                        2),
                attendance(third, tutor, student, AttendanceStatus.SCHEDULED, AttendanceStatus.ATTENDED, 2));
        pay(tutor(tutor), student, Map.of("lessons_paid", 4, "paid_at", "2025-03-08T09:00:00+02:00"));
        assertThat(as(tutor, "tutor").put("/api/v1/prices/" + student, Map.of("amount", 1500)).status())
                .isEqualTo(200);

        ApiClient.ApiResponse response = as(parent, "parent").get("/api/v1/balances/" + student + "/statement");
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        JsonNode statement = response.json();
        assertThat(statement.path("tutor_id").asLong()).as("the student's only tutor").isEqualTo(tutor);
        assertThat(statement.path("opening_balance").asInt()).isZero();
        assertThat(statement.path("closing_balance").asInt()).isEqualTo(3);
        assertThat(statement.path("lesson_price").asString()).isEqualTo("1500.00");
        assertThat(statement.path("closing_balance_money").asString()).isEqualTo("4500.00");

        JsonNode entries = statement.path("entries");
        assertThat(entries.valueStream().map(e -> e.path("kind").asString() + ":"
                + (empty(e, "lesson_id") ? "p" : e.path("lesson_id").asLong()) + ":" + e.path("lessons").asInt() + "="
                + e.path("balance_after").asInt()))
                .containsExactly("payment:p:2=2", "lesson:" + first + ":-1=1", "lesson:" + second + ":-1=0",
                        "lesson:" + third + ":-1=-1", "payment:p:4=3");
        assertThat(entries.get(0).path("amount").asString()).isEqualTo("3000.00");
        assertThat(entries.get(0).path("method").asString()).isEqualTo("cash");
        assertThat(entries.get(2).path("attendance_status").asString()).isEqualTo("unexcused_absence");
        assertThat(entries.get(3).path("balance_money_after").asString()).isEqualTo("-1500.00");
        assertThat(entries.get(1).path("at").asString()).isEqualTo("2025-03-03T16:00:00+02:00");

        // A window starts from the balance before it.
        JsonNode window = as(student, "student").get("/api/v1/balances/" + student
                + "/statement?from=2025-03-04&to=2025-03-05").json();
        assertThat(window.path("opening_balance").asInt()).isEqualTo(1);
        assertThat(window.path("entries").valueStream().map(e -> e.path("lesson_id").asLong()).toList())
                .containsExactly(second);
        assertThat(window.path("closing_balance").asInt()).isZero();

        JsonNode balances = as(parent, "parent").get("/api/v1/balances/" + student).json();
        JsonNode line = balances.path("balances").get(0);
        assertThat(line.path("balance_lessons").asInt()).isEqualTo(3);
        assertThat(line.path("paid_lessons").asInt()).isEqualTo(6);
        assertThat(line.path("charged_lessons").asInt()).isEqualTo(3);
        assertThat(line.path("lesson_price").asString()).isEqualTo("1500.00");
        assertThat(line.path("currency").asString()).isEqualTo("RUB");
        assertThat(line.path("balance_money").asString()).isEqualTo("4500.00");
    }

    @Test
    void withSeveralTutorsTheStatementNeedsATutor() {
        long first = givenTutor();
        long second = givenTutor();
        long student = givenStudent(first, second);
        pay(first, student, 2);
        pay(second, student, 5);
        ApiClient.ApiResponse ambiguous = as(student, "student").get("/api/v1/balances/" + student + "/statement");
        assertThat(ambiguous.status()).isEqualTo(400);
        assertThat(ambiguous.json().path("errors").get(0).path("field").asString()).isEqualTo("tutor_id");

        JsonNode chosen = as(student, "student").get("/api/v1/balances/" + student + "/statement?tutor_id="
                + second).json();
        assertThat(chosen.path("closing_balance").asInt()).isEqualTo(5);
        assertThat(empty(chosen, "lesson_price")).isTrue();

        JsonNode own = tutor(first).get("/api/v1/balances/" + student + "/statement").json();
        assertThat(own.path("tutor_id").asLong()).isEqualTo(first);
        assertThat(own.path("closing_balance").asInt()).isEqualTo(2);
        assertThat(tutor(first).get("/api/v1/balances/" + student + "/statement?tutor_id=" + second).status())
                .as("another tutor's statement").isEqualTo(404);
    }
}
