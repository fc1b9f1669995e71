package ru.repitbot.payment.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Locale;
import java.util.regex.Pattern;
import ru.repitbot.models.errors.InvalidFieldException;

/**
 * Money as RepitBot keeps it (docs/domain/payments.md#q11-money): an amount of at most two decimal places, never negative, with an ISO 4217
 * currency code. Amounts are {@link BigDecimal}s with scale 2, never {@code double}.
 */
public final class Money {

    /** NUMERIC(12, 2): up to 9 999 999 999.99. */
    public static final int INTEGER_DIGITS = 10;
    public static final int FRACTION_DIGITS = 2;
    private static final Pattern CODE = Pattern.compile("[A-Z]{3}");

    private Money() {
    }

    /**
     * A valid amount with scale 2.
     *
     * @throws InvalidFieldException when negative, with more than two decimals or too large
     */
    public static BigDecimal amount(String field, BigDecimal raw) {
        if (raw.signum() < 0) {
            throw new InvalidFieldException(field, "must be 0 or more");
        }
        BigDecimal stripped = raw.stripTrailingZeros();
        if (stripped.scale() > FRACTION_DIGITS) {
            throw new InvalidFieldException(field, "must have at most 2 decimal places");
        }
        BigDecimal scaled = raw.setScale(FRACTION_DIGITS, RoundingMode.UNNECESSARY);
        if (scaled.precision() - scaled.scale() > INTEGER_DIGITS) {
            throw new InvalidFieldException(field, "must be less than 10000000000");
        }
        return scaled;
    }

    /**
     * An ISO 4217 code, upper-cased; {@code fallback} when none is given.
     *
     * @throws InvalidFieldException when it is not a known ISO 4217 code
     */
    public static String currency(String field, String raw, String fallback) {
        if (raw == null) {
            return fallback;
        }
        String code = raw.strip().toUpperCase(Locale.ROOT);
        if (!CODE.matcher(code).matches() || !isIso4217(code)) {
            throw new InvalidFieldException(field, "must be an ISO 4217 currency code such as RUB, EUR or USD");
        }
        return code;
    }

    public static boolean isIso4217(String code) {
        try {
            return Currency.getInstance(code).getCurrencyCode().equals(code);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
