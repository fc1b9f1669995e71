package ru.repitbot.user.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import ru.repitbot.models.Role;
import ru.repitbot.user.domain.User;

/**
 * The answer that creates a user or resets their code: the user ({@link UserResponse}'s fields) and the plain access
 * code, which is shown here once and nowhere else.
 */
@Schema(description = "A user with their new access code (shown only in this answer)")
public record UserWithAccessCode(
        long id,
        Role role,
        String fullName,
        @Schema(description = "null while no Telegram account is bound") Long telegramId,
        @Schema(description = "Telegram @username without the @; null when unknown") String username,
        String timeZone,
        @Schema(description = "School grade of a student; null for other roles or when not given") Integer grade,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "The plain access code the user logs in with; shown only in this answer",
                example = "K7M2Q9XB", requiredMode = Schema.RequiredMode.REQUIRED) String accessCode) {

    public static UserWithAccessCode of(User user, String accessCode) {
        return new UserWithAccessCode(user.id(), user.role(), user.fullName(), user.telegramId(), user.username(),
                user.timeZone(), user.grade(), user.createdAt(), user.updatedAt(), accessCode);
    }
}
