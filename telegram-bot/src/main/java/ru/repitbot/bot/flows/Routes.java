package ru.repitbot.bot.flows;

import ru.repitbot.bot.dialog.CallbackRoute;

/**
 * Every button route of the bot, in one place so two flows never pick the same id. Callback data are
 * {@code <id>:<args>} and must fit 64 bytes ({@link CallbackRoute#data} checks). Ids are short on purpose; the comment
 * says what the arguments are.
 *
 * <p>Routes marked "placeholder" are registered by the flow that links to them (answering "coming soon"); the flow
 * that serves them registers the same constant with {@code FlowRegistry#callback} and takes them over.
 */
public final class Routes {

    private Routes() {
    }

    // ---- common ----
    /** The main menu. */
    public static final CallbackRoute MENU = CallbackRoute.of("m");
    /** A button that does nothing (a page counter). */
    public static final CallbackRoute NOOP = CallbackRoute.of("x");
    /** {@code lang:<ru|en>}. */
    public static final CallbackRoute LANGUAGE = CallbackRoute.of("lang");

    // ---- tutor: students (flows.tutor.students) ----
    /** {@code st.l:<page>} the tutor's students, a page of 10. */
    public static final CallbackRoute STUDENTS = CallbackRoute.of("st.l");
    /** {@code st.v:<studentId>} a student's profile. */
    public static final CallbackRoute STUDENT = CallbackRoute.of("st.v");
    /** {@code st.a} start the add-student dialog. */
    public static final CallbackRoute STUDENT_ADD = CallbackRoute.of("st.a");
    /** {@code st.as} "skip" inside the add-student dialog (no more parents). */
    public static final CallbackRoute STUDENT_ADD_SKIP = CallbackRoute.of("st.as");
    /** {@code st.rn:<studentId>} rename. */
    public static final CallbackRoute STUDENT_RENAME = CallbackRoute.of("st.rn");
    /** {@code st.d:<studentId>} ask to confirm the deletion. */
    public static final CallbackRoute STUDENT_DELETE = CallbackRoute.of("st.d");
    /** {@code st.dy:<studentId>} delete, confirmed. */
    public static final CallbackRoute STUDENT_DELETE_CONFIRM = CallbackRoute.of("st.dy");
    /** {@code st.p:<studentId>} the student's parents. */
    public static final CallbackRoute STUDENT_PARENTS = CallbackRoute.of("st.p");
    /** {@code st.pn:<studentId>} create a new parent for the student (dialog). */
    public static final CallbackRoute PARENT_CREATE = CallbackRoute.of("st.pn");
    /** {@code st.pe:<studentId>:<page>} pick one of the tutor's existing parents. */
    public static final CallbackRoute PARENT_PICK = CallbackRoute.of("st.pe");
    /** {@code st.pl:<studentId>:<parentId>} link that parent. */
    public static final CallbackRoute PARENT_LINK = CallbackRoute.of("st.pl");
    /** {@code st.pu:<studentId>:<parentId>} unlink that parent. */
    public static final CallbackRoute PARENT_UNLINK = CallbackRoute.of("st.pu");

    // ---- tutor: per-student sections other flows serve (placeholders until they exist) ----
    /** {@code ls.l:<studentId>} the student's lessons (lessons flow). */
    public static final CallbackRoute STUDENT_LESSONS = CallbackRoute.of("ls.l");
    /** {@code ls.a:<studentId>} add a lesson (lessons flow). */
    public static final CallbackRoute LESSON_ADD = CallbackRoute.of("ls.a");
    /** {@code pay.a:<studentId>} record a payment (payments flow). */
    public static final CallbackRoute PAYMENT_ADD = CallbackRoute.of("pay.a");
    /** {@code sch.v:<studentId>} the weekly schedule template (schedules flow). */
    public static final CallbackRoute SCHEDULE = CallbackRoute.of("sch.v");
    /** {@code hw.l:<studentId>} the student's homework (homework flow). */
    public static final CallbackRoute HOMEWORK = CallbackRoute.of("hw.l");
    /** {@code cal.l:<studentId>} the calendar feed link (calendar flow). */
    public static final CallbackRoute CALENDAR = CallbackRoute.of("cal.l");
}
