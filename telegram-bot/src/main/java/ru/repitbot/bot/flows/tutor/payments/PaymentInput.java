package ru.repitbot.bot.flows.tutor.payments;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbers as a tutor types them in a chat: a number of lessons ({@code 8}, {@code +8}, {@code -2}, {@code −2}) and
 * an amount of money ({@code 12000}, {@code 12 000,50}, {@code 12000.5 ₽}, {@code 1 500 руб.}).
 */
final class PaymentInput {

    /** The most lessons one payment may carry (payment-service's limit). */
    static final long MAX_LESSONS = 1000;

    private static final Pattern LESSONS = Pattern.compile("([+-]?)(\\d{1,9})");
    private static final Pattern AMOUNT = Pattern.compile("(\\d{1,10})(?:[.,](\\d{1,2}))?");
    private static final Pattern CURRENCY_SUFFIX = Pattern.compile("(₽|р\\.?|руб\\.?|рублей|рубля|рубль|rub)$");

    private PaymentInput() {
    }

    /** A whole number of lessons, signed; empty when the text is not one. */
    static OptionalLong lessons(String text) {
        if (text == null) {
            return OptionalLong.empty();
        }
        String cleaned = text.strip().replace('−', '-').replace('–', '-').replaceAll("[\\s\u00A0\u2009\u202F]", "");
        Matcher m = LESSONS.matcher(cleaned);
        if (!m.matches()) {
            return OptionalLong.empty();
        }
        long value = Long.parseLong(m.group(2));
        return OptionalLong.of("-".equals(m.group(1)) ? -value : value);
    }

    /**
     * An amount of money, 0 or more, at most two decimals, with spaces between thousands and a comma or a dot before
     * the kopecks; scaled to two decimals. Empty when the text is not one (a negative amount included).
     */
    static Optional<BigDecimal> amount(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String cleaned = text.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s\u00A0\u2009\u202F]", "");
        cleaned = CURRENCY_SUFFIX.matcher(cleaned).replaceFirst("");
        Matcher m = AMOUNT.matcher(cleaned);
        if (!m.matches()) {
            return Optional.empty();
        }
        String number = m.group(1) + (m.group(2) == null ? "" : "." + m.group(2));
        return Optional.of(new BigDecimal(number).setScale(2, RoundingMode.UNNECESSARY));
    }

    /** As the API takes it: {@code "12000.50"}. */
    static String wire(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }
}
