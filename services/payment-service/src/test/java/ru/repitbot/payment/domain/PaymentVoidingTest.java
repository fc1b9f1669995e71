package ru.repitbot.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import ru.repitbot.models.PaymentMethod;
import ru.repitbot.models.errors.ConflictException;
import ru.repitbot.models.errors.InvalidFieldException;

class PaymentVoidingTest {

    private static final Instant PAID = Instant.parse("2025-03-01T08:00:00Z");
    private static final Instant VOIDED = Instant.parse("2025-03-05T12:30:00Z");

    private static Payment payment(int lessons, Instant voidedAt) {
        return new Payment(7, 2, 3, lessons, new BigDecimal("1000.00"), "RUB", PaymentMethod.CASH, PAID, null, PAID,
                "2", voidedAt, voidedAt == null ? null : "2", null);
    }

    @Test
    void aPaymentCountsUntilItIsVoided() {
        assertThat(payment(8, null).counted()).isEqualTo(8);
        assertThat(payment(8, VOIDED).voided()).isTrue();
        assertThat(payment(8, VOIDED).counted()).isZero();
    }

    @Test
    void voidingTakesThePaymentsLessonsBack() {
        assertThat(PaymentVoiding.balanceAfter(payment(8, null), 12)).isEqualTo(4);
        assertThat(PaymentVoiding.balanceAfter(payment(-2, null), 1)).as("a voided correction gives back").isEqualTo(3);
    }

    @Test
    void aPaymentIsVoidedOnceAndTheRefusalSaysWhen() {
        PaymentVoiding.requireVoidable(payment(8, null), ZoneId.of("Europe/Kaliningrad"));
        assertThatThrownBy(() -> PaymentVoiding.requireVoidable(payment(8, VOIDED), ZoneId.of("Europe/Kaliningrad")))
                .isInstanceOf(ConflictException.class)
                .hasMessage("Payment 7 was already voided on 2025-03-05 14:30 +02:00; a voided payment cannot be "
                        + "voided again");
    }

    @Test
    void theReasonIsOptionalAndBounded() {
        assertThat(PaymentVoiding.reason(null)).isNull();
        assertThat(PaymentVoiding.reason("   ")).isNull();
        assertThat(PaymentVoiding.reason("  дважды ")).isEqualTo("дважды");
        assertThatThrownBy(() -> PaymentVoiding.reason("я".repeat(1001))).isInstanceOf(InvalidFieldException.class);
    }
}
