package ru.repitbot.user.domain;

import ru.repitbot.models.Role;

/** The two facts about a user that permissions depend on. */
public record UserRef(long id, Role role) {

    public static UserRef of(User user) {
        return new UserRef(user.id(), user.role());
    }

    public boolean is(Role r) {
        return role == r;
    }
}
