package ru.repitbot.auth.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The wrong-code lock-out (docs/domain/users-and-access.md#access-codes): {@code maxFailures} wrong codes within {@code window} lock the caller
 * out; each further lock-out lasts twice as long as the previous one (1 min, 2, 4, 8 … capped at
 * {@code maxLockout}); a caller that stays quiet for {@code memory} after its last wrong code or lock-out starts
 * afresh. One policy is applied separately to each subject (a Telegram id, a source address); storage keeps only
 * the {@link State}.
 */
public record LockoutPolicy(int maxFailures, Duration window, Duration firstLockout, Duration maxLockout,
        Duration memory) {

    public LockoutPolicy {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("maxFailures must be at least 1");
        }
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(firstLockout, "firstLockout");
        Objects.requireNonNull(maxLockout, "maxLockout");
        Objects.requireNonNull(memory, "memory");
        if (window.isNegative() || window.isZero() || firstLockout.isNegative() || firstLockout.isZero()
                || maxLockout.compareTo(firstLockout) < 0 || memory.isNegative()) {
            throw new IllegalArgumentException("durations must be positive and maxLockout >= firstLockout");
        }
    }

    /** 5 wrong codes a minute, then 1 min, 2, 4 … up to 24 h; forgotten after a quiet day. */
    public static LockoutPolicy standard() {
        return new LockoutPolicy(5, Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofHours(24),
                Duration.ofHours(24));
    }

    /**
     * What is remembered about one subject.
     *
     * @param failures wrong codes in the current window
     * @param windowStart when the current window began ({@code null}: no window open)
     * @param lockouts how many lock-outs so far (decides the next one's length)
     * @param lockedUntil end of the current lock-out ({@code null}: never locked)
     * @param lastEvent the last wrong code or the end of the last lock-out, whichever is later
     */
    public record State(int failures, Instant windowStart, int lockouts, Instant lockedUntil, Instant lastEvent) {

        public static final State CLEAN = new State(0, null, 0, null, null);

        public boolean isClean() {
            return equals(CLEAN);
        }
    }

    /** How much of a lock-out is left at {@code now}; empty when the subject may try. */
    public Optional<Duration> remainingLockout(State state, Instant now) {
        if (state.lockedUntil() != null && now.isBefore(state.lockedUntil())) {
            return Optional.of(Duration.between(now, state.lockedUntil()));
        }
        return Optional.empty();
    }

    /** The state after one more wrong code at {@code now}. A wrong code during a lock-out changes nothing. */
    public State afterWrongCode(State state, Instant now) {
        State s = forgetIfQuiet(state, now);
        if (remainingLockout(s, now).isPresent()) {
            return s;
        }
        boolean windowOpen = s.windowStart() != null && now.isBefore(s.windowStart().plus(window));
        int failures = (windowOpen ? s.failures() : 0) + 1;
        Instant windowStart = windowOpen ? s.windowStart() : now;
        if (failures >= maxFailures) {
            int lockouts = s.lockouts() + 1;
            Instant until = now.plus(lockoutLength(lockouts));
            return new State(0, null, lockouts, until, until);
        }
        return new State(failures, windowStart, s.lockouts(), s.lockedUntil(), now);
    }

    /** The length of the {@code nth} lock-out (1-based): {@code firstLockout × 2^(nth-1)}, capped. */
    public Duration lockoutLength(int nth) {
        if (nth < 1) {
            throw new IllegalArgumentException("nth must be at least 1");
        }
        Duration length = firstLockout;
        for (int i = 1; i < nth; i++) {
            length = length.multipliedBy(2);
            if (length.compareTo(maxLockout) >= 0) {
                return maxLockout;
            }
        }
        return length.compareTo(maxLockout) > 0 ? maxLockout : length;
    }

    /** How long storage must keep {@code state} from {@code now} on; after that it is as good as clean. */
    public Duration retention(State state, Instant now) {
        if (state.isClean() || state.lastEvent() == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(now, state.lastEvent().plus(memory));
        Duration windowLeft = state.windowStart() == null ? Duration.ZERO
                : Duration.between(now, state.windowStart().plus(window));
        Duration keep = left.compareTo(windowLeft) >= 0 ? left : windowLeft;
        return keep.isNegative() ? Duration.ZERO : keep;
    }

    private State forgetIfQuiet(State state, Instant now) {
        if (state.lastEvent() != null && !now.isBefore(state.lastEvent().plus(memory))
                && remainingLockout(state, now).isEmpty()) {
            return State.CLEAN;
        }
        return state;
    }
}
