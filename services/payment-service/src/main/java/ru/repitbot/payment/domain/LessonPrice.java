package ru.repitbot.payment.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/** What one lesson costs a student with one tutor, so money can be shown beside lesson counts (docs/domain/payments.md#q11-money). */
public record LessonPrice(BigDecimal amount, String currency) {

    public LessonPrice {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        amount = amount.setScale(Money.FRACTION_DIGITS, RoundingMode.UNNECESSARY);
    }

    /** {@code lessons} lessons at this price (negative for a negative count). */
    public BigDecimal times(long lessons) {
        return amount.multiply(BigDecimal.valueOf(lessons)).setScale(Money.FRACTION_DIGITS, RoundingMode.UNNECESSARY);
    }
}
