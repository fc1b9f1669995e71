package ru.repitbot.payment.domain;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import ru.repitbot.models.errors.ConflictException;
import ru.repitbot.models.errors.InvalidFieldException;

/**
 * Voiding a payment entered by mistake: the payment stays (money history is never erased), marked voided with when,
 * by whom and why; from then on it no longer counts, so the balance drops (or, for a voided correction, rises) by its
 * {@code lessons_paid}. A payment is voided once.
 */
public final class PaymentVoiding {

    public static final int MAX_REASON = 1000;

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx");

    private PaymentVoiding() {
    }

    /**
     * @param zone the zone the void time is told in
     * @throws ConflictException when the payment was already voided (answered 409)
     */
    public static void requireVoidable(Payment payment, ZoneId zone) {
        if (payment.voided()) {
            throw new ConflictException("Payment " + payment.id() + " was already voided on "
                    + SHOWN.format(payment.voidedAt().atZone(zone)) + "; a voided payment cannot be voided again");
        }
    }

    /** The reason as stored: stripped, blank = none, at most {@value #MAX_REASON} characters. */
    public static String reason(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String reason = raw.strip();
        if (reason.length() > MAX_REASON) {
            throw new InvalidFieldException("reason", "must be at most " + MAX_REASON + " characters");
        }
        return reason;
    }

    /** The balance once {@code payment} is voided, from the balance {@code before}. */
    public static int balanceAfter(Payment payment, int before) {
        return before - payment.lessonsPaid();
    }
}
