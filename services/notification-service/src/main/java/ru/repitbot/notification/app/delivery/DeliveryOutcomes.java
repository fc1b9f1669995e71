package ru.repitbot.notification.app.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import ru.repitbot.events.catalogue.NotificationEvents;
import ru.repitbot.events.outbox.Outbox;
import ru.repitbot.notification.db.DeliveryAttempts;
import ru.repitbot.notification.db.DeliveryQueue;
import ru.repitbot.notification.db.QueuedMessage;
import ru.repitbot.notification.db.UnreachableChats;
import ru.repitbot.notification.domain.DeliveryVerdict;
import ru.repitbot.notification.domain.TelegramOutcome;

/**
 * Records what became of a message the engine holds, each in one transaction with its {@code delivery_attempt} and
 * its event ({@code notification.sent} / {@code notification.failed}, through the outbox), so the outcome and the
 * event happen together or not at all (docs/domain/notifications.md#sending-through-telegram). Every change is
 * conditional on this replica still holding the row's lease; a late answer after the lease was lost changes nothing
 * (the attempt is still recorded).
 */
public class DeliveryOutcomes {

    static final String CHANNEL = "telegram";

    private final TransactionTemplate transactions;
    private final DeliveryQueue queue;
    private final DeliveryAttempts attempts;
    private final UnreachableChats unreachable;
    private final Outbox outbox;
    private final DeliveryMetrics metrics;
    private final Duration lateReminder;

    public DeliveryOutcomes(TransactionTemplate transactions, DeliveryQueue queue, DeliveryAttempts attempts,
            UnreachableChats unreachable, Outbox outbox, DeliveryMetrics metrics, Duration lateReminder) {
        this.transactions = transactions;
        this.queue = queue;
        this.attempts = attempts;
        this.unreachable = unreachable;
        this.outbox = outbox;
        this.metrics = metrics;
        this.lateReminder = lateReminder;
    }

    /** Applies {@code verdict} on {@code outcome} of the attempt made at {@code triedAt}. */
    public void record(QueuedMessage message, String owner, long chatId, TelegramOutcome outcome,
            DeliveryVerdict verdict, int countedAttempts, Instant triedAt) {
        Integer status = switch (outcome) {
            case TelegramOutcome.Accepted accepted -> 200;
            case TelegramOutcome.Refused refused -> refused.status();
            case TelegramOutcome.NoAnswer noAnswer -> null;
        };
        String description = switch (outcome) {
            case TelegramOutcome.Accepted accepted -> null;
            case TelegramOutcome.Refused refused -> refused.description();
            case TelegramOutcome.NoAnswer noAnswer -> "no answer: " + noAnswer.cause();
        };
        Integer retryAfter = outcome instanceof TelegramOutcome.Refused refused ? refused.retryAfterSeconds() : null;
        if (status != null && status == 429) {
            metrics.tooManyRequests();
        }
        switch (verdict) {
            case DeliveryVerdict.Sent sent -> inTransaction(() -> {
                attempts.record(message.id(), triedAt, status, description, retryAfter, "sent");
                if (queue.markSent(message.id(), owner, chatId, sent.telegramMessageId(), countedAttempts, triedAt)) {
                    outbox.publish(new NotificationEvents.Sent(message.id(), message.recipientId(), CHANNEL,
                            message.kind()));
                    afterCommit(() -> {
                        metrics.finished("sent", message.kind());
                        metrics.handedOver(message.createdAt(), triedAt);
                        if (late(message, triedAt)) {
                            metrics.lateReminder(message.kind());
                        }
                    });
                }
            });
            case DeliveryVerdict.RetryAt retry -> inTransaction(() -> {
                attempts.record(message.id(), triedAt, status, description, retryAfter, "retry");
                int counted = retry.countsAsAttempt() ? countedAttempts : message.attempts();
                if (queue.markRetry(message.id(), owner, counted, retry.at(), retry.reason())) {
                    queue.holdLaterOf(message.recipientId(), message.id(), retry.at());
                }
            });
            case DeliveryVerdict.Failed failed -> inTransaction(() -> {
                attempts.record(message.id(), triedAt, status, description, retryAfter, "failed");
                end(message, owner, "failed", countedAttempts, triedAt, failed.reason());
            });
            case DeliveryVerdict.Unreachable gone -> inTransaction(() -> {
                attempts.record(message.id(), triedAt, status, description, retryAfter, "unreachable");
                String reason = gone.reason().value();
                unreachable.mark(message.recipientId(), chatId, reason, gone.description(), triedAt);
                end(message, owner, "unreachable", countedAttempts, triedAt, "unreachable: " + reason);
                endQueuedOf(message.recipientId(), triedAt, "unreachable: " + reason);
            });
        }
        afterAttempt(verdict);
    }

    /** A message Telegram accepted, waiting to be recorded with others ({@link #recordSent(String, List)}). */
    public record Accepted(QueuedMessage message, long chatId, long telegramMessageId, int countedAttempts,
            Instant triedAt) {
    }

