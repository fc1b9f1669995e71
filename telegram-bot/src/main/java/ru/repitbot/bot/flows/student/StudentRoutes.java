package ru.repitbot.bot.flows.student;

import ru.repitbot.bot.dialog.CallbackRoute;

/** The student's buttons (docs/domain/bot.md#student-screens), ids prefixed {@code sd.}; the comment says what the arguments are. */
public final class StudentRoutes {

    private StudentRoutes() {
    }

    /** {@code sd.l:<page>} my lessons, newest first, a page of 10. */
    public static final CallbackRoute LESSONS = CallbackRoute.of("sd.l");
    /** {@code sd.lv:<lessonId>} one lesson with its homework. */
    public static final CallbackRoute LESSON = CallbackRoute.of("sd.lv");
    /** {@code sd.h:<page>} my homework, newest first, a page of 10. */
    public static final CallbackRoute HOMEWORK_LIST = CallbackRoute.of("sd.h");
    /** {@code sd.hv:<homeworkId>} one homework, read-only (with withdraw while unchecked). */
    public static final CallbackRoute HOMEWORK = CallbackRoute.of("sd.hv");
    /** {@code sd.hs:<homeworkId>} start handing in an answer (a dialog). */
    public static final CallbackRoute SUBMIT = CallbackRoute.of("sd.hs");
    /** {@code sd.hd:<homeworkId>} "✅ Отправить": send the answer collected so far (inside the dialog). */
    public static final CallbackRoute SUBMIT_SEND = CallbackRoute.of("sd.hd");
    /** {@code sd.hw:<homeworkId>} ask to confirm withdrawing my answer. */
    public static final CallbackRoute WITHDRAW = CallbackRoute.of("sd.hw");
    /** {@code sd.hwy:<homeworkId>} withdraw, confirmed. */
    public static final CallbackRoute WITHDRAW_CONFIRM = CallbackRoute.of("sd.hwy");
    /** {@code sd.s} my schedule (the next 10 lessons). */
    public static final CallbackRoute SCHEDULE = CallbackRoute.of("sd.s");
    /** {@code sd.b} my balance. */
    public static final CallbackRoute BALANCE = CallbackRoute.of("sd.b");
}
