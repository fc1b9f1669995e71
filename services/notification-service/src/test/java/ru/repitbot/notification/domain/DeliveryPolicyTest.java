package ru.repitbot.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import ru.repitbot.notification.domain.DeliveryVerdict.Failed;
import ru.repitbot.notification.domain.DeliveryVerdict.RetryAt;
import ru.repitbot.notification.domain.DeliveryVerdict.Sent;
import ru.repitbot.notification.domain.DeliveryVerdict.Unreachable;
import ru.repitbot.notification.domain.DeliveryVerdict.UnreachableReason;
import ru.repitbot.notification.domain.TelegramOutcome.Accepted;
import ru.repitbot.notification.domain.TelegramOutcome.NoAnswer;
import ru.repitbot.notification.domain.TelegramOutcome.Refused;

class DeliveryPolicyTest {

    private static final DeliveryPolicy POLICY = DeliveryPolicy.DEFAULT;
    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    private static DeliveryVerdict judge(TelegramOutcome outcome, int attempts) {
        return POLICY.judge(outcome, attempts, NOW, new Random(7));
    }

    @Test
    void anAcceptedMessageIsSentWithItsTelegramId() {
        assertThat(judge(new Accepted(555), 1)).isEqualTo(new Sent(555));
    }

    @Test
    void floodControlWaitsRetryAfterAndDoesNotCountAsAnAttempt() {
        RetryAt retry = (RetryAt) judge(new Refused(429, "Too Many Requests: retry after 17", 17), 6);
        assertThat(retry.countsAsAttempt()).isFalse();
        assertThat(retry.at()).isBetween(NOW.plusSeconds(17), NOW.plusSeconds(17).plus(DeliveryPolicy.RETRY_AFTER_SPREAD));
        RetryAt withoutParameter = (RetryAt) judge(new Refused(429, "Too Many Requests", null), 1);
        assertThat(withoutParameter.at()).isAfterOrEqualTo(NOW.plusSeconds(1));
    }

    @Test
    void aBlockedBotADeletedAccountOrAMissingChatMakeThePersonUnreachable() {
        assertThat(judge(new Refused(403, "Forbidden: bot was blocked by the user", null), 1))
                .isEqualTo(new Unreachable(UnreachableReason.BLOCKED, "Forbidden: bot was blocked by the user"));
        assertThat(((Unreachable) judge(new Refused(403, "Forbidden: user is deactivated", null), 1)).reason())
                .isEqualTo(UnreachableReason.DEACTIVATED);
        assertThat(((Unreachable) judge(new Refused(403, "Forbidden: bot can't initiate conversation with a user",
                null), 1)).reason()).isEqualTo(UnreachableReason.NEVER_STARTED);
        assertThat(((Unreachable) judge(new Refused(400, "Bad Request: chat not found", null), 1)).reason())
                .isEqualTo(UnreachableReason.CHAT_NOT_FOUND);
        assertThat(((Unreachable) judge(new Refused(400, "Bad Request: PEER_ID_INVALID", null), 1)).reason())
                .isEqualTo(UnreachableReason.CHAT_NOT_FOUND);
    }

    @Test
    void anyOtherBadRequestFailsAtOnceBecauseRepeatingItChangesNothing() {
        assertThat(judge(new Refused(400, "Bad Request: message is too long", null), 1))
                .isInstanceOf(Failed.class)
                .extracting(v -> ((Failed) v).reason()).asString().contains("message is too long");
    }

    @Test
    void serverErrorsTimeoutsAndARejectedTokenAreRetriedUntilTheAttemptsRunOut() {
        for (TelegramOutcome outcome : new TelegramOutcome[] {new Refused(502, "Bad Gateway", null),
                new NoAnswer("read timed out"), new Refused(401, "Unauthorized", null)}) {
            for (int attempt = 1; attempt < POLICY.maxAttempts(); attempt++) {
                assertThat(judge(outcome, attempt)).as("%s attempt %d", outcome, attempt).isInstanceOf(RetryAt.class)
                        .matches(v -> ((RetryAt) v).countsAsAttempt());
            }
            assertThat(judge(outcome, POLICY.maxAttempts())).isInstanceOf(Failed.class)
                    .extracting(v -> ((Failed) v).reason()).asString().startsWith("gave up after 6 attempts");
        }
    }

