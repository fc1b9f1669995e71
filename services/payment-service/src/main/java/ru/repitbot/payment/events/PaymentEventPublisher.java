package ru.repitbot.payment.events;

import java.time.ZoneId;
import org.springframework.stereotype.Component;
import ru.repitbot.events.EventEnvelope;
import ru.repitbot.events.catalogue.PaymentEvents;
import ru.repitbot.events.outbox.Outbox;
import ru.repitbot.payment.domain.LowBalanceRule;
import ru.repitbot.payment.domain.Payment;

/**
 * payment-service's events, written to the outbox in the transaction of the change: {@code payment.created} and
 * {@code payment.voided} with the balance they produced, and {@code balance.low} when a change lowers a balance to the threshold or below
 * ({@link LowBalanceRule}).
 */
@Component
public class PaymentEventPublisher {

    /** The {@code aggregate_version} of {@code payment.voided} ({@code payment.created} carries 1). */
    static final long VOIDED_VERSION = 2;

    private final Outbox outbox;
    private final LowBalanceRule lowBalance;

    public PaymentEventPublisher(Outbox outbox, LowBalanceRule lowBalance) {
        this.outbox = outbox;
        this.lowBalance = lowBalance;
    }

    /** {@code payment_date} is in the student's zone, with its offset (docs/domain/events.md#times-in-events). */
    public void created(Payment p, int balanceAfter, ZoneId zone) {
        outbox.publish(new PaymentEvents.Created(p.id(), p.studentId(), p.tutorId(), p.lessonsPaid(),
                p.paidAt().atZone(zone).toOffsetDateTime(), p.amount(), p.currency(), p.method(), balanceAfter));
    }

    /**
     * {@code payment.voided}: the payment's own lessons and money, the reason, and the balance after the void. A
     * payment has two states at most, so its {@code aggregate_version} is 2 ({@code payment.created} carries 1).
     */
    public void voided(Payment p, int balanceAfter, ZoneId zone) {
        outbox.publish(new PaymentEvents.Voided(p.id(), p.studentId(), p.tutorId(), p.lessonsPaid(), p.amount(),
                p.currency(), p.voidReason(), p.voidedAt().atZone(zone).toOffsetDateTime(), balanceAfter),
                VOIDED_VERSION);
    }

    /**
     * Publishes {@code balance.low} when the change from {@code before} to {@code after} warns.
     *
     * @param cause the event that caused the change (a lesson event), or {@code null} for a request
     * @return whether it was published
     */
    public boolean balanceChanged(long studentId, long tutorId, int before, int after, EventEnvelope cause) {
        if (!lowBalance.warns(before, after)) {
            return false;
        }
        PaymentEvents.BalanceLow low = new PaymentEvents.BalanceLow(studentId, tutorId, after,
                lowBalance.threshold(), before);
        if (cause == null) {
            outbox.publish(low);
        } else {
            outbox.publish(low, cause);
        }
        return true;
    }
}
