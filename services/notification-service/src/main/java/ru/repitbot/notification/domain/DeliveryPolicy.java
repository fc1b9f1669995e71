package ru.repitbot.notification.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.random.RandomGenerator;
import ru.repitbot.notification.domain.DeliveryVerdict.Failed;
import ru.repitbot.notification.domain.DeliveryVerdict.RetryAt;
import ru.repitbot.notification.domain.DeliveryVerdict.Sent;
import ru.repitbot.notification.domain.DeliveryVerdict.Unreachable;
import ru.repitbot.notification.domain.DeliveryVerdict.UnreachableReason;

/**
 * How the Telegram delivery engine judges an attempt (issue 11):
 * 429 waits {@code retry_after}; 5xx, timeouts and a rejected token are retried with exponential back-off and
 * bounded jitter, up to {@code maxAttempts}; a blocked bot, a deleted account or a missing chat make the person
 * unreachable; any other 400 is a request Telegram will never take and fails at once.
 * docs/domain/notifications.md#sending-through-telegram
 *
 * @param maxAttempts attempts counted against the message (429s are not) before it fails
 * @param firstBackOff the wait after the first failed attempt; doubled after each further one
 * @param maxBackOff the longest wait between two attempts
 */
public record DeliveryPolicy(int maxAttempts, Duration firstBackOff, Duration maxBackOff) {

    public static final DeliveryPolicy DEFAULT = new DeliveryPolicy(6, Duration.ofSeconds(2), Duration.ofMinutes(10));

    /**
     * Added on top of {@code retry_after}, never subtracted: when one 429 stops many messages at once they should
     * not all come back in the same millisecond and meet the limit again.
     */
    static final Duration RETRY_AFTER_SPREAD = Duration.ofMillis(500);

    public DeliveryPolicy {
        if (maxAttempts < 1 || firstBackOff.isNegative() || firstBackOff.isZero()
                || maxBackOff.compareTo(firstBackOff) < 0) {
            throw new IllegalArgumentException("need at least one attempt and 0 < firstBackOff <= maxBackOff");
        }
    }

    /**
     * @param attemptsMade attempts counted so far, this one included
     * @param random the jitter's source (seeded in tests)
     */
    public DeliveryVerdict judge(TelegramOutcome outcome, int attemptsMade, Instant now, RandomGenerator random) {
        return switch (outcome) {
            case TelegramOutcome.Accepted accepted -> new Sent(accepted.messageId());
            case TelegramOutcome.NoAnswer noAnswer ->
                    retryOrFail("no answer: " + noAnswer.cause(), attemptsMade, now, random);
            case TelegramOutcome.Refused refused -> judgeRefusal(refused, attemptsMade, now, random);
        };
    }

    /** The wait after {@code attemptsMade} failed attempts: uniformly in [d/2, d], d = first·2^(n−1) capped. */
    public Duration backOff(int attemptsMade, RandomGenerator random) {
        long first = firstBackOff.toMillis();
        long cap = maxBackOff.toMillis();
        int doublings = Math.min(Math.max(attemptsMade - 1, 0), 40);
        long full = first > (cap >> doublings) ? cap : Math.min(cap, first << doublings);
        long half = full / 2;
        return Duration.ofMillis(half + random.nextLong(full - half + 1));
    }

    private DeliveryVerdict judgeRefusal(TelegramOutcome.Refused refused, int attemptsMade, Instant now,
            RandomGenerator random) {
        String description = refused.description() == null ? "" : refused.description();
        String text = description.toLowerCase(Locale.ROOT);
        int status = refused.status();
        if (status == 429) {
            int seconds = refused.retryAfterSeconds() == null ? 1 : Math.max(refused.retryAfterSeconds(), 0);
            Duration spread = Duration.ofMillis(random.nextLong(RETRY_AFTER_SPREAD.toMillis() + 1));
            return new RetryAt(now.plusSeconds(seconds).plus(spread), "429 retry_after " + seconds + " s", false);
        }
        if (status == 403) {
            UnreachableReason reason = text.contains("deactivated") ? UnreachableReason.DEACTIVATED
                    : text.contains("can't initiate") || text.contains("cannot initiate")
                            ? UnreachableReason.NEVER_STARTED
                            : UnreachableReason.BLOCKED;
            return new Unreachable(reason, description);
        }
        if (status == 400 && (text.contains("chat not found") || text.contains("peer_id_invalid")
                || text.contains("user not found"))) {
            return new Unreachable(UnreachableReason.CHAT_NOT_FOUND, description);
        }
        if (status == 400) {
            // Too long, bad markup, a file id from another bot: the same request fails the same way again.
            return new Failed("refused by Telegram: 400 " + description);
        }
        // 5xx is Telegram's trouble; 401/404 mean our token or base URL is wrong, which an operator fixes without
        // the messages being lost meanwhile.
        return retryOrFail(status + " " + description, attemptsMade, now, random);
    }

    private DeliveryVerdict retryOrFail(String reason, int attemptsMade, Instant now, RandomGenerator random) {
        if (attemptsMade >= maxAttempts) {
            return new Failed("gave up after " + attemptsMade + " attempts: " + reason);
        }
        return new RetryAt(now.plus(backOff(attemptsMade, random)), reason, true);
    }
}
