package ru.repitbot.events.catalogue;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import ru.repitbot.events.EventPayload;
import ru.repitbot.models.PaymentMethod;

/**
 * Events of payment-service. Balances are in lessons and derived (Σ lessons_paid − charged lessons, may be
 * negative); {@code balance_after} is the student's balance with this tutor once the change is applied.
 */
public final class PaymentEvents {

    private PaymentEvents() {
    }

    /**
     * A payment recorded. {@code lessons_paid} may be zero or negative (a correction); {@code amount},
     * {@code currency} and {@code method} are optional (docs/domain/payments.md#q11-money). {@code amount} travels as a decimal string
     * ({@code "12000.50"}) so no consumer reads money through a {@code double}.
     */
    public record Created(long paymentId, long studentId, long tutorId, int lessonsPaid,
            @WireDateTime OffsetDateTime paymentDate, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
            String currency, PaymentMethod method, int balanceAfter) implements EventPayload {
        @Override
        public String aggregateId() {
            return Long.toString(paymentId);
        }
    }

    /**
     * Changed fields of a payment, {@code {field: {old, new}}}; fields: {@code lessons_paid},
     * {@code payment_date}, {@code amount}, {@code currency}, {@code method}.
     */
    public record Updated(long paymentId, long studentId, long tutorId, PaymentChanges changes,
            int balanceAfter) implements EventPayload {
        @Override
        public String aggregateId() {
            return Long.toString(paymentId);
        }
    }

    /**
     * A payment entered by mistake was voided by its tutor or an admin. The payment is kept (marked voided) and no
     * longer counts towards the balance; {@code lessons_paid}, {@code amount} and {@code currency} are the voided
     * payment's own (the balance changed by −{@code lessons_paid}); {@code reason} is optional;
     * {@code balance_after} is the balance once the void is applied. {@code amount} travels as a decimal string.
     */
    public record Voided(long paymentId, long studentId, long tutorId, int lessonsPaid,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, String currency, String reason,
            @WireDateTime OffsetDateTime voidedAt, int balanceAfter) implements EventPayload {
        @Override
        public String aggregateId() {
            return Long.toString(paymentId);
        }
    }

    /**
     * The student's balance with this tutor fell to {@code threshold} (default 1) or below
     * (docs/domain/payments.md#low-balance).
     *
     * @param balanceBefore the balance just before the change ({@code null} in events older than the field): above the
     *        threshold means it had risen since any earlier warning, so the family is told again
     */
    public record BalanceLow(long studentId, long tutorId, int balance, int threshold, Integer balanceBefore)
            implements EventPayload {
        @Override
        public String aggregateId() {
            return Long.toString(studentId);
        }
    }
}
