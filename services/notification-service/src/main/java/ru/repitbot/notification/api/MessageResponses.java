package ru.repitbot.notification.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** Answers of {@code /api/v1/messages}. */
public final class MessageResponses {

    private MessageResponses() {
    }

    /** A message put on the delivery queue. */
    public record Sent(long id, long conversationId,
            @Schema(description = "queued, sending, sent, failed, unreachable or cancelled") String status,
            Instant createdAt) {
    }

    /** One tutor ↔ person thread about one student. */
    public record Conversation(long id, long tutorId, String tutorName,
            @Schema(description = "The student or parent the tutor talks to") long otherId, String otherName,
            long studentId, String studentName, Instant lastMessageAt) {
    }

    /** One message of a conversation, in either direction. */
    public record Message(long id, long conversationId, long senderId, long recipientId,
            @Schema(description = "The words as the sender typed them") String text, List<String> fileIds,
            String fileKind,
            @Schema(description = "queued, sending, sent, failed, unreachable or cancelled") String status,
            Instant createdAt, Instant sentAt) {
    }
}
