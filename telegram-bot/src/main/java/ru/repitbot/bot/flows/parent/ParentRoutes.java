package ru.repitbot.bot.flows.parent;

import ru.repitbot.bot.dialog.CallbackRoute;

/** The parent's buttons (docs/domain/bot.md#parent-screens), ids prefixed {@code pa.}; the comment says what the arguments are. */
public final class ParentRoutes {

    private ParentRoutes() {
    }

    /** {@code pa.k} my children. */
    public static final CallbackRoute CHILDREN = CallbackRoute.of("pa.k");
    /** {@code pa.c:<childId>} one child's menu. */
    public static final CallbackRoute CHILD = CallbackRoute.of("pa.c");
    /** {@code pa.s:<childId>} the child's next 10 lessons. */
    public static final CallbackRoute SCHEDULE = CallbackRoute.of("pa.s");
    /** {@code pa.l:<childId>:<page>} the child's past lessons, 15 a page. */
    public static final CallbackRoute LESSONS = CallbackRoute.of("pa.l");
    /** {@code pa.h:<childId>} the child's last 10 homework. */
    public static final CallbackRoute HOMEWORK_LIST = CallbackRoute.of("pa.h");
    /** {@code pa.hv:<childId>:<homeworkId>} one homework, read-only. */
    public static final CallbackRoute HOMEWORK = CallbackRoute.of("pa.hv");
    /** {@code pa.p:<childId>} balance and payments. */
    public static final CallbackRoute PAYMENTS = CallbackRoute.of("pa.p");
    /** {@code pa.pr:<childId>} progress (coming with achievement-service). */
    public static final CallbackRoute PROGRESS = CallbackRoute.of("pa.pr");
    /** {@code pa.a:<childId>} the child's points, streak and achievements. */
    public static final CallbackRoute ACHIEVEMENTS = CallbackRoute.of("pa.a");
}
