package ru.repitbot.bot.flows.tutor.homework;

import ru.repitbot.bot.dialog.CallbackRoute;

/**
 * The button routes of the tutor's homework flows (ids prefixed {@code hw.}; {@code hw.l} is
 * {@link ru.repitbot.bot.flows.Routes#HOMEWORK}, the profile's button, taken over here). Arguments after the id.
 */
public final class HomeworkRoutes {

    private HomeworkRoutes() {
    }

    /** {@code hw.lp:<studentId>:<page>} the student's homework, a page of 10, "to check" first. */
    public static final CallbackRoute LIST = CallbackRoute.of("hw.lp");
    /** {@code hw.v:<homeworkId>} one homework's card. */
    public static final CallbackRoute VIEW = CallbackRoute.of("hw.v");
    /** {@code hw.tf:<homeworkId>} send the tutor's photos and documents of the task (by file_id), then the card
     * again. */
    public static final CallbackRoute TASK_FILES = CallbackRoute.of("hw.tf");
    /** {@code hw.an:<homeworkId>} send the student's answer (text, photos, document by file_id), then the card. */
    public static final CallbackRoute ANSWER = CallbackRoute.of("hw.an");
    /** {@code hw.ac:<homeworkId>} accept: asks for a comment or /skip. */
    public static final CallbackRoute ACCEPT = CallbackRoute.of("hw.ac");
    /** {@code hw.rt:<homeworkId>} return for rework: asks for a comment or /skip. */
    public static final CallbackRoute RETURN = CallbackRoute.of("hw.rt");
    /** {@code hw.cs} "no comment" inside the accept/return dialog. */
    public static final CallbackRoute CHECK_SKIP = CallbackRoute.of("hw.cs");
    /** {@code hw.d:<homeworkId>} ask to confirm the deletion. */
    public static final CallbackRoute DELETE = CallbackRoute.of("hw.d");
    /** {@code hw.dy:<homeworkId>} delete, confirmed. */
    public static final CallbackRoute DELETE_CONFIRM = CallbackRoute.of("hw.dy");
    /** {@code hw.a:<studentId>:<page>} assign: pick one of the student's lessons (recent and upcoming). */
    public static final CallbackRoute ASSIGN = CallbackRoute.of("hw.a");
    /**
     * {@code hw.al:<lessonId>} assign homework to this lesson (the dialog: task → deadline → link → photos). For the
     * lesson card's "➕ Задать ДЗ" button.
     */
    public static final CallbackRoute ASSIGN_FOR_LESSON = CallbackRoute.of("hw.al");
    /** {@code hw.ol:<lessonId>} the homework of one lesson (for the lesson card's "📝 ДЗ урока" button). */
    public static final CallbackRoute OF_LESSON = CallbackRoute.of("hw.ol");
    /** {@code hw.as} "skip" inside the assign dialog (no link). */
    public static final CallbackRoute ASSIGN_SKIP = CallbackRoute.of("hw.as");
    /** {@code hw.ad} "done" inside the assign dialog (no more photos: create it). */
    public static final CallbackRoute ASSIGN_DONE = CallbackRoute.of("hw.ad");
}
