package ru.repitbot.auth.api;

import io.swagger.v3.oas.annotations.media.Schema;

/** A service token (client credentials). */
public record TokenResponse(
        @Schema(description = "RS256 JWT with sub service:<client_id> and role service") String accessToken,
        @Schema(example = "bearer") String tokenType,
        @Schema(example = "1800") long expiresIn) {
}
