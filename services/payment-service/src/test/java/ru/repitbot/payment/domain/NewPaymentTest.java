package ru.repitbot.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import ru.repitbot.models.errors.InvalidFieldException;

/** docs/domain/payments.md#q11-money: what a payment may be. */
class NewPaymentTest {

    private static final Instant NOW = Instant.parse("2025-03-03T12:00:00Z");

    private static NewPayment of(Integer lessons, String amount, String currency, Instant paidAt, String comment) {
        return NewPayment.of(1, 2, lessons, amount == null ? null : new BigDecimal(amount), currency, null, paidAt,
                comment, "RUB", NOW);
    }

    private static void rejects(String field, Runnable attempt) {
        assertThatThrownBy(attempt::run).isInstanceOfSatisfying(InvalidFieldException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void lessonsArePositiveOrANegativeCorrectionButNeverZero() {
        assertThat(of(8, null, null, null, null).lessonsPaid()).isEqualTo(8);
        assertThat(of(-2, null, null, null, null).lessonsPaid()).isEqualTo(-2);
        rejects("lessons_paid", () -> of(0, null, null, null, null));
        rejects("lessons_paid", () -> of(null, null, null, null, null));
        rejects("lessons_paid", () -> of(1001, null, null, null, null));
        rejects("lessons_paid", () -> of(-1001, null, null, null, null));
    }

    @Test
    void anAmountGetsTheDefaultCurrencyAndTwoDecimals() {
        NewPayment p = of(4, "6000", null, null, null);
        assertThat(p.amount().toPlainString()).isEqualTo("6000.00");
        assertThat(p.currency()).isEqualTo("RUB");
        assertThat(of(4, "0", "eur", null, null).currency()).isEqualTo("EUR");
        assertThat(of(4, null, null, null, null).currency()).isNull();
    }

    @Test
    void badMoneyIsRefused() {
        rejects("amount", () -> of(4, "-1", null, null, null));
        rejects("amount", () -> of(4, "10.005", null, null, null));
        rejects("amount", () -> of(4, "10000000000", null, null, null));
        rejects("currency", () -> of(4, "10", "RUBLES", null, null));
        rejects("currency", () -> of(4, "10", "XYZ", null, null));
        rejects("currency", () -> of(4, null, "RUB", null, null));
    }

    @Test
    void aPaymentIsNotDatedInTheFuture() {
        assertThat(of(1, null, null, NOW.minus(Duration.ofDays(3)), null).paidAt())
                .isEqualTo(NOW.minus(Duration.ofDays(3)));
        assertThat(of(1, null, null, NOW.plus(Duration.ofHours(3)), null).paidAt()).isNotNull();
        rejects("paid_at", () -> of(1, null, null, NOW.plus(Duration.ofDays(2)), null));
        rejects("paid_at", () -> of(1, null, null, Instant.parse("1999-12-31T00:00:00Z"), null));
    }

    @Test
    void commentsAreTrimmedAndLimited() {
        assertThat(of(1, null, null, null, "  за март ").comment()).isEqualTo("за март");
        assertThat(of(1, null, null, null, "   ").comment()).isNull();
        rejects("comment", () -> of(1, null, null, null, "я".repeat(1001)));
    }
}
