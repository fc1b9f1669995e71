package ru.repitbot.auth.api;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** {@code POST /api/v1/auth/login}. */
public record LoginRequest(
        @Schema(description = "The access code the tutor handed out; trimmed and upper-cased, 6-10 of A-Z0-9",
                example = "K7M2Q9XB", requiredMode = Schema.RequiredMode.REQUIRED)
        @NotBlank @Size(max = 64) String accessCode,
        @Schema(description = "The Telegram user id logging in", example = "123456789",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @NotNull @Positive Long telegramId,
        @Schema(description = "The Telegram @username, without the @", example = "masha_k")
        @Size(max = 64) String username) {
}
