package ru.repitbot.auth.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import ru.repitbot.auth.config.AuthProperties;
import ru.repitbot.auth.db.LoginAttemptStore;
import ru.repitbot.auth.domain.LockoutPolicy;
import ru.repitbot.models.errors.TooManyRequestsException;

/**
 * Applies the {@link LockoutPolicy} per Telegram id and per source address: a locked-out subject is refused with
 * 429 and {@code Retry-After} before its code is even checked; a wrong code counts for both subjects; a successful
 * login clears the Telegram id's record.
 */
@Component
public class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    private static final int MAX_ADDRESS_LENGTH = 64;
    private static final int CAS_ATTEMPTS = 20;

    private final LockoutPolicy policy;
    private final LoginAttemptStore store;
    private final Clock clock;
    private final String prefix;

    public LoginThrottle(AuthProperties properties, LoginAttemptStore store, Clock clock) {
        this.policy = properties.throttle().policy();
        this.store = store;
        this.clock = clock;
        this.prefix = properties.throttle().keyPrefix();
    }

    /**
     * Who is trying.
     *
     * @param telegramId the Telegram account the code is for
     * @param address the source address, or {@code null} when it is not counted (a trusted service caller)
     */
    public record Subjects(long telegramId, String address) {
    }

    /** @throws TooManyRequestsException while either subject is locked out */
    public void checkAllowed(Subjects subjects) {
        Instant now = clock.instant();
        Duration longest = Duration.ZERO;
        for (String key : keys(subjects)) {
            Optional<Duration> remaining = policy.remainingLockout(store.read(key).state(), now);
            if (remaining.isPresent() && remaining.get().compareTo(longest) > 0) {
                longest = remaining.get();
            }
        }
        if (!longest.isZero()) {
            throw new TooManyRequestsException("Too many wrong access codes; try again in "
                    + roundUpToSeconds(longest).toSeconds() + " s", roundUpToSeconds(longest));
        }
    }

    /** Counts one wrong code against every subject. */
    public void recordWrongCode(Subjects subjects) {
        for (String key : keys(subjects)) {
            for (int attempt = 0; attempt < CAS_ATTEMPTS; attempt++) {
                Instant now = clock.instant();
                LoginAttemptStore.Versioned current = store.read(key);
                LockoutPolicy.State next = policy.afterWrongCode(current.state(), now);
                if (store.replace(key, current, next, policy.retention(next, now))) {
                    if (next.lockouts() > current.state().lockouts()) {
                        // The key holds a Telegram id or an address: the log says which kind, never the value.
                        log.info("Login locked for a {} until {} (lock-out #{})",
                                key.contains(":tg:") ? "Telegram id" : "client address", next.lockedUntil(),
                                next.lockouts());
                    }
                    break;
                }
            }
        }
    }

    /** A successful login forgets the Telegram id's wrong codes. */
    public void reset(long telegramId) {
        store.clear(telegramKey(telegramId));
    }

    private List<String> keys(Subjects subjects) {
        List<String> keys = new ArrayList<>(2);
        keys.add(telegramKey(subjects.telegramId()));
        if (subjects.address() != null && !subjects.address().isBlank()) {
            String address = subjects.address().strip();
            keys.add(prefix + ":addr:" + (address.length() > MAX_ADDRESS_LENGTH
                    ? address.substring(0, MAX_ADDRESS_LENGTH) : address));
        }
        return keys;
    }

    private String telegramKey(long telegramId) {
        return prefix + ":tg:" + telegramId;
    }

    private static Duration roundUpToSeconds(Duration d) {
        long seconds = d.toSeconds() + (d.toNanosPart() > 0 ? 1 : 0);
        return Duration.ofSeconds(Math.max(1, seconds));
    }
}
