package ru.repitbot.bot.flows.tutor.schedule;

import ru.repitbot.bot.dialog.CallbackRoute;
import ru.repitbot.bot.flows.Routes;

/**
 * The button routes of the weekly template (ids {@code sch.*}); the template itself is {@link Routes#SCHEDULE}
 * ({@code sch.v:<studentId>}), taken over from the students flow's placeholder. Weekdays are 1 (Monday) to 7.
 */
public final class ScheduleRoutes {

    private ScheduleRoutes() {
    }

    /** {@code sch.a:<studentId>} add a slot: pick a weekday. */
    public static final CallbackRoute ADD = CallbackRoute.of("sch.a");
    /** {@code sch.d:<studentId>:<1-7>} the weekday picked: the dialog asks for the time. */
    public static final CallbackRoute DAY = CallbackRoute.of("sch.d");
    /** {@code sch.du:<minutes>} a length button inside the add-slot dialog. */
    public static final CallbackRoute DURATION = CallbackRoute.of("sch.du");
    /** {@code sch.ns} "no note" inside the add-slot dialog. */
    public static final CallbackRoute NOTE_SKIP = CallbackRoute.of("sch.ns");
    /** {@code sch.r:<studentId>:<1-7>:<HHmm>} remove that slot. */
    public static final CallbackRoute REMOVE = CallbackRoute.of("sch.r");
    /** {@code sch.c:<studentId>} ask to confirm clearing the template. */
    public static final CallbackRoute CLEAR = CallbackRoute.of("sch.c");
    /** {@code sch.cy:<studentId>} clear, confirmed. */
    public static final CallbackRoute CLEAR_CONFIRM = CallbackRoute.of("sch.cy");
    /** {@code sch.f:<studentId>} how many weeks to fill with lessons. */
    public static final CallbackRoute FILL = CallbackRoute.of("sch.f");
    /** {@code sch.fw:<studentId>:<weeks>} fill that many weeks. */
    public static final CallbackRoute FILL_WEEKS = CallbackRoute.of("sch.fw");
}
