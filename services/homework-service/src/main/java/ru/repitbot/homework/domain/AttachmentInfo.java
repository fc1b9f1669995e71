package ru.repitbot.homework.domain;

import java.time.Instant;

/** What is known about a stored file without its bytes. */
public record AttachmentInfo(long id, long homeworkId, AttachmentKind kind, String fileName, String contentType,
        long sizeBytes, String sha256, String uploadedBy, Instant createdAt) {
}
