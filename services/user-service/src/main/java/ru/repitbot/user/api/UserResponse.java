package ru.repitbot.user.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import ru.repitbot.models.Role;
import ru.repitbot.user.domain.User;

/** A user as the API shows them; {@code access_code} only in the answer that created or reset it. */
public record UserResponse(
        long id,
        Role role,
        String fullName,
        Long telegramId,
        String username,
        String timeZone,
        Integer grade,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "the plain access code; present only when it was just created or reset")
        String accessCode) {

    static UserResponse of(User user) {
        return withCode(user, null);
    }

    static UserResponse withCode(User user, String accessCode) {
        return new UserResponse(user.id(), user.role(), user.fullName(), user.telegramId(), user.username(),
                user.timeZone(), user.grade(), user.createdAt(), user.updatedAt(), accessCode);
    }
}
