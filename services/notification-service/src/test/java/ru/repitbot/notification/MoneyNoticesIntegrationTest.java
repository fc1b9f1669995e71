package ru.repitbot.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.repitbot.events.EventEnvelope;
import ru.repitbot.events.catalogue.PaymentEvents;
import ru.repitbot.events.catalogue.SchedulerEvents;

/** Low balance at once (once while it stays low), recorded payments, and the 10:00 digest on each reader's clock. */
class MoneyNoticesIntegrationTest extends IntegrationTest {

    private long tutor;
    private long student;
    private long parent;

    @BeforeEach
    void family() {
        tutor = users().tutor();
        student = reachable(users().student(tutor));
        parent = reachable(users().parent(student));
    }

    private EventEnvelope low(long studentId, int balance) {
        return low(studentId, balance + 1 <= 1 ? balance + 1 : null, balance);
    }

    /** {@code balance.low} as payment-service sends it: the balance before the change and after it. */
    private EventEnvelope low(long studentId, Integer before, int balance) {
        return envelope("payment-service", new PaymentEvents.BalanceLow(studentId, tutor, balance, 1, before), tutor);
    }

    private EventEnvelope paid(long studentId, int lessons, int balanceAfter) {
        return envelope("payment-service", new PaymentEvents.Created(newId(), studentId, tutor, lessons,
                OffsetDateTime.now(), new BigDecimal("6000.00"), "RUB", null, balanceAfter), tutor);
    }

    @Test
    void oneToZeroToMinusOneIsOneNoticeToThePayersAndATopUpArmsTheWatchAgain() {
        publishAndWait(low(student, 1), low(student, 0), low(student, -1));
        assertThat(messagesTo(parent, "balance_low")).singleElement()
                .satisfies(m -> assertThat(m.text()).contains(nameOf(student)).contains("1").contains(nameOf(tutor)));
        assertThat(messagesTo(student)).as("the parent pays").isEmpty();

        publishAndWait(paid(student, 8, 7));
        assertThat(messagesTo(parent, "payment_recorded")).singleElement()
                .satisfies(m -> assertThat(m.text()).contains("8").contains("7"));
        assertThat(messagesTo(parent, "balance_low")).hasSize(1);

        publishAndWait(low(student, 1));
        assertThat(messagesTo(parent, "balance_low")).as("rose above the threshold and fell back").hasSize(2);
        assertThat(messagesTo(tutor)).isEmpty();
    }

    @Test
    void aBalanceThatRoseWithoutAPaymentWarnsAgainWhenItFallsBack() {
        long child = reachable(users().student(tutor));
        long mother = reachable(users().parent(child));
        publishAndWait(low(child, 2, 1));
        assertThat(messagesTo(mother, "balance_low")).hasSize(1);
        // attended → excused raised it to 2 (no payment event, no balance.low); the next lesson lowers it to 1 again.
        publishAndWait(low(child, 2, 1));
        assertThat(messagesTo(mother, "balance_low")).as("it had risen above the threshold").hasSize(2);
        // 1 → 0 stays low: not told again.
        publishAndWait(low(child, 1, 0));
        assertThat(messagesTo(mother, "balance_low")).hasSize(2);
    }

    @Test
    void aStudentWithoutAReachableParentIsTheirOwnPayer() {
        long adult = reachable(users().student(tutor));
        long silentParent = users().parent(adult); // no Telegram chat known
        publishAndWait(low(adult, 0));
        assertThat(messagesTo(adult, "balance_low")).hasSize(1);
        assertThat(messagesTo(silentParent)).isEmpty();
    }

    @Test
    void theDigestComesAtTenOnEachReadersClockOncePerDay() {
        long otherStudent = reachable(users().student(tutor));
        long farParent = reachable(users().parent(otherStudent));
        livesIn(farParent, "Asia/Vladivostok"); // UTC+10
        // The near parent lives in Europe/Kaliningrad (UTC+2).
        publishAndWait(low(student, 0), low(otherStudent, 1));

        // 00:00 UTC: 10:00 in Vladivostok, 02:00 in Kaliningrad.
        publishAndWait(envelope("scheduler-service",
                new SchedulerEvents.DigestDue(OffsetDateTime.parse("2030-03-04T00:00:00Z")), null));
        assertThat(messagesTo(farParent, "balance_digest")).singleElement()
                .satisfies(m -> assertThat(m.text()).contains(nameOf(otherStudent)).contains(nameOf(tutor)));
        assertThat(messagesTo(parent, "balance_digest")).isEmpty();

        // 08:00 UTC: 10:00 in Kaliningrad; 18:00 in Vladivostok, whose digest of the day went already.
        publishAndWait(envelope("scheduler-service",
                new SchedulerEvents.DigestDue(OffsetDateTime.parse("2030-03-04T08:00:00Z")), null));
        assertThat(messagesTo(parent, "balance_digest")).singleElement()
                .satisfies(m -> assertThat(m.text()).contains(nameOf(student)).doesNotContain(nameOf(otherStudent)));
        assertThat(messagesTo(farParent, "balance_digest")).hasSize(1);

        // 13:00 UTC: 23:00 in Vladivostok (too late), 15:00 in Kaliningrad (sent today): nothing new.
        publishAndWait(envelope("scheduler-service",
                new SchedulerEvents.DigestDue(OffsetDateTime.parse("2030-03-04T13:00:00Z")), null));
        assertThat(messagesTo(parent, "balance_digest")).hasSize(1);
        assertThat(messagesTo(farParent, "balance_digest")).hasSize(1);

        // Topped up: not in the next day's digest.
        publishAndWait(paid(student, 10, 10));
        publishAndWait(envelope("scheduler-service",
                new SchedulerEvents.DigestDue(OffsetDateTime.parse("2030-03-05T08:00:00Z")), null));
        assertThat(messagesTo(parent, "balance_digest")).hasSize(1);
    }
}
