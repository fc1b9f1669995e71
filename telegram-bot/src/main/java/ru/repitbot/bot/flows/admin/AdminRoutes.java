package ru.repitbot.bot.flows.admin;

import ru.repitbot.bot.dialog.CallbackRoute;

/** The admin's buttons (docs/domain/users-and-access.md#roles), ids prefixed {@code ad.}; the comment says the arguments. */
public final class AdminRoutes {

    private AdminRoutes() {
    }

    /** {@code ad.t} create a tutor (the dialog asks the full name). */
    public static final CallbackRoute CREATE_TUTOR = CallbackRoute.of("ad.t");
    /** {@code ad.r} reset a code: find the person (the dialog asks a name or an id). */
    public static final CallbackRoute RESET = CallbackRoute.of("ad.r");
    /** {@code ad.rc:<userId>} ask to confirm resetting that user's code. */
    public static final CallbackRoute RESET_CONFIRM = CallbackRoute.of("ad.rc");
    /** {@code ad.ry:<userId>} reset, confirmed: the new code is shown once. */
    public static final CallbackRoute RESET_DO = CallbackRoute.of("ad.ry");
    /** {@code ad.st} the counts again. */
    public static final CallbackRoute STATS = CallbackRoute.of("ad.st");
}
