package ru.repitbot.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RateWindowTest {

    @Test
    void aWindowBecomesABucketThatHoldsExactlyTheWindowsRequests() {
        RateWindow seedDefault = new RateWindow(100, 60);

        assertThat(seedDefault.burstCapacity() / seedDefault.requestedTokens()).isEqualTo(100);
        assertThat(seedDefault.replenishRate() * 60L / seedDefault.requestedTokens())
                .as("refilled per window").isEqualTo(100);
        assertThat(seedDefault.retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void retryAfterIsTheTimeForOneRequestsWorthOfTokens() {
        assertThat(new RateWindow(3, 60).retryAfterSeconds()).isEqualTo(20);
        assertThat(new RateWindow(7, 60).retryAfterSeconds()).isEqualTo(9);
        assertThat(new RateWindow(1000, 1).retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> new RateWindow(0, 60)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateWindow(10, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
