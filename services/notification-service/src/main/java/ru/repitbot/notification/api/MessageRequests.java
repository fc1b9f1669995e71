package ru.repitbot.notification.api;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.util.List;

/** Request bodies of {@code /api/v1/messages}. Text and files are checked by the service (MessageContent). */
public final class MessageRequests {

    private MessageRequests() {
    }

    public record Send(
            @Schema(description = "A tutor: their student or a parent of their student. A student or parent: one of "
                    + "their tutors") @NotNull @Positive Long toUserId,
            @Schema(description = "The student the conversation is about. Required when a parent and the tutor "
                    + "share several students; a student may leave it out (it is themselves)") @Positive Long studentId,
            @Schema(description = "Up to 4096 characters (1024 with files); text or files are required") String text,
            @Schema(description = "Telegram file ids, at most 10 (one for voice)") List<String> fileIds,
            @Schema(description = "Required with file_ids", allowableValues = {"photo", "video", "document", "voice"})
            String fileKind,
            @Schema(description = "Deliver even in the reader's quiet hours (default false)") Boolean urgent) {
    }

    public record Reply(
            @Schema(description = "The Telegram message id, in the caller's chat, of the delivered message being "
                    + "answered") @NotNull @Positive Long replyToTelegramMessageId,
            @Schema(description = "Up to 4096 characters (1024 with files); text or files are required") String text,
            @Schema(description = "Telegram file ids, at most 10 (one for voice)") List<String> fileIds,
            @Schema(description = "Required with file_ids", allowableValues = {"photo", "video", "document", "voice"})
            String fileKind) {
    }
}
