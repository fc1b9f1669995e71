package ru.repitbot.bot.flows.achievements;

import ru.repitbot.bot.dialog.CallbackRoute;

/**
 * The buttons of the achievements screens (docs/domain/bot.md), ids prefixed {@code ac.}; the comment says what the
 * arguments are. A parent's way in is {@code ParentRoutes.ACHIEVEMENTS} (the child's menu).
 */
public final class AchievementRoutes {

    private AchievementRoutes() {
    }

    /** {@code ac.s:<studentId>} a student's points, streak and achievements (the student's own, or a tutor's student). */
    public static final CallbackRoute ACHIEVEMENTS = CallbackRoute.of("ac.s");
    /** {@code ac.h:<studentId>} the last changes of the student's points (the first page of the history). */
    public static final CallbackRoute HISTORY = CallbackRoute.of("ac.h");
    /** {@code ac.r:<tutorId>} a student's view of that tutor's leaderboard (only while the tutor has it on). */
    public static final CallbackRoute BOARD = CallbackRoute.of("ac.r");
    /** {@code ac.tb} the tutor's own leaderboard with the switch. */
    public static final CallbackRoute TUTOR_BOARD = CallbackRoute.of("ac.tb");
    /** {@code ac.tt:<0|1>} the tutor turns "show to students" off (0) or on (1): the value to set, so a repeat is harmless. */
    public static final CallbackRoute TOGGLE = CallbackRoute.of("ac.tt");
}
