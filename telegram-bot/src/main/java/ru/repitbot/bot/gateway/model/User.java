package ru.repitbot.bot.gateway.model;

import ru.repitbot.models.Role;

/** A user as user-service shows them ({@code GET /api/v1/users/{id}}). */
public record User(long id, Role role, String fullName, Long telegramId, String username, String timeZone,
        Integer grade) {
}
