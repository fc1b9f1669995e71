package ru.repitbot.auth.api;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /api/v1/auth/refresh} and {@code /logout}. */
public record RefreshTokenRequest(
        @Schema(description = "The refresh token from login or the last refresh",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @NotBlank @Size(max = 200) String refreshToken) {
}
