package ru.repitbot.notification.db;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import ru.repitbot.notification.domain.NoticeKind;

/**
 * One message to put on the delivery queue ({@link OutgoingMessages#enqueue}). Build it with {@link #to} and the
 * {@code with…} methods; the rest defaults to "now, no subject, no files".
 *
 * @param idempotencyKey what makes it once: the occasion's key (an event id, a reminder's key, a report's key); the
 *        queue stores it per recipient, so one key may reach several people once each
 * @param notBefore quiet hours (Person.deliverAt) — the engine does not try before it
 * @param expiresAt a queued message is cancelled instead of sent after it (a reminder of a lesson that began)
 * @param subjectType {@code lesson}, {@code homework}, {@code payment} or {@code student}: lets a queued reminder of
 *        a lesson that moved or was cancelled be cancelled ({@link OutgoingMessages#cancelQueuedAbout})
 */
public record NewMessage(String idempotencyKey, long recipientId, NoticeKind kind, Long senderId, String subjectType,
        Long subjectId, Instant subjectAt, String text, List<String> fileIds, String fileKind, Long conversationId,
        Long replyToMessageId, Long broadcastId, Instant notBefore, Instant expiresAt) {

    public NewMessage {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(kind, "kind");
        fileIds = fileIds == null ? List.of() : List.copyOf(fileIds);
        if ((text == null || text.isBlank()) && fileIds.isEmpty()) {
            throw new IllegalArgumentException("a message says something: text or files");
        }
    }

    public static NewMessage to(long recipientId, NoticeKind kind, String idempotencyKey, String text) {
        return new NewMessage(idempotencyKey, recipientId, kind, null, null, null, null, text, List.of(), null, null,
                null, null, null, null);
    }

    public NewMessage from(Long sender) {
        return new NewMessage(idempotencyKey, recipientId, kind, sender, subjectType, subjectId, subjectAt, text,
                fileIds, fileKind, conversationId, replyToMessageId, broadcastId, notBefore, expiresAt);
    }

    public NewMessage about(String type, long id, Instant at) {
        return new NewMessage(idempotencyKey, recipientId, kind, senderId, type, id, at, text, fileIds, fileKind,
                conversationId, replyToMessageId, broadcastId, notBefore, expiresAt);
    }

    public NewMessage withFiles(List<String> ids, String kindOfFiles) {
        return new NewMessage(idempotencyKey, recipientId, kind, senderId, subjectType, subjectId, subjectAt, text,
                ids, kindOfFiles, conversationId, replyToMessageId, broadcastId, notBefore, expiresAt);
    }

    public NewMessage inConversation(Long conversation, Long replyTo) {
        return new NewMessage(idempotencyKey, recipientId, kind, senderId, subjectType, subjectId, subjectAt, text,
                fileIds, fileKind, conversation, replyTo, broadcastId, notBefore, expiresAt);
    }

    public NewMessage inBroadcast(Long broadcast) {
        return new NewMessage(idempotencyKey, recipientId, kind, senderId, subjectType, subjectId, subjectAt, text,
                fileIds, fileKind, conversationId, replyToMessageId, broadcast, notBefore, expiresAt);
    }

    public NewMessage notBefore(Instant at) {
        return new NewMessage(idempotencyKey, recipientId, kind, senderId, subjectType, subjectId, subjectAt, text,
                fileIds, fileKind, conversationId, replyToMessageId, broadcastId, at, expiresAt);
    }

    public NewMessage expiresAt(Instant at) {
        return new NewMessage(idempotencyKey, recipientId, kind, senderId, subjectType, subjectId, subjectAt, text,
                fileIds, fileKind, conversationId, replyToMessageId, broadcastId, notBefore, at);
    }

    /** The key stored in {@code outgoing_message.idempotency_key}: the occasion's key for this recipient. */
    public String storedKey() {
        return idempotencyKey + "@" + recipientId;
    }
}
