package ru.repitbot.notification.api;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

/** "This Telegram chat is mine": the bot says it at login and whenever an unreachable person writes again. */
public record ChatRequest(
        @Schema(description = "The private chat of the logged-in person with the bot", requiredMode =
                Schema.RequiredMode.REQUIRED) @NotNull Long telegramChatId) {
}
