package ru.repitbot.notification.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;

/** People who cannot be reached on Telegram (docs/domain/notifications.md#sending-through-telegram). */
public record UnreachableList(List<Person> items) {

    public record Person(
            long userId,
            String fullName,
            @Schema(description = "student or parent (admins see every role)") String role,
            @Schema(description = "The students they are (or are a parent of) that the caller teaches") List<Long> studentIds,
            @Schema(description = "blocked, deactivated, never_started or chat_not_found") String reason,
            @Schema(description = "What Telegram said", nullable = true) String description,
            OffsetDateTime detectedAt) {
    }
}
