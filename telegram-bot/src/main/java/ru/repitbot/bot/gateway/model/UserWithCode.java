package ru.repitbot.bot.gateway.model;

import ru.repitbot.models.Role;

/** A user just created, or whose code was reset, with the plain access code: shown to the tutor once, never kept. */
public record UserWithCode(long id, Role role, String fullName, String accessCode) {

    @Override
    public String toString() {
        return "UserWithCode[id=" + id + ", role=" + role + "]";
    }
}
