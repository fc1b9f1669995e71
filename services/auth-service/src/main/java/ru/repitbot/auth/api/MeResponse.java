package ru.repitbot.auth.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** Who the presented access token speaks for. */
public record MeResponse(
        @Schema(description = "The user's id; null for a service token", example = "42") Long userId,
        @Schema(example = "tutor", allowableValues = {"admin", "tutor", "student", "parent", "service"}) String role,
        @Schema(description = "The client id of a service token; null for a user", example = "telegram-bot")
        String service,
        @Schema(description = "When the token expires") Instant expiresAt,
        @Schema(description = "Seconds until then", example = "1234") long expiresIn) {
}
