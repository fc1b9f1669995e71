package ru.repitbot.user.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import ru.repitbot.models.Role;
import ru.repitbot.user.domain.User;

/** A user as the API shows them; every field is always present, {@code null} when empty. */
public record UserResponse(
        long id,
        Role role,
        String fullName,
        @Schema(description = "null while no Telegram account is bound (never logged in, or the code was reset)")
        Long telegramId,
        @Schema(description = "Telegram @username without the @; null when unknown") String username,
        String timeZone,
        @Schema(description = "School grade of a student; null for other roles or when not given") Integer grade,
        Instant createdAt,
        Instant updatedAt) {

    public static UserResponse of(User user) {
        return new UserResponse(user.id(), user.role(), user.fullName(), user.telegramId(), user.username(),
                user.timeZone(), user.grade(), user.createdAt(), user.updatedAt());
    }
}
