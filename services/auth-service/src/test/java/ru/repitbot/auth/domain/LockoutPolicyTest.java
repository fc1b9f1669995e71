package ru.repitbot.auth.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import ru.repitbot.auth.domain.LockoutPolicy.State;

class LockoutPolicyTest {

    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    private final LockoutPolicy policy = LockoutPolicy.standard();

    private State wrongCodes(State state, int count, Instant at) {
        State s = state;
        for (int i = 0; i < count; i++) {
            s = policy.afterWrongCode(s, at.plusSeconds(i));
        }
        return s;
    }

    @Test
    void fourWrongCodesInAMinuteDoNotLock() {
        State s = wrongCodes(State.CLEAN, 4, T0);

        assertThat(s.failures()).isEqualTo(4);
        assertThat(policy.remainingLockout(s, T0.plusSeconds(4))).isEmpty();
    }

    @Test
    void theFifthWrongCodeInAMinuteLocksForOneMinute() {
        State s = wrongCodes(State.CLEAN, 5, T0);

        Instant fifth = T0.plusSeconds(4);
        assertThat(s.lockouts()).isEqualTo(1);
        assertThat(s.lockedUntil()).isEqualTo(fifth.plus(Duration.ofMinutes(1)));
        assertThat(policy.remainingLockout(s, fifth.plusSeconds(10))).contains(Duration.ofSeconds(50));
        assertThat(policy.remainingLockout(s, fifth.plus(Duration.ofMinutes(1)))).isEmpty();
    }

    @Test
    void wrongCodesSpreadOverMoreThanAMinuteNeverLock() {
        State s = State.CLEAN;
        for (int i = 0; i < 20; i++) {
            s = policy.afterWrongCode(s, T0.plusSeconds(16L * i));
        }
        // The window opened at the first wrong code closes after a minute and counting starts again.
        assertThat(s.lockouts()).isZero();
        assertThat(s.failures()).isBetween(1, 4);
    }

    @Test
    void eachFurtherLockOutLastsTwiceAsLong() {
        State s = State.CLEAN;
        Instant now = T0;
        Duration[] expected = {Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4),
            Duration.ofMinutes(8), Duration.ofMinutes(16)};
        for (Duration length : expected) {
            s = wrongCodes(s, 5, now);
            Instant fifth = now.plusSeconds(4);
            assertThat(Duration.between(fifth, s.lockedUntil())).isEqualTo(length);
            now = s.lockedUntil();
        }
        assertThat(s.lockouts()).isEqualTo(5);
    }

    @Test
    void lockOutsAreCappedAtADay() {
        assertThat(policy.lockoutLength(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(policy.lockoutLength(11)).isEqualTo(Duration.ofMinutes(1024));
        assertThat(policy.lockoutLength(12)).isEqualTo(Duration.ofHours(24));
        assertThat(policy.lockoutLength(500)).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void wrongCodesDuringALockOutChangeNothing() {
        State locked = wrongCodes(State.CLEAN, 5, T0);

        State after = wrongCodes(locked, 10, T0.plusSeconds(10));

        assertThat(after).isEqualTo(locked);
    }

    @Test
    void aQuietDayAfterTheLastLockOutStartsAfresh() {
        State s = wrongCodes(State.CLEAN, 5, T0);
        s = wrongCodes(s, 5, s.lockedUntil());
        assertThat(s.lockouts()).isEqualTo(2);

        Instant nextDay = s.lockedUntil().plus(Duration.ofHours(24));
        State fresh = wrongCodes(s, 5, nextDay);

        assertThat(fresh.lockouts()).isEqualTo(1);
        assertThat(Duration.between(nextDay.plusSeconds(4), fresh.lockedUntil())).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void storageKeepsAStateUntilItIsForgotten() {
        State one = policy.afterWrongCode(State.CLEAN, T0);
        assertThat(policy.retention(one, T0)).isEqualTo(Duration.ofHours(24));

        State locked = wrongCodes(State.CLEAN, 5, T0);
        assertThat(policy.retention(locked, T0.plusSeconds(4)))
                .isEqualTo(Duration.ofMinutes(1).plus(Duration.ofHours(24)));
        assertThat(policy.retention(State.CLEAN, T0)).isZero();
    }

    @Test
    void rejectsNonsenseSettings() {
        assertThatThrownBy(() -> new LockoutPolicy(0, Duration.ofMinutes(1), Duration.ofMinutes(1),
                Duration.ofHours(1), Duration.ofHours(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LockoutPolicy(5, Duration.ofMinutes(1), Duration.ofMinutes(10),
                Duration.ofMinutes(5), Duration.ofHours(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
