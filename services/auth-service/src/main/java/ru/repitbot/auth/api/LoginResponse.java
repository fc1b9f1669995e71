package ru.repitbot.auth.api;

import io.swagger.v3.oas.annotations.media.Schema;

/** A token pair, from login or refresh. */
public record LoginResponse(
        @Schema(description = "RS256 JWT for the Authorization: Bearer header") String accessToken,
        @Schema(description = "Opaque; exchange it once at /api/v1/auth/refresh") String refreshToken,
        @Schema(example = "bearer") String tokenType,
        @Schema(description = "Seconds until the access token expires", example = "1800") long expiresIn,
        @Schema(description = "Seconds until the refresh token expires", example = "604800") long refreshExpiresIn,
        @Schema(example = "42") long userId,
        @Schema(example = "student", allowableValues = {"admin", "tutor", "student", "parent"}) String userRole,
        @Schema(description = "For the greeting, when user-service told it; else null", example = "Маша Иванова")
        String fullName) {
}
