package ru.repitbot.notification.api;

import io.swagger.v3.oas.annotations.media.Schema;

/** Quiet hours as wall-clock times HH:mm; a start after the end spans midnight (22:00–08:00). */
public record QuietHoursView(
        @Schema(description = "HH:mm", example = "22:00") String start,
        @Schema(description = "HH:mm", example = "08:00") String end) {
}
