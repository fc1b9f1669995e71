package ru.repitbot.bot.flows.calendar;

import ru.repitbot.bot.dialog.CallbackRoute;
import ru.repitbot.bot.flows.Routes;

/**
 * The button routes of the calendar feed links (ids {@code cal.*}). The screen itself is {@link Routes#CALENDAR}
 * ({@code cal.l:<scope>}), for every logged-in role: scope {@code 0} = "all my lessons" (a tutor's all, a student's
 * own, a parent's all children), a student id = that student's (a tutor's student, a parent's child). Other flows
 * link to it with {@code Routes.CALENDAR.data(0)} or {@code Routes.CALENDAR.data(studentId)}.
 */
public final class CalendarRoutes {

    private CalendarRoutes() {
    }

    /** {@code cal.n:<scope>} make a link for that scope (a new one replaces the old one). */
    public static final CallbackRoute NEW = CallbackRoute.of("cal.n");
    /** {@code cal.r:<feedId>:<scope|f>} revoke a link, then back to that scope's screen ({@code f}: the list). */
    public static final CallbackRoute REVOKE = CallbackRoute.of("cal.r");
    /** {@code cal.f} every link of the person, with a revoke button each. */
    public static final CallbackRoute FEEDS = CallbackRoute.of("cal.f");
}
