package ru.repitbot.user.api;

import ru.repitbot.config.security.CurrentUser;
import ru.repitbot.user.domain.Actor;

/** The token's caller as the rules see it. */
final class Actors {

    private Actors() {
    }

    static Actor of(CurrentUser caller) {
        return caller.isService() ? Actor.service() : Actor.user(caller.id(), caller.role());
    }
}
