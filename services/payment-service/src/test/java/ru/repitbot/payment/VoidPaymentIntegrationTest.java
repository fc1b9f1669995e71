package ru.repitbot.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.repitbot.events.EventEnvelope;
import ru.repitbot.testsupport.ApiClient;
import tools.jackson.databind.JsonNode;

/**
 * A payment entered by mistake is voided, never deleted: it stays on record and on the statement, with its reversal,
 * and no longer counts towards the balance.
 */
class VoidPaymentIntegrationTest extends IntegrationTest {

    @Test
    void aVoidedPaymentStaysOnRecordButNoLongerCounts() {
        long tutor = givenTutor();
        long student = givenStudent(tutor);
        long parent = givenParentOf(student);
        pay(tutor(tutor), student, Map.of("lessons_paid", 4, "paid_at", "2025-03-01T10:00:00+02:00"));
        JsonNode mistake = pay(tutor(tutor), student, Map.of("lessons_paid", 8, "amount", "12000",
                "paid_at", "2025-03-02T10:00:00+02:00", "method", "card"));
        long id = mistake.path("id").asLong();
        assertThat(balance(tutor, student)).isEqualTo(12);

        ApiClient.ApiResponse voided = tutor(tutor).post("/api/v1/payments/" + id + "/void",
                Map.of("reason", "Записан дважды"));
        assertThat(voided.status()).as("%s", voided).isEqualTo(200);
        JsonNode body = voided.json();
        assertThat(body.path("voided").asBoolean()).isTrue();
        assertThat(body.path("void_reason").asString()).isEqualTo("Записан дважды");
        assertThat(body.path("voided_by").asString()).isEqualTo(Long.toString(tutor));
        assertThat(body.has("voided_at")).isTrue();
        assertThat(body.path("balance_after").asInt()).isEqualTo(4);
        assertThat(body.path("lessons_paid").asInt()).as("the payment itself is unchanged").isEqualTo(8);
        assertThat(balance(tutor, student)).isEqualTo(4);

        // The family still sees the payment, flagged, in the list and on its own.
        JsonNode listed = as(parent, "parent").get("/api/v1/payments?student_id=" + student).json();
        assertThat(listed.path("total").asLong()).isEqualTo(2);
        assertThat(listed.path("items").valueStream().map(p -> p.path("id").asLong() + ":"
                + p.path("voided").asBoolean())).containsExactly(id + ":true",
                        listed.path("items").get(1).path("id").asLong() + ":false");
        JsonNode one = as(student, "student").get("/api/v1/payments/" + id).json();
        assertThat(one.path("voided").asBoolean()).isTrue();
        assertThat(one.path("void_reason").asString()).isEqualTo("Записан дважды");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM payments WHERE id = ?", Long.class, id))
                .as("never deleted").isEqualTo(1);

        // The statement keeps the payment line and shows the reversal at the void date, with the reason.
        JsonNode statement = as(parent, "parent").get("/api/v1/balances/" + student + "/statement").json();
        assertThat(statement.path("entries").valueStream().map(e -> e.path("kind").asString() + ":"
                + e.path("lessons").asInt() + "=" + e.path("balance_after").asInt()))
                .containsExactly("payment:4=4", "payment:8=12", "payment_void:-8=4");
        JsonNode paymentLine = statement.path("entries").get(1);
        assertThat(paymentLine.path("voided").asBoolean()).isTrue();
        assertThat(paymentLine.path("amount").asString()).isEqualTo("12000.00");
        JsonNode reversal = statement.path("entries").get(2);
        assertThat(reversal.path("payment_id").asLong()).isEqualTo(id);
        assertThat(reversal.path("amount").asString()).isEqualTo("-12000.00");
        assertThat(reversal.path("currency").asString()).isEqualTo("RUB");
        assertThat(reversal.path("void_reason").asString()).isEqualTo("Записан дважды");
        assertThat(OffsetDateTime.parse(reversal.path("at").asString()).toInstant())
                .isEqualTo(OffsetDateTime.parse(body.path("voided_at").asString()).toInstant());
        assertThat(statement.path("closing_balance").asInt()).isEqualTo(4);

        // payment.voided through the outbox.
        List<EventEnvelope> events = outbox("payment.voided").stream()
                .filter(e -> e.aggregateId().equals(Long.toString(id))).toList();
        assertThat(events).hasSize(1);
        JsonNode data = events.getFirst().data();
        assertThat(data.path("payment_id").asLong()).isEqualTo(id);
        assertThat(data.path("student_id").asLong()).isEqualTo(student);
        assertThat(data.path("tutor_id").asLong()).isEqualTo(tutor);
        assertThat(data.path("lessons_paid").asInt()).isEqualTo(8);
        assertThat(data.path("amount").asString()).isEqualTo("12000.00");
        assertThat(data.path("reason").asString()).isEqualTo("Записан дважды");
        assertThat(data.path("balance_after").asInt()).isEqualTo(4);
        assertThat(events.getFirst().aggregateVersion()).isEqualTo(2);
        assertThat(balanceLowEvents(student)).as("4 is above the threshold").isEmpty();

        // Once only: a second void is a conflict, told in a sentence, and changes nothing.
        ApiClient.ApiResponse again = admin().post("/api/v1/payments/" + id + "/void", null);
        assertThat(again.status()).as("%s", again).isEqualTo(409);
        assertThat(again.isProblem()).isTrue();
        assertThat(again.json().path("detail").asString()).contains("already voided");
        assertThat(balance(tutor, student)).isEqualTo(4);
        assertThat(outbox("payment.voided").stream().filter(e -> e.aggregateId().equals(Long.toString(id))))
                .hasSize(1);
    }

