package ru.repitbot.payment.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import ru.repitbot.idempotency.Idempotency;
import ru.repitbot.models.PaymentMethod;
import ru.repitbot.models.errors.InvalidFieldException;

/**
 * A payment about to be recorded, checked (docs/domain/payments.md#payments, docs/domain/payments.md#q11-money): {@code lessons_paid} a whole number other than 0 (negative is a
 * correction); an optional amount (0 or more, two decimals) in an ISO 4217 currency (the installation's default when
 * only the amount is given); an optional method; when it was paid (now when not given; not in the future); a comment.
 *
 * @param paidAt {@code null} when the request did not say (the payment is then dated when it is recorded)
 */
public record NewPayment(long studentId, long tutorId, int lessonsPaid, BigDecimal amount, String currency,
        PaymentMethod method, Instant paidAt, String comment) {

    public static final int MAX_LESSONS = 1000;
    public static final int MAX_COMMENT = 1000;
    /** Clocks differ and people type dates in their own zone: a day of slack before "in the future". */
    public static final Duration FUTURE_SLACK = Duration.ofDays(1);
    public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    public NewPayment {
        if (lessonsPaid == 0) {
            throw new InvalidFieldException("lessons_paid", "must not be 0");
        }
        if (Math.abs(lessonsPaid) > MAX_LESSONS) {
            throw new InvalidFieldException("lessons_paid", "must be between -" + MAX_LESSONS + " and " + MAX_LESSONS);
        }
        if (amount == null && currency != null) {
            throw new InvalidFieldException("currency", "is only given with an amount");
        }
        if (amount != null) {
            amount = Money.amount("amount", amount);
            Objects.requireNonNull(currency, "currency");
        }
        if (comment != null) {
            comment = comment.strip();
            if (comment.isEmpty()) {
                comment = null;
            } else if (comment.length() > MAX_COMMENT) {
                throw new InvalidFieldException("comment", "must be at most " + MAX_COMMENT + " characters");
            }
        }
        if (paidAt != null && paidAt.isBefore(EARLIEST)) {
            throw new InvalidFieldException("paid_at", "must not be before 2000");
        }
    }

    /**
     * Checks a request's values: the currency defaults to {@code defaultCurrency} when an amount is given without
     * one.
     *
     * @throws InvalidFieldException naming the first bad field
     */
    public static NewPayment of(long studentId, long tutorId, Integer lessonsPaid, BigDecimal amount,
            String currency, PaymentMethod method, Instant paidAt, String comment, String defaultCurrency,
            Instant now) {
        if (lessonsPaid == null) {
            throw new InvalidFieldException("lessons_paid", "is required");
        }
        String code = amount == null
                ? (currency == null ? null : Money.currency("currency", currency, null))
                : Money.currency("currency", currency, defaultCurrency);
        if (paidAt != null && paidAt.isAfter(now.plus(FUTURE_SLACK))) {
            throw new InvalidFieldException("paid_at", "must not be in the future");
        }
        return new NewPayment(studentId, tutorId, lessonsPaid, amount, code, method, paidAt, comment);
    }

    /** When the payment is dated: as given, else {@code now}. */
    public Instant paidAtOr(Instant now) {
        return paidAt != null ? paidAt : now;
    }

    /**
     * The request's identity for {@code Idempotency-Key}: equal for the same request sent again (also when the
     * amount is spelled {@code 100} one time and {@code 100.00} the next), different when any value differs.
     */
    public String fingerprint() {
        return Idempotency.fingerprint(studentId, tutorId, lessonsPaid, amount, currency,
                method == null ? null : method.value(), paidAt, comment);
    }
}
