package ru.repitbot.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import ru.repitbot.models.errors.InvalidFieldException;

class MoneyTest {

    @Test
    void currenciesAreIso4217Codes() {
        assertThat(Money.currency("currency", null, "RUB")).isEqualTo("RUB");
        assertThat(Money.currency("currency", " usd ", "RUB")).isEqualTo("USD");
        assertThat(Money.currency("currency", "KZT", "RUB")).isEqualTo("KZT");
        for (String bad : new String[] {"", "RU", "RUBL", "R1B", "ABC", "рубль"}) {
            assertThatThrownBy(() -> Money.currency("currency", bad, "RUB"))
                    .isInstanceOf(InvalidFieldException.class);
        }
    }

    @Test
    void amountsHaveTwoDecimals() {
        assertThat(Money.amount("amount", new BigDecimal("1500")).toPlainString()).isEqualTo("1500.00");
        assertThat(Money.amount("amount", new BigDecimal("1500.5")).toPlainString()).isEqualTo("1500.50");
        assertThat(Money.amount("amount", new BigDecimal("1.500")).toPlainString()).isEqualTo("1.50");
        assertThat(Money.amount("amount", new BigDecimal("9999999999.99")).toPlainString())
                .isEqualTo("9999999999.99");
        assertThatThrownBy(() -> Money.amount("amount", new BigDecimal("0.001")))
                .isInstanceOf(InvalidFieldException.class);
    }

    @Test
    void aPriceTimesLessons() {
        LessonPrice price = new LessonPrice(new BigDecimal("1250.50"), "RUB");
        assertThat(price.times(4).toPlainString()).isEqualTo("5002.00");
        assertThat(price.times(-1).toPlainString()).isEqualTo("-1250.50");
        assertThat(price.times(0).toPlainString()).isEqualTo("0.00");
    }
}
