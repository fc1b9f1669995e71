package ru.repitbot.auth.api;

import io.swagger.v3.oas.annotations.media.Schema;

/** {@code POST /api/v1/auth/token} as JSON (the same fields are accepted form-urlencoded). */
public record ClientCredentialsRequest(
        @Schema(description = "Always client_credentials", example = "client_credentials",
                requiredMode = Schema.RequiredMode.REQUIRED) String grantType,
        @Schema(description = "The calling deployable", example = "telegram-bot",
                requiredMode = Schema.RequiredMode.REQUIRED) String clientId,
        @Schema(description = "Its secret (seed variable <NAME>_SECRET_KEY, e.g. TELEGRAM_BOT_SECRET_KEY)",
                requiredMode = Schema.RequiredMode.REQUIRED) String clientSecret) {
}
