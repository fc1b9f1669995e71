package ru.repitbot.notification.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * A broadcast with its progress, counted from its messages: every recipient is in exactly one of {@code queued}
 * (waiting or being sent), {@code sent}, {@code failed}, {@code unreachable}, {@code cancelled} or {@code skipped}
 * (the reader switched broadcasts off), and these add up to {@code total}.
 */
public record BroadcastResponse(long id,
        @Schema(allowableValues = {"students", "parents", "both"}) String audience,
        String text, List<String> fileIds, String fileKind,
        @Schema(description = "running while a message is queued or being sent; then finished; or cancelled",
                allowableValues = {"running", "finished", "cancelled"}) String status,
        int total, int queued, int sent, int failed, int unreachable, int cancelled, int skipped,
        Instant createdAt, Instant finishedAt,
        @Schema(description = "Recipients not reached: failed, unreachable or skipped, with the reason")
        List<Failure> failures) {

    public BroadcastResponse {
        fileIds = List.copyOf(fileIds);
        failures = List.copyOf(failures);
    }

    public record Failure(long userId, String fullName,
            @Schema(allowableValues = {"failed", "unreachable", "skipped"}) String status, String reason) {
    }
}
