package ru.repitbot.bot.flows.notifications;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * notification-service's answers as the bot reads them (snake_case on the wire, unknown fields ignored), after the
 * issue-11 contract: preferences, unreachable people, conversations and their messages, broadcasts.
 */
public final class NotifyModels {

    private NotifyModels() {
    }

    /** {@code GET|PATCH /api/v1/notifications/preferences}. */
    public record NoticePreferences(long userId, String language, String timeZone, QuietHours quietHours,
            List<KindSetting> kinds) {
        public NoticePreferences {
            kinds = kinds == null ? List.of() : List.copyOf(kinds);
        }
    }

    /** Wall-clock times {@code "22:00"}; null in the answer = no quiet hours. */
    public record QuietHours(String start, String end) {
    }

    public record KindSetting(String kind, boolean switchable, boolean enabled, boolean urgent, Boolean defaultEnabled,
            Boolean defaultUrgent) {
    }

    /** {@code GET /api/v1/notifications/unreachable}. */
    public record UnreachableList(List<Unreachable> items) {
        public UnreachableList {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    public record Unreachable(long userId, String fullName, String role, List<Long> studentIds, String reason,
            String description, OffsetDateTime detectedAt) {
    }

    /** The answer to {@code POST /api/v1/messages} and {@code POST /api/v1/messages/replies}. */
    public record SentMessage(long id, Long conversationId, String status, OffsetDateTime createdAt) {
    }

    /** An item of {@code GET /api/v1/messages/conversations}. */
    public record Conversation(long id, long tutorId, String tutorName, long otherId, String otherName, Long studentId,
            String studentName, OffsetDateTime lastMessageAt) {
    }

    /** An item of {@code GET /api/v1/messages/conversations/{id}}. */
    public record ConversationMessage(long id, long senderId, long recipientId, String text, List<String> fileIds,
            String fileKind, String status, OffsetDateTime createdAt, OffsetDateTime sentAt) {
        public ConversationMessage {
            fileIds = fileIds == null ? List.of() : List.copyOf(fileIds);
        }
    }

    /** {@code POST|GET /api/v1/broadcasts[/{id}]}. */
    public record Broadcast(long id, String audience, String text, String status, int total, int queued, int sent,
            int failed, int unreachable, int cancelled, OffsetDateTime createdAt, OffsetDateTime finishedAt,
            List<BroadcastFailure> failures) {
        public Broadcast {
            failures = failures == null ? List.of() : List.copyOf(failures);
        }

        public boolean running() {
            return "running".equals(status);
        }
    }

    public record BroadcastFailure(long userId, String fullName, String status, String reason) {
    }
}
