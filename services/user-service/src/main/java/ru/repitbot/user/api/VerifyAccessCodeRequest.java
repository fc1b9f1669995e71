package ru.repitbot.user.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** A code typed in Telegram, with the account that typed it (auth-service's login). */
public record VerifyAccessCodeRequest(
        @NotBlank @Size(max = 32) String accessCode,
        @NotNull @Positive Long telegramId,
        @Size(max = 256) String username) {
}
