package ru.repitbot.payment.domain;

import java.math.BigDecimal;
import java.time.Instant;
import ru.repitbot.models.PaymentMethod;

/**
 * A recorded payment (docs/domain/payments.md#payments). Payments are never edited nor deleted: a mistake is corrected by another payment with a
 * negative {@code lessons_paid}, or the payment is voided ({@link PaymentVoiding}): it stays, marked, and no longer
 * counts towards the balance.
 *
 * @param createdBy who recorded it: a user id, or {@code service:<name>}
 * @param voidedAt when it was voided, {@code null} while it counts
 * @param voidedBy who voided it (as {@code createdBy})
 * @param voidReason why, if given
 */
public record Payment(long id, long tutorId, long studentId, int lessonsPaid, BigDecimal amount, String currency,
        PaymentMethod method, Instant paidAt, String comment, Instant createdAt, String createdBy, Instant voidedAt,
        String voidedBy, String voidReason) {

    /** Whether the payment was voided (and no longer counts towards the balance). */
    public boolean voided() {
        return voidedAt != null;
    }

    /** What the payment counts towards the balance in lessons: its lessons, or nothing once voided. */
    public int counted() {
        return voided() ? 0 : lessonsPaid;
    }
}
