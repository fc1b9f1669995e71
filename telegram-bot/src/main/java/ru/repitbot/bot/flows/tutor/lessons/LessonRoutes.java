package ru.repitbot.bot.flows.tutor.lessons;

import ru.repitbot.bot.dialog.CallbackRoute;
import ru.repitbot.bot.flows.Routes;

/**
 * The button routes of the tutor's lessons (ids {@code ls.*}). The list and "add" are {@link Routes#STUDENT_LESSONS}
 * ({@code ls.l:<studentId>[:<page>]}) and {@link Routes#LESSON_ADD} ({@code ls.a:<studentId>}), taken over from the
 * students flow's placeholders. Attendance, cancellation, conduct and mastery codes are one letter (see
 * {@link LessonCodes}).
 */
public final class LessonRoutes {

    private LessonRoutes() {
    }

    /** {@code ls.v:<lessonId>} the lesson card. */
    public static final CallbackRoute LESSON = CallbackRoute.of("ls.v");
    /** {@code ls.at:<lessonId>} mark attended (applied directly). */
    public static final CallbackRoute ATTENDED = CallbackRoute.of("ls.at");
    /** {@code ls.cq:<lessonId>:<e|u|r>} ask to confirm a cancellation (explains the topic shift). */
    public static final CallbackRoute CANCEL_ASK = CallbackRoute.of("ls.cq");
    /** {@code ls.cy:<lessonId>:<e|u|r>} cancel, confirmed. */
    public static final CallbackRoute CANCEL_CONFIRM = CallbackRoute.of("ls.cy");
    /** {@code ls.rs:<lessonId>} move to a new time / give an undated make-up its date (a dialog). */
    public static final CallbackRoute RESCHEDULE = CallbackRoute.of("ls.rs");
    /** {@code ls.e:<lessonId>} the edit menu (attendance, conduct, mastery). */
    public static final CallbackRoute EDIT = CallbackRoute.of("ls.e");
    /** {@code ls.ea:<lessonId>} attendance options. */
    public static final CallbackRoute EDIT_ATTENDANCE = CallbackRoute.of("ls.ea");
    /** {@code ls.sa:<lessonId>:<s|a|e|u|r>} set attendance (a cancellation that moves topics asks first). */
    public static final CallbackRoute SET_ATTENDANCE = CallbackRoute.of("ls.sa");
    /** {@code ls.ec:<lessonId>} conduct options. */
    public static final CallbackRoute EDIT_CONDUCT = CallbackRoute.of("ls.ec");
    /** {@code ls.sc:<lessonId>:<n|c>} set conduct. */
    public static final CallbackRoute SET_CONDUCT = CallbackRoute.of("ls.sc");
    /** {@code ls.em:<lessonId>} mastery options. */
    public static final CallbackRoute EDIT_MASTERY = CallbackRoute.of("ls.em");
    /** {@code ls.sm:<lessonId>:<n|l|m>} choose a mastery level, then the comment dialog. */
    public static final CallbackRoute SET_MASTERY = CallbackRoute.of("ls.sm");
    /** {@code ls.ms} "without a comment" inside the mastery dialog. */
    public static final CallbackRoute MASTERY_SKIP = CallbackRoute.of("ls.ms");
    /** {@code ls.d:<lessonId>} ask to confirm the deletion. */
    public static final CallbackRoute DELETE = CallbackRoute.of("ls.d");
    /** {@code ls.dy:<lessonId>} delete, confirmed. */
    public static final CallbackRoute DELETE_CONFIRM = CallbackRoute.of("ls.dy");
    /** {@code ls.ad:<minutes>} a duration button inside the add-lesson dialog. */
    public static final CallbackRoute ADD_DURATION = CallbackRoute.of("ls.ad");
    /** {@code ls.as} "skip the skills" inside the add-lesson dialog. */
    public static final CallbackRoute ADD_SKIP = CallbackRoute.of("ls.as");
}
