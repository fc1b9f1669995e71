package ru.repitbot.bot.dialog;

import java.util.EnumSet;
import java.util.Set;
import ru.repitbot.bot.session.Login;
import ru.repitbot.models.Role;

/**
 * Who may use a command, a button or a label. The router checks it before the handler runs (a student pressing a
 * tutor's button is refused, nothing changes); the services check again on every call.
 */
public record Access(boolean anonymous, Set<Role> roles) {

    public Access {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    /** Anybody, logged in or not (/start, /language). */
    public static Access anyone() {
        return new Access(true, EnumSet.allOf(Role.class));
    }

    /** Any logged-in person, whatever the role (/menu, /logout). */
    public static Access loggedIn() {
        return new Access(false, EnumSet.allOf(Role.class));
    }

    public static Access roles(Role first, Role... more) {
        return new Access(false, EnumSet.of(first, more));
    }

    public boolean needsLogin() {
        return !anonymous;
    }

    public boolean admits(Login login) {
        return login == null ? anonymous : roles.contains(login.role());
    }
}
