package ru.repitbot.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.repitbot.events.EventEnvelope;
import ru.repitbot.events.catalogue.LessonChanges;
import ru.repitbot.events.catalogue.LessonEvents;
import ru.repitbot.models.AttendanceStatus;
import tools.jackson.databind.JsonNode;

/** balance.low: once per change that lowers a balance to the threshold (1) or below; never on a raise. */
class LowBalanceIntegrationTest extends IntegrationTest {

    @Test
    void aLessonBecomingChargedDownToTheThresholdWarnsOnceAndARaiseDoesNot() {
        long tutor = givenTutor();
        long student = givenStudent(tutor);
        long lesson = newId();
        pay(tutor, student, 2);
        publishAndWait(lessonCreated(lesson, tutor, student, MONDAY));
        assertThat(balanceLowEvents(student)).isEmpty();

        EventEnvelope attended = attendance(lesson, tutor, student, AttendanceStatus.SCHEDULED,
                AttendanceStatus.ATTENDED, 2);
        publishAndWait(attended, conducted(lesson, tutor, student, MONDAY, AttendanceStatus.SCHEDULED, 2));
        List<EventEnvelope> low = balanceLowEvents(student);
        assertThat(low).as("one warning for one lowering change, though two events told it").hasSize(1);
        JsonNode data = low.getFirst().data();
        assertThat(data.path("balance").asInt()).isEqualTo(1);
        assertThat(data.path("threshold").asInt()).isEqualTo(1);
        assertThat(data.path("balance_before").asInt()).as("2 paid, none charged before").isEqualTo(2);
        assertThat(data.path("tutor_id").asLong()).isEqualTo(tutor);
        assertThat(low.getFirst().causationId()).isEqualTo(attended.eventId().toString());
        assertThat(low.getFirst().correlationId()).isEqualTo(attended.correlationId());

        publishAndWait(attendance(lesson, tutor, student, AttendanceStatus.ATTENDED,
                AttendanceStatus.EXCUSED_ABSENCE, 3));
        assertThat(balance(tutor, student)).isEqualTo(2);
        assertThat(balanceLowEvents(student)).as("a raise never warns").hasSize(1);

        publishAndWait(attendance(lesson, tutor, student, AttendanceStatus.EXCUSED_ABSENCE,
                AttendanceStatus.UNEXCUSED_ABSENCE, 4));
        assertThat(balanceLowEvents(student)).as("lowered to 1 again").hasSize(2);

        publishAndWait(lessonEnvelope(new LessonEvents.Updated(lesson, student, tutor,
                LessonChanges.NONE.withTopic("Дроби", "Проценты")), 5));
        assertThat(balance(tutor, student)).isEqualTo(1);
        assertThat(balanceLowEvents(student)).as("an unrelated change does not warn").hasSize(2);
    }

    @Test
    void aCorrectionDownToTheThresholdWarnsAndATopUpDoesNot() {
        long tutor = givenTutor();
        long student = givenStudent(tutor);
        pay(tutor, student, 3);
        assertThat(balanceLowEvents(student)).isEmpty();

        JsonNode correction = pay(tutor(tutor), student, Map.of("lessons_paid", -2, "comment", "ошибка"));
        assertThat(correction.path("balance_after").asInt()).isEqualTo(1);
        List<EventEnvelope> low = balanceLowEvents(student);
        assertThat(low).hasSize(1);
        assertThat(low.getFirst().data().path("balance").asInt()).isEqualTo(1);
        assertThat(low.getFirst().userId()).isEqualTo(Long.toString(tutor));

        pay(tutor, student, -3);
        assertThat(balanceLowEvents(student)).as("0 -> -2 is lower still").hasSize(2);

        pay(tutor, student, 1);
        assertThat(balance(tutor, student)).isEqualTo(-1);
        assertThat(balanceLowEvents(student)).as("a top-up that leaves it low is still a raise").hasSize(2);
    }

    @Test
    void paymentCreatedCarriesTheNewBalance() {
        long tutor = givenTutor();
        long student = givenStudent(tutor);
        JsonNode payment = pay(tutor(tutor), student, Map.of("lessons_paid", 8, "amount", "12000",
                "method", "transfer", "paid_at", "2025-03-01T12:00:00+02:00"));
        EventEnvelope created = outbox("payment.created").stream()
                .filter(e -> e.aggregateId().equals(payment.path("id").asString())).findFirst().orElseThrow();
        JsonNode data = created.data();
        assertThat(data.path("student_id").asLong()).isEqualTo(student);
        assertThat(data.path("tutor_id").asLong()).isEqualTo(tutor);
        assertThat(data.path("lessons_paid").asInt()).isEqualTo(8);
        assertThat(data.path("balance_after").asInt()).isEqualTo(8);
        assertThat(data.path("amount").asString()).isEqualTo("12000.00");
        assertThat(data.path("currency").asString()).isEqualTo("RUB");
        assertThat(data.path("method").asString()).isEqualTo("transfer");
        assertThat(data.path("payment_date").asString()).isEqualTo("2025-03-01T12:00:00+02:00");
        assertThat(created.serviceName()).isEqualTo("payment-service");
    }
}
