package ru.repitbot.payment.domain;

import java.math.BigDecimal;
import java.time.Instant;
import ru.repitbot.models.PaymentMethod;

/**
 * A recorded payment (Q11). Payments are never edited: a mistake is corrected by another payment with a negative
 * {@code lessons_paid}.
 *
 * @param createdBy who recorded it: a user id, or {@code service:<name>}
 */
public record Payment(long id, long tutorId, long studentId, int lessonsPaid, BigDecimal amount, String currency,
        PaymentMethod method, Instant paidAt, String comment, Instant createdAt, String createdBy) {
}