    @Test
    void aVoidDroppingTheBalanceToTheThresholdWarns() {
        long tutor = givenTutor();
        long student = givenStudent(tutor);
        pay(tutor, student, 1);
        long id = pay(tutor, student, 3).path("id").asLong();

        ApiClient.ApiResponse voided = admin().post("/api/v1/payments/" + id + "/void", Map.of());
        assertThat(voided.status()).as("%s", voided).isEqualTo(200);
        assertThat(empty(voided.json(), "void_reason")).isTrue();
        assertThat(voided.json().path("voided_by").asString()).isEqualTo("1");
        List<EventEnvelope> low = balanceLowEvents(student);
        assertThat(low).hasSize(1);
        assertThat(low.getFirst().data().path("balance").asInt()).isEqualTo(1);

        // Voiding a correction gives its lessons back: a raise, which never warns.
        long correction = pay(tutor(tutor), student, Map.of("lessons_paid", -1)).path("id").asLong();
        assertThat(balanceLowEvents(student)).hasSize(2);
        ApiClient.ApiResponse undone = tutor(tutor).post("/api/v1/payments/" + correction + "/void",
                Map.of("reason", "не было"));
        assertThat(undone.json().path("balance_after").asInt()).isEqualTo(1);
        assertThat(balance(tutor, student)).isEqualTo(1);
        assertThat(balanceLowEvents(student)).hasSize(2);
    }

    @Test
    void onlyThePaymentsTutorOrAnAdminVoids() {
        long tutor = givenTutor();
        long otherTutor = givenTutor();
        long student = givenStudent(tutor);
        long parent = givenParentOf(student);
        long id = pay(tutor, student, 5).path("id").asLong();
        String path = "/api/v1/payments/" + id + "/void";

        assertProblem(as(student, "student").post(path, Map.of()), 403);
        assertProblem(as(parent, "parent").post(path, Map.of()), 403);
        assertProblem(tutor(otherTutor).post(path, Map.of()), 404);
        assertProblem(tutor(tutor).post("/api/v1/payments/987654321/void", Map.of()), 404);
        ApiClient.ApiResponse tooLong = tutor(tutor).post(path, Map.of("reason", "я".repeat(1001)));
        assertProblem(tooLong, 400);
        assertThat(tooLong.json().path("errors").get(0).path("field").asString()).isEqualTo("reason");
        assertThat(balance(tutor, student)).as("nothing voided yet").isEqualTo(5);

        assertThat(tutor(tutor).post(path, Map.of("reason", "ошибка")).status()).isEqualTo(200);
        assertThat(balance(tutor, student)).isZero();
    }

    @Test
    void aPaymentCannotBeDeleted() {
        long tutor = givenTutor();
        long student = givenStudent(tutor);
        long id = pay(tutor, student, 2).path("id").asLong();

        ApiClient.ApiResponse deleted = tutor(tutor).delete("/api/v1/payments/" + id);
        assertProblem(deleted, 405);
        assertThat(deleted.json().path("detail").asString()).contains("/api/v1/payments/" + id + "/void");
        assertThat(admin().delete("/api/v1/payments/" + id).status()).isEqualTo(405);
        assertThat(tutor(tutor).get("/api/v1/payments/" + id).json().path("voided").asBoolean()).isFalse();
        assertThat(balance(tutor, student)).isEqualTo(2);
    }

    private static void assertProblem(ApiClient.ApiResponse response, int status) {
        assertThat(response.status()).as("%s", response).isEqualTo(status);
        assertThat(response.isProblem()).as("problem+json: %s", response).isTrue();
    }
}
