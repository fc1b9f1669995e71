package ru.repitbot.material.domain;

import java.time.Instant;

/**
 * What is known of an uploaded file without its bytes: its checked type, size, SHA-256, the key of its bytes in the
 * {@link FileStore}, and the Telegram {@code file_id} the bot got when it first sent the file (sent again by id,
 * never uploaded twice), {@code null} until then.
 */
public record MaterialFile(long id, long materialId, String fileName, String contentType, long sizeBytes,
        String sha256, String storageKey, String telegramFileId, Instant createdAt) {
}
