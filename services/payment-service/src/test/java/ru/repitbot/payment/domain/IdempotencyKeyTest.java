package ru.repitbot.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import ru.repitbot.models.PaymentMethod;

/**
 * A payment request's identity for Idempotency-Key: the same request again (however spelled) has the same
 * fingerprint, any other request another one. (The key's own rules are tested with the shared Idempotency.)
 */
class IdempotencyKeyTest {

    private static final Instant NOW = Instant.parse("2025-03-03T12:00:00Z");
    private static final Instant PAID = Instant.parse("2025-03-01T10:00:00Z");

    private static NewPayment payment(Integer lessons, String amount, String currency, PaymentMethod method,
            Instant paidAt, String comment) {
        return NewPayment.of(42, 7, lessons, amount == null ? null : new BigDecimal(amount), currency, method, paidAt,
                comment, "RUB", NOW);
    }

    private static String fingerprint(NewPayment p) {
        return p.fingerprint();
    }

    @Test
    void theSameRequestAgainIsAReplay() {
        String first = fingerprint(payment(8, "12000", "RUB", PaymentMethod.CARD, PAID, "За март"));
        String again = fingerprint(payment(8, "12000", "RUB", PaymentMethod.CARD, PAID, "За март"));
        assertThat(first).isEqualTo(again);
    }

    @Test
    void spellingsOfTheSameValuesAreTheSameRequest() {
        String a = fingerprint(payment(8, "12000", "rub", PaymentMethod.CARD, PAID, "  За март "));
        String b = fingerprint(payment(8, "12000.00", "RUB", PaymentMethod.CARD, PAID, "За март"));
        String c = fingerprint(payment(8, "12000.0", null, PaymentMethod.CARD, PAID, "За март"));
        assertThat(a).isEqualTo(b).isEqualTo(c);
    }

    @Test
    void withoutPaidAtTheRequestIsTheSameAtAnyTime() {
        NewPayment first = NewPayment.of(42, 7, 8, null, null, null, null, null, "RUB", NOW);
        NewPayment later = NewPayment.of(42, 7, 8, null, null, null, null, null, "RUB", NOW.plusSeconds(3600));
        assertThat(first.fingerprint()).isEqualTo(later.fingerprint());
        assertThat(first.paidAtOr(NOW)).isEqualTo(NOW);
    }

    @Test
    void anyDifferentValueIsAnotherRequest() {
        String base = fingerprint(payment(8, "12000", "RUB", PaymentMethod.CARD, PAID, "За март"));
        assertThat(fingerprint(payment(9, "12000", "RUB", PaymentMethod.CARD, PAID, "За март"))).isNotEqualTo(base);
        assertThat(fingerprint(payment(-8, "12000", "RUB", PaymentMethod.CARD, PAID, "За март"))).isNotEqualTo(base);
        assertThat(fingerprint(payment(8, "12000.01", "RUB", PaymentMethod.CARD, PAID, "За март")))
                .isNotEqualTo(base);
        assertThat(fingerprint(payment(8, null, null, PaymentMethod.CARD, PAID, "За март"))).isNotEqualTo(base);
        assertThat(fingerprint(payment(8, "12000", "EUR", PaymentMethod.CARD, PAID, "За март"))).isNotEqualTo(base);
        assertThat(fingerprint(payment(8, "12000", "RUB", PaymentMethod.CASH, PAID, "За март"))).isNotEqualTo(base);
        assertThat(fingerprint(payment(8, "12000", "RUB", null, PAID, "За март"))).isNotEqualTo(base);
        assertThat(fingerprint(payment(8, "12000", "RUB", PaymentMethod.CARD, PAID.plusSeconds(1), "За март")))
                .isNotEqualTo(base);
        assertThat(fingerprint(payment(8, "12000", "RUB", PaymentMethod.CARD, null, "За март"))).isNotEqualTo(base);
        assertThat(fingerprint(payment(8, "12000", "RUB", PaymentMethod.CARD, PAID, "За апрель")))
                .isNotEqualTo(base);
        assertThat(fingerprint(payment(8, "12000", "RUB", PaymentMethod.CARD, PAID, null))).isNotEqualTo(base);
        assertThat(NewPayment.of(43, 7, 8, new BigDecimal("12000"), "RUB", PaymentMethod.CARD, PAID, "За март",
                "RUB", NOW).fingerprint()).isNotEqualTo(base);
        assertThat(NewPayment.of(42, 8, 8, new BigDecimal("12000"), "RUB", PaymentMethod.CARD, PAID, "За март",
                "RUB", NOW).fingerprint()).isNotEqualTo(base);
    }

    @Test
    void aCommentCannotForgeAnotherField() {
        String withSeparator = fingerprint(payment(8, null, null, null, null, "x\u001f-"));
        String plain = fingerprint(payment(8, null, null, null, null, "x"));
        assertThat(withSeparator).isNotEqualTo(plain);
    }
}