    /**
     * Records many accepted messages in one transaction: their attempts, their {@code sent} rows and their
     * {@code notification.sent} events. At a thousand messages a second one transaction per message would be the
     * engine's bottleneck.
     */
    public void recordSent(String owner, List<Accepted> accepted) {
        if (accepted.isEmpty()) {
            return;
        }
        inTransaction(() -> {
            attempts.recordSent(accepted.stream().map(a -> a.message().id()).toList(),
                    accepted.stream().map(Accepted::triedAt).toList());
            boolean[] ours = queue.markSent(owner, accepted.stream().map(a -> new DeliveryQueue.SentRow(
                    a.message().id(), a.chatId(), a.telegramMessageId(), a.countedAttempts(), a.triedAt())).toList());
            List<Accepted> recorded = new ArrayList<>();
            for (int i = 0; i < ours.length; i++) {
                if (ours[i]) {
                    Accepted a = accepted.get(i);
                    outbox.publish(new NotificationEvents.Sent(a.message().id(), a.message().recipientId(), CHANNEL,
                            a.message().kind()));
                    recorded.add(a);
                }
            }
            afterCommit(() -> recorded.forEach(a -> {
                metrics.finished("sent", a.message().kind());
                metrics.handedOver(a.message().createdAt(), a.triedAt());
                if (late(a.message(), a.triedAt())) {
                    metrics.lateReminder(a.message().kind());
                }
            }));
        });
        for (int i = 0; i < accepted.size(); i++) {
            metrics.attempt("sent");
        }
    }

    private void afterAttempt(DeliveryVerdict verdict) {
        metrics.attempt(switch (verdict) {
            case DeliveryVerdict.Sent s -> "sent";
            case DeliveryVerdict.RetryAt r -> "retry";
            case DeliveryVerdict.Failed f -> "failed";
            case DeliveryVerdict.Unreachable u -> "unreachable";
        });
    }

    /** Ends a held row without trying it: {@code unreachable} (with its event) or {@code cancelled} (expired). */
    public void endUntried(QueuedMessage message, String owner, String status, Instant at, String reason) {
        inTransaction(() -> end(message, owner, status, message.attempts(), at, reason));
    }

    /**
     * A person with no Telegram chat, neither on the row nor in {@code recipient} when it was taken (the claim looks
     * there): unreachable "never started". There is no chat to put into {@code unreachable_chat}, so only the row ends.
     */
    public void noChat(QueuedMessage message, String owner, Instant at) {
        endUntried(message, owner, "unreachable", at, "unreachable: never_started (no Telegram chat known)");
    }

    /** Puts rows whose sender's lease ran out back in the queue, recording that Telegram may have received them. */
    public int reclaimExpired(Instant now) {
        Integer count = transactions.execute(status -> {
            List<DeliveryQueue.Reclaimed> reclaimed = queue.reclaimExpired(now);
            for (DeliveryQueue.Reclaimed row : reclaimed) {
                attempts.record(row.id(), now, null, "lease of " + row.previousOwner()
                        + " expired while sending: Telegram may have received it", null, "retry");
            }
            return reclaimed.size();
        });
        int n = count == null ? 0 : count;
        for (int i = 0; i < n; i++) {
            metrics.leaseExpired();
        }
        return n;
    }

    private void end(QueuedMessage message, String owner, String status, int counted, Instant at, String reason) {
        if (!queue.markEnded(message.id(), owner, status, counted, at, reason)) {
            return;
        }
        if (!status.equals("cancelled")) {
            outbox.publish(new NotificationEvents.Failed(message.id(), message.recipientId(), CHANNEL,
                    message.kind(), reason));
        }
        afterCommit(() -> metrics.finished(status, message.kind()));
    }

    private void endQueuedOf(long recipientId, Instant at, String reason) {
        List<DeliveryQueue.Ended> ended = queue.endQueuedOf(recipientId, at, reason);
        List<String> kinds = new ArrayList<>();
        for (DeliveryQueue.Ended row : ended) {
            outbox.publish(new NotificationEvents.Failed(row.id(), row.recipientId(), CHANNEL, row.kind(), reason));
            kinds.add(row.kind());
        }
        afterCommit(() -> kinds.forEach(kind -> metrics.finished("unreachable", kind)));
    }

    /**
     * A reminder is late when Telegram took it more than {@code lateReminder} after it was due: its moment (the start
     * or deadline minus the lead), or later when it was enqueued later or held by quiet hours.
     */
    boolean late(QueuedMessage message, Instant handedOver) {
        Duration lead = switch (message.kind()) {
            case "lesson_reminder_24h", "homework_deadline" -> Duration.ofHours(24);
            case "lesson_reminder_1h" -> Duration.ofHours(1);
            default -> null;
        };
        if (lead == null || message.subjectAt() == null) {
            return false;
        }
        Instant due = message.subjectAt().minus(lead);
        if (message.createdAt() != null && message.createdAt().isAfter(due)) {
            due = message.createdAt();
        }
        if (message.attempts() == 0 && message.dueAt() != null && message.dueAt().isAfter(due)) {
            due = message.dueAt();
        }
        return Duration.between(due, handedOver).compareTo(lateReminder) > 0;
    }

    private void inTransaction(Runnable work) {
        transactions.executeWithoutResult(status -> work.run());
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }
}
