package ru.repitbot.user.app;

import ru.repitbot.config.security.CurrentUser;
import ru.repitbot.user.domain.Actor;

/** The token's caller as the rules see it. */
public final class Actors {

    private Actors() {
    }

    public static Actor of(CurrentUser caller) {
        return caller.isService() ? Actor.service() : Actor.user(caller.id(), caller.role());
    }
}
