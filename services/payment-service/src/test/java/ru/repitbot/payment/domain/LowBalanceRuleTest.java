package ru.repitbot.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** docs/domain/payments.md#low-balance: warn when a change lowers the balance to the threshold or below; once per lowering change; never on a raise. */
class LowBalanceRuleTest {

    private final LowBalanceRule rule = new LowBalanceRule(LowBalanceRule.DEFAULT_THRESHOLD);

    @ParameterizedTest(name = "{0} -> {1} warns")
    @CsvSource({"2, 1", "1, 0", "0, -1", "-3, -4", "10, -5", "5, 1"})
    void aLoweringChangeToTheThresholdOrBelowWarns(int before, int after) {
        assertThat(rule.warns(before, after)).isTrue();
    }

    @ParameterizedTest(name = "{0} -> {1} does not warn")
    @CsvSource({"3, 2", "10, 2", "1, 1", "0, 0", "-2, -2"})
    void aChangeThatStaysAboveOrChangesNothingDoesNot(int before, int after) {
        assertThat(rule.warns(before, after)).isFalse();
    }

    @ParameterizedTest(name = "raise {0} -> {1} never warns")
    @CsvSource({"0, 1", "-1, 0", "1, 2", "-5, -4", "0, 10"})
    void aRaiseNeverWarnsEvenWhenTheBalanceStaysLow(int before, int after) {
        assertThat(rule.warns(before, after)).isFalse();
    }

    @Test
    void theThresholdIsConfigurable() {
        LowBalanceRule two = new LowBalanceRule(2);
        assertThat(two.warns(3, 2)).isTrue();
        assertThat(two.warns(4, 3)).isFalse();
        LowBalanceRule zero = new LowBalanceRule(0);
        assertThat(zero.warns(2, 1)).isFalse();
        assertThat(zero.warns(1, 0)).isTrue();
        assertThat(zero.threshold()).isZero();
    }

    @Test
    void lowMeansAtTheThresholdOrBelow() {
        assertThat(rule.isLow(1)).isTrue();
        assertThat(rule.isLow(-7)).isTrue();
        assertThat(rule.isLow(2)).isFalse();
    }
}
