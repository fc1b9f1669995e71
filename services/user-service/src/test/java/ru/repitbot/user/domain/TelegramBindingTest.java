package ru.repitbot.user.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import ru.repitbot.models.errors.ConflictException;

class TelegramBindingTest {

    private static final long USER = 7;
    private static final long TELEGRAM = 1_000_001;

    @Test
    void firstUseBindsTheAccount() {
        assertThat(TelegramBinding.decide(null, TELEGRAM, null, USER)).isEqualTo(TelegramBinding.Outcome.BIND);
    }

    @Test
    void theSameAccountAgainIsFine() {
        assertThat(TelegramBinding.decide(TELEGRAM, TELEGRAM, USER, USER))
                .isEqualTo(TelegramBinding.Outcome.ALREADY_BOUND);
    }

    @Test
    void aCodeWhoseUserIsBoundToAnotherAccountIsRefused() {
        assertThatThrownBy(() -> TelegramBinding.decide(2_000_002L, TELEGRAM, null, USER))
                .isInstanceOf(ConflictException.class).hasMessageContaining("reset");
    }

    @Test
    void anAccountBoundToAnotherUserIsRefused() {
        assertThatThrownBy(() -> TelegramBinding.decide(null, TELEGRAM, 8L, USER))
                .isInstanceOf(ConflictException.class).hasMessageContaining("another user");
    }
}
