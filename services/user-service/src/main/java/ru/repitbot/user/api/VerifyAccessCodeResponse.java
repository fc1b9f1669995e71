package ru.repitbot.user.api;

import ru.repitbot.models.Role;

/** The user the code belongs to, now bound to the Telegram account. */
public record VerifyAccessCodeResponse(long userId, Role role, String fullName) {
}
