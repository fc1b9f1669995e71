package ru.repitbot.material.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;

/** A material as the API shows it, with its files' metadata (each downloads at its {@code download_url}). */
public record MaterialResponse(
        long id,
        @Schema(description = "The owning tutor; null for a material an admin published to every tutor") Long tutorId,
        String title,
        String description,
        @Schema(description = "1–11; null: every grade") Integer grade,
        String subject,
        List<String> tags,
        List<String> links,
        List<FileInfo> files,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        long version) {

    /** An uploaded file without its bytes. */
    public record FileInfo(long id, String fileName, String contentType, long sizeBytes, String sha256,
            @Schema(description = "Telegram's file_id once the bot has sent the file, else null") String telegramFileId,
            String downloadUrl, OffsetDateTime createdAt) {
    }

    /** The material attached to one lesson or one homework of a student. */
    public record Attachment(long id, long materialId, Long lessonId, Long homeworkId, long tutorId, long studentId,
            OffsetDateTime createdAt) {
    }
}
