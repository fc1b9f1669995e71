package ru.repitbot.notification.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;

/** One message sent (or to be sent) to a person, with how its delivery went. */
public record HistoryItem(
        long id,
        @Schema(description = "The notice kind, e.g. lesson_reminder_24h, message, broadcast") String kind,
        long recipientId,
        @Schema(nullable = true) Long senderId,
        @Schema(description = "queued, sending, sent, failed, unreachable or cancelled") String status,
        @Schema(nullable = true) String text,
        List<String> fileIds,
        @Schema(nullable = true) String fileKind,
        OffsetDateTime createdAt,
        @Schema(nullable = true) OffsetDateTime sentAt,
        @Schema(nullable = true) OffsetDateTime finishedAt,
        @Schema(nullable = true) String lastError,
        @Schema(nullable = true) Long conversationId,
        @Schema(nullable = true) Long broadcastId) {
}