    @Test
    void backOffDoublesWithJitterInItsUpperHalfAndIsCapped() {
        Random random = new Random(20261206L);
        DeliveryPolicy policy = new DeliveryPolicy(50, Duration.ofSeconds(2), Duration.ofMinutes(10));
        for (int attempt = 1; attempt <= 50; attempt++) {
            long full = Math.min(2_000L << Math.min(attempt - 1, 30), 600_000L);
            for (int i = 0; i < 200; i++) {
                Duration wait = policy.backOff(attempt, random);
                assertThat(wait.toMillis()).as("attempt %d", attempt).isBetween(full / 2, full);
            }
        }
    }

    @Test
    void jitterSpreadsRetriesOfManyMessagesFailedTogether() {
        Random random = new Random(1);
        long distinct = java.util.stream.IntStream.range(0, 100)
                .mapToObj(i -> ((RetryAt) POLICY.judge(new Refused(500, "Internal", null), 3, NOW, random)).at())
                .distinct().count();
        assertThat(distinct).isGreaterThan(90);
    }

    @Test
    void aPolicyNeedsSensibleBounds() {
        assertThatThrownBy(() -> new DeliveryPolicy(0, Duration.ofSeconds(1), Duration.ofSeconds(2)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DeliveryPolicy(3, Duration.ofSeconds(5), Duration.ofSeconds(2)))
                .isInstanceOf(IllegalArgumentException.class);
    }
    /**
     * Property: whatever Telegram answers, in any order, a message ends in exactly one terminal verdict; it is never
     * retried earlier than now (nor than retry_after), and never more often than the attempts allow.
     */
    @Test
    void propertyEveryMessageEndsAndNoRetryComesEarly() {
        Random random = new Random(20261206L);
        TelegramOutcome[] transientOutcomes = {new Refused(500, "Internal Server Error", null),
                new Refused(502, "Bad Gateway", null), new NoAnswer("timeout"), new Refused(404, "Not Found", null)};
        for (int message = 0; message < 5_000; message++) {
            Instant now = NOW;
            int counted = 0;
            int answers = 0;
            while (true) {
                answers++;
                TelegramOutcome outcome = switch (random.nextInt(10)) {
                    case 0 -> new Accepted(message);
                    case 1, 2, 3 -> new Refused(429, "Too Many Requests", 1 + random.nextInt(30));
                    case 4 -> random.nextInt(50) == 0 ? new Refused(403, "Forbidden: bot was blocked by the user", null)
                            : new Refused(503, "Service Unavailable", null);
                    default -> transientOutcomes[random.nextInt(transientOutcomes.length)];
                };
                boolean countsIfRetried = !(outcome instanceof Refused r && r.status() == 429);
                DeliveryVerdict verdict = POLICY.judge(outcome, countsIfRetried ? counted + 1 : counted, now, random);
                if (verdict instanceof RetryAt retry) {
                    assertThat(retry.at()).isAfter(now);
                    if (outcome instanceof Refused r && r.status() == 429) {
                        assertThat(retry.at()).isAfterOrEqualTo(now.plusSeconds(r.retryAfterSeconds()));
                    }
                    counted += retry.countsAsAttempt() ? 1 : 0;
                    assertThat(counted).isLessThan(POLICY.maxAttempts());
                    now = retry.at();
                    assertThat(answers).as("a message that never ends").isLessThan(10_000);
                    continue;
                }
                assertThat(verdict).isInstanceOfAny(Sent.class, Unreachable.class, Failed.class);
                break;
            }
        }
    }
}
