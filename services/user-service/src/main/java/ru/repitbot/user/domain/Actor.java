package ru.repitbot.user.domain;

import ru.repitbot.models.Role;

/**
 * Who is asking, as the rules see it: a user (id + role) or another service (client credentials, no role).
 *
 * @param id the user's id; 0 for a service
 * @param role the user's role; null for a service
 */
public record Actor(long id, Role role) {

    public static Actor user(long id, Role role) {
        return new Actor(id, role);
    }

    public static Actor service() {
        return new Actor(0, null);
    }

    public boolean isService() {
        return role == null;
    }

    public boolean is(Role r) {
        return role == r;
    }

    /** Admins and services see every user. */
    public boolean seesEverything() {
        return isService() || role == Role.ADMIN;
    }

    public boolean isSelf(UserRef user) {
        return !isService() && user.id() == id;
    }
}
