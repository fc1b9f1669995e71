package ru.repitbot.notification.db;

import java.time.Instant;
import java.util.List;

/**
 * One row of the delivery queue as the engine took it ({@link DeliveryQueue#claim}): marked {@code sending} under
 * this replica's lease.
 *
 * @param chatId the person's Telegram chat now (the one in {@code recipient}, else the one stored at enqueue), null
 *        when none is known
 * @param attempts counted attempts before this one
 * @param dueAt {@code next_attempt_at} when taken: the end of quiet hours, a back-off, a 429's wait or "at once"
 * @param unreachableReason set when the person is in {@code unreachable_chat}: nothing is sent to them
 */
public record QueuedMessage(long id, long recipientId, Long chatId, String kind, String text, List<String> fileIds,
        String fileKind, Instant createdAt, Instant dueAt, Instant expiresAt, int attempts, String subjectType,
        Instant subjectAt, String unreachableReason) {

    public QueuedMessage {
        fileIds = fileIds == null ? List.of() : List.copyOf(fileIds);
    }

    public boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }
}
