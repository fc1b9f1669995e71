package ru.repitbot.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.repitbot.testsupport.ApiClient;
import tools.jackson.databind.JsonNode;

/** Recording, reading and replaying payments. */
class PaymentsIntegrationTest extends IntegrationTest {

    private static Map<String, Object> body(long studentId, Object... fields) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("student_id", studentId);
        for (int i = 0; i < fields.length; i += 2) {
            body.put((String) fields[i], fields[i + 1]);
        }
        return body;
    }

    @Test
    void aTutorRecordsAPaymentForTheirStudent() {
        long tutor = givenTutor();
        long student = givenStudent(tutor);
        ApiClient.ApiResponse created = tutor(tutor).post("/api/v1/payments", body(student, "lessons_paid", 8,
                "amount", 12000.5, "currency", "rub", "method", "card", "paid_at", "2025-03-01",
                "comment", "За март"));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        JsonNode p = created.json();
        assertThat(created.header("Location")).isEqualTo("/api/v1/payments/" + p.path("id").asLong());
        assertThat(p.path("tutor_id").asLong()).isEqualTo(tutor);
        assertThat(p.path("student_id").asLong()).isEqualTo(student);
        assertThat(p.path("lessons_paid").asInt()).isEqualTo(8);
        assertThat(p.path("amount").asString()).isEqualTo("12000.50");
        assertThat(p.path("currency").asString()).isEqualTo("RUB");
        assertThat(p.path("method").asString()).isEqualTo("card");
        assertThat(p.path("paid_at").asString()).isEqualTo("2025-03-01T00:00:00+02:00");
        assertThat(p.path("comment").asString()).isEqualTo("За март");
        assertThat(p.path("created_by").asString()).isEqualTo(Long.toString(tutor));
        assertThat(p.path("balance_after").asInt()).isEqualTo(8);
        assertThat(p.has("created_at")).isTrue();

        JsonNode minimal = pay(tutor, student, 2);
        assertThat(empty(minimal, "amount")).isTrue();
        assertThat(empty(minimal, "currency")).isTrue();
        assertThat(minimal.path("balance_after").asInt()).isEqualTo(10);

        JsonNode read = tutor(tutor).get("/api/v1/payments/" + p.path("id").asLong()).json();
        assertThat(read.path("amount").asString()).isEqualTo("12000.50");
        assertThat(empty(read, "balance_after")).isTrue();
    }

    @Test
    void theSameIdempotencyKeyAndBodyReturnsTheFirstPayment() {
        long tutor = givenTutor();
        long student = givenStudent(tutor);
        ApiClient api = tutor(tutor).withHeader("Idempotency-Key", "pay-" + student);
        Map<String, Object> body = body(student, "lessons_paid", 4, "amount", "6000");

        ApiClient.ApiResponse first = api.post("/api/v1/payments", body);
        ApiClient.ApiResponse again = api.post("/api/v1/payments", body(student, "lessons_paid", 4,
                "amount", 6000.00));
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).as("%s", again).isEqualTo(200);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.json().path("id").asLong()).isEqualTo(first.json().path("id").asLong());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM payments WHERE student_id = ?", Long.class, student))
                .isEqualTo(1);
        assertThat(outbox("payment.created").stream()
                .filter(e -> e.data().path("student_id").asLong() == student)).hasSize(1);
        assertThat(balance(tutor, student)).isEqualTo(4);

        ApiClient.ApiResponse other = api.post("/api/v1/payments", body(student, "lessons_paid", 5,
                "amount", "6000"));
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.isProblem()).isTrue();
        assertThat(balance(tutor, student)).isEqualTo(4);

        // Keys are per caller: an admin using the same key records its own payment.
        ApiClient.ApiResponse admin = admin().withHeader("Idempotency-Key", "pay-" + student)
                .post("/api/v1/payments", body(student, "lessons_paid", 4, "amount", "6000", "tutor_id", tutor));
        assertThat(admin.status()).isEqualTo(201);
        assertThat(admin.json().path("id").asLong()).isNotEqualTo(first.json().path("id").asLong());
    }

    @Test
    void listsAreNewestFirstAndFiltered() {
        long tutor = givenTutor();
        long other = givenTutor();
        long student = givenStudent(tutor, other);
        long sibling = givenStudent(tutor);
        pay(tutor(tutor), student, Map.of("lessons_paid", 1, "paid_at", "2025-01-10"));
        pay(tutor(tutor), student, Map.of("lessons_paid", 2, "paid_at", "2025-02-10"));
        pay(tutor(tutor), sibling, Map.of("lessons_paid", 3, "paid_at", "2025-03-10"));
        pay(tutor(other), student, Map.of("lessons_paid", 4, "paid_at", "2025-04-10"));

        JsonNode mine = tutor(tutor).get("/api/v1/payments").json();
        assertThat(mine.path("items").valueStream().map(p -> p.path("lessons_paid").asInt()).toList())
                .containsExactly(3, 2, 1);
        assertThat(mine.path("total").asLong()).isEqualTo(3);

        JsonNode paged = tutor(tutor).get("/api/v1/payments?student_id=" + student + "&size=1&page=2").json();
        assertThat(paged.path("items").valueStream().map(p -> p.path("lessons_paid").asInt()).toList())
                .containsExactly(1);
        assertThat(paged.path("pages").asInt()).isEqualTo(2);

        JsonNode studentView = as(student, "student").get("/api/v1/payments").json();
        assertThat(studentView.path("items").valueStream().map(p -> p.path("lessons_paid").asInt()).toList())
                .containsExactly(4, 2, 1);
        JsonNode byTutor = as(student, "student").get("/api/v1/payments?tutor_id=" + other).json();
        assertThat(byTutor.path("items").valueStream().map(p -> p.path("lessons_paid").asInt()).toList())
                .containsExactly(4);

        assertThat(tutor(tutor).get("/api/v1/payments?tutor_id=" + other).json().path("total").asLong()).isZero();
        JsonNode adminView = admin().get("/api/v1/payments?tutor_id=" + other).json();
        assertThat(adminView.path("items").valueStream().map(p -> p.path("lessons_paid").asInt()).toList())
                .containsExactly(4);
    }

    @Test
    void anAdminRecordsForANamedTutorOfTheStudent() {
        long tutor = givenTutor();
        long stranger = givenTutor();
        long student = givenStudent(tutor);

        ApiClient.ApiResponse withoutTutor = admin().post("/api/v1/payments", body(student, "lessons_paid", 1));
        assertThat(withoutTutor.status()).isEqualTo(400);
        assertThat(withoutTutor.json().path("errors").get(0).path("field").asString()).isEqualTo("tutor_id");

        ApiClient.ApiResponse notTheirTutor = admin().post("/api/v1/payments", body(student, "lessons_paid", 1,
                "tutor_id", stranger));
        assertThat(notTheirTutor.status()).isEqualTo(400);

        ApiClient.ApiResponse ok = admin().post("/api/v1/payments", body(student, "lessons_paid", 3,
                "tutor_id", tutor));
        assertThat(ok.status()).isEqualTo(201);
        assertThat(ok.json().path("created_by").asString()).isEqualTo("1");
        assertThat(balance(tutor, student)).isEqualTo(3);

        ApiClient.ApiResponse service = asService("telegram-bot").post("/api/v1/payments",
                body(student, "lessons_paid", 1, "tutor_id", tutor));
        assertThat(service.status()).isEqualTo(201);
        assertThat(service.json().path("created_by").asString()).isEqualTo("service:telegram-bot");

        ApiClient.ApiResponse forOther = tutor(tutor).post("/api/v1/payments", body(student, "lessons_paid", 1,
                "tutor_id", stranger));
        assertThat(forOther.status()).as("a tutor records only for themselves").isEqualTo(403);
    }

    @Test
    void pricesAreSetPerTutorAndShownBesideTheBalance() {
        long tutor = givenTutor();
        long other = givenTutor();
        long student = givenStudent(tutor, other);
        pay(tutor, student, 3);

        ApiClient.ApiResponse put = tutor(tutor).put("/api/v1/prices/" + student,
                Map.of("amount", "1250.5", "currency", "eur"));
        assertThat(put.status()).as("%s", put).isEqualTo(200);
        assertThat(put.json().path("amount").asString()).isEqualTo("1250.50");
        assertThat(put.json().path("currency").asString()).isEqualTo("EUR");
        assertThat(tutor(other).put("/api/v1/prices/" + student, Map.of("amount", 900)).status()).isEqualTo(200);

        JsonNode mine = tutor(tutor).get("/api/v1/prices/" + student).json();
        assertThat(mine.path("prices")).hasSize(1);
        assertThat(mine.path("prices").get(0).path("tutor_id").asLong()).isEqualTo(tutor);
        assertThat(as(student, "student").get("/api/v1/prices/" + student).json().path("prices")).hasSize(2);

        JsonNode line = tutor(tutor).get("/api/v1/balances/" + student).json().path("balances").get(0);
        assertThat(line.path("lesson_price").asString()).isEqualTo("1250.50");
        assertThat(line.path("currency").asString()).isEqualTo("EUR");
        assertThat(line.path("balance_money").asString()).isEqualTo("3751.50");

        assertThat(tutor(tutor).put("/api/v1/prices/" + student, Map.of("amount", 1300)).json()
                .path("currency").asString()).isEqualTo("RUB");
        assertThat(tutor(tutor).delete("/api/v1/prices/" + student).status()).isEqualTo(204);
        assertThat(tutor(tutor).delete("/api/v1/prices/" + student).status()).isEqualTo(404);
        JsonNode plain = tutor(tutor).get("/api/v1/balances/" + student).json().path("balances").get(0);
        assertThat(empty(plain, "balance_money")).isTrue();
        assertThat(plain.path("balance_lessons").asInt()).isEqualTo(3);
    }

    @Test
    void lowBalancesAreListedForServicesOnly() {
        long tutor = givenTutor();
        long student = givenStudent(tutor);
        long gone = givenStudent(tutor);
        pay(tutor, student, 1);
        pay(tutor, gone, 1);
        // What the projection records on user.deleted: the student stays, marked deleted.
        jdbc.update("UPDATE access_user SET deleted = TRUE WHERE id = ?", gone);
        JsonNode low = asService("scheduler-service").get("/internal/v1/balances/low?size=100").json();
        assertThat(low.path("total").asLong()).isPositive();
        long lastPage = low.path("pages").asLong();
        java.util.List<JsonNode> listed = new java.util.ArrayList<>();
        for (long page = 1; page <= lastPage; page++) {
            asService("scheduler-service").get("/internal/v1/balances/low?size=100&page=" + page).json()
                    .path("items").valueStream().forEach(listed::add);
        }
        assertThat(listed).as("every page together holds total items").hasSize((int) low.path("total").asLong());
        assertThat(listed).anyMatch(i -> i.path("student_id").asLong() == student
                && i.path("tutor_id").asLong() == tutor && i.path("balance_lessons").asInt() == 1);
        assertThat(listed).as("a deleted student is not listed").noneMatch(i -> i.path("student_id").asLong() == gone);
        assertThat(listed.stream().map(i -> i.path("student_id").asLong()).toList()).isSorted();
        assertThat(admin().get("/internal/v1/balances/low").status()).isEqualTo(403);
        assertThat(tutor(tutor).get("/internal/v1/balances/low").status()).isEqualTo(403);
    }
}
