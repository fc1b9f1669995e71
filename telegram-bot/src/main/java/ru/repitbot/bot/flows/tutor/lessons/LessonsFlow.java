package ru.repitbot.bot.flows.tutor.lessons;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import ru.repitbot.bot.dialog.Access;
import ru.repitbot.bot.dialog.Button;
import ru.repitbot.bot.dialog.Flow;
import ru.repitbot.bot.dialog.FlowRegistry;
import ru.repitbot.bot.dialog.Keyboard;
import ru.repitbot.bot.dialog.Reply;
import ru.repitbot.bot.dialog.Screen;
import ru.repitbot.bot.dialog.Turn;
import ru.repitbot.bot.flows.Routes;
import ru.repitbot.bot.flows.tutor.lessons.LessonData.Cancellation;
import ru.repitbot.bot.flows.tutor.lessons.LessonData.FullLesson;
import ru.repitbot.bot.flows.tutor.lessons.LessonData.Overlap;
import ru.repitbot.bot.gateway.GatewayProblem;
import ru.repitbot.models.AttendanceStatus;
import ru.repitbot.models.LessonStatus;
import ru.repitbot.models.Role;
import ru.repitbot.models.TopicMastery;

/**
 * A student's lessons and the lesson card (docs/domain/bot.md#tutor-lessons): the paged
 * list; the card with "✅ Проведен" (applied directly), the three cancellations (each through a confirmation that
 * explains the topic shift, then {@code POST /lessons/{id}/cancel} and what moved where), the edit menu (attendance,
 * conduct via {@code PATCH lesson_status}, mastery + a comment via {@code PUT /mastery}), deletion with confirmation.
 * Moving a lesson to a new time is {@link RescheduleFlow}; adding one {@link AddLessonFlow}.
 */
@Component
public class LessonsFlow implements Flow {

    static final String MASTERY = "lesson.mastery";
    private static final Access TUTOR = Access.roles(Role.TUTOR);

    private final LessonViews views;

    public LessonsFlow(LessonViews views) {
        this.views = views;
    }

    @Override
    public void register(FlowRegistry registry) {
        registry.callback(Routes.STUDENT_LESSONS, TUTOR, this::list);
        registry.callback(LessonRoutes.LESSON, TUTOR, this::card);
        registry.callback(LessonRoutes.ATTENDED, TUTOR, this::markAttended);
        registry.callback(LessonRoutes.CANCEL_ASK, TUTOR, this::askCancel);
        registry.callback(LessonRoutes.CANCEL_CONFIRM, TUTOR, this::cancel);
        registry.callback(LessonRoutes.EDIT, TUTOR, this::editMenu);
        registry.callback(LessonRoutes.EDIT_ATTENDANCE, TUTOR, this::attendanceOptions);
        registry.callback(LessonRoutes.SET_ATTENDANCE, TUTOR, this::setAttendance);
        registry.callback(LessonRoutes.EDIT_CONDUCT, TUTOR, this::conductOptions);
        registry.callback(LessonRoutes.SET_CONDUCT, TUTOR, this::setConduct);
        registry.callback(LessonRoutes.EDIT_MASTERY, TUTOR, this::masteryOptions);
        registry.callback(LessonRoutes.SET_MASTERY, TUTOR, this::askComment);
        registry.step(MASTERY, "comment", this::saveMastery);
        registry.dialogCallback(LessonRoutes.MASTERY_SKIP, MASTERY, TUTOR, this::skipComment);
        registry.callback(LessonRoutes.DELETE, TUTOR, this::confirmDelete);
        registry.callback(LessonRoutes.DELETE_CONFIRM, TUTOR, this::delete);
    }

    private Reply list(Turn turn) {
        int page = turn.callback().args().size() > 1 ? turn.intArg(1) : 1;
        return Reply.of(views.list(turn, turn.longArg(0), page, null));
    }

    private Reply card(Turn turn) {
        int page = turn.callback().args().size() > 1 ? turn.intArg(1) : 1;
        return Reply.of(views.card(turn, views.lesson(turn, turn.longArg(0)), null, page));
    }

    // ---- attendance ----

    private Reply markAttended(Turn turn) {
        return applyAttendance(turn, views.lesson(turn, turn.longArg(0)), AttendanceStatus.ATTENDED);
    }

    /** {@code PUT /attendance}: the same status again is a toast; an undated make-up or a busy time a sentence. */
    private Reply applyAttendance(Turn turn, FullLesson lesson, AttendanceStatus status) {
        String label = turn.t(LessonCodes.label(status));
        if (lesson.undatedMakeup()) {
            return Reply.alertOnly(turn.t("lessons.undated_cannot_mark"));
        }
        if (lesson.attendance() == status) {
            return Reply.of(views.card(turn, lesson, null)).withToast(turn.t("lessons.status.same", label));
        }
        FullLesson changed;
        try {
            changed = turn.gateway().put(FullLesson.class, "/api/v1/lessons/{id}/attendance",
                    Map.of("status", status.value()), lesson.id());
        } catch (GatewayProblem problem) {
            return refused(turn, problem);
        }
        return Reply.of(views.card(turn, changed, turn.t("lessons.status.changed", label)))
                .withToast(turn.t("lessons.status.changed", label));
    }

    /** A 409 from a lesson change, in the person's words: the lesson in the way, an undated make-up, a marked one. */
    private Reply refused(Turn turn, GatewayProblem problem) {
        if (!problem.isConflict()) {
            throw problem;
        }
        return Reply.alertOnly(Overlap.of(problem)
                .map(overlap -> turn.t().raw("lessons.busy", views.overlap(turn, overlap)))
                .orElseGet(() -> conflictSentence(turn, problem)));
    }

    static String conflictSentence(Turn turn, GatewayProblem problem) {
        String detail = problem.detail() == null ? "" : problem.detail();
        if (detail.contains("undated make-up")) {
            return turn.t("lessons.undated_cannot_mark");
        }
        if (detail.contains("already marked")) {
            return turn.t("lessons.marked_keeps_date");
        }
        return detail.isEmpty() ? turn.t("error.conflict_generic") : turn.t("error.conflict", detail);
    }

    // ---- cancellation ----

    private Reply askCancel(Turn turn) {
        FullLesson lesson = views.lesson(turn, turn.longArg(0));
        AttendanceStatus status = LessonCodes.attendance(turn.callback().arg(1));
        if (!LessonCodes.isCancellation(status)) {
            return Reply.alertOnly(turn.t("error.outdated_button"));
        }
        return confirmation(turn, lesson, status);
    }

    /**
     * "Cancel the lesson …?" with what will happen: the lesson stays on its date as cancelled; its topic and homework
     * move to the next lesson, later topics one lesson on, the last topic to a make-up without a date; charged or not.
     * A lesson already cancelled only changes its status (a topic moves once).
     */
    private Reply confirmation(Turn turn, FullLesson lesson, AttendanceStatus status) {
        if (lesson.undatedMakeup()) {
            return Reply.alertOnly(turn.t("lessons.undated_cannot_mark"));
        }
        String code = LessonCodes.code(status);
        StringBuilder text = new StringBuilder(turn.t("lessons.cancel.ask." + status.value(),
                when(turn, lesson), lesson.topic())).append("\n\n");
        if (lesson.cancelled()) {
            text.append(turn.t("lessons.cancel.already"));
        } else {
            text.append(turn.t("lessons.cancel.explain"));
        }
        text.append("\n\n").append(turn.t(status == AttendanceStatus.UNEXCUSED_ABSENCE
                ? "lessons.cancel.charged" : "lessons.cancel.not_charged"));
        return Reply.of(Screen.of(text.toString(), Keyboard.inline()
                .row(Button.of(turn.t("lessons.cancel.yes." + status.value()),
                        LessonRoutes.CANCEL_CONFIRM.data(lesson.id(), code)))
                .row(Button.of(turn.t("lessons.cancel.no"), LessonRoutes.LESSON.data(lesson.id())))
                .build()));
    }

    private Reply cancel(Turn turn) {
        long lessonId = turn.longArg(0);
        AttendanceStatus status = LessonCodes.attendance(turn.callback().arg(1));
        if (!LessonCodes.isCancellation(status)) {
            return Reply.alertOnly(turn.t("error.outdated_button"));
        }
        FullLesson lesson = views.lesson(turn, lessonId);
        if (lesson.attendance() == status) {
            return Reply.of(views.card(turn, lesson, null))
                    .withToast(turn.t("lessons.status.same", turn.t(LessonCodes.label(status))));
        }
        Cancellation cancellation;
        try {
            cancellation = turn.gateway().post(Cancellation.class, "/api/v1/lessons/{id}/cancel",
                    Map.of("attendance_status", status.value()), lessonId);
        } catch (GatewayProblem problem) {
            return refused(turn, problem);
        }
        return Reply.of(views.card(turn, cancellation.lesson(), views.outcome(turn, cancellation)))
                .withToast(turn.t("lessons.status.changed", turn.t(LessonCodes.label(status))));
    }

    // ---- the edit menu ----

    private Reply editMenu(Turn turn) {
        FullLesson lesson = views.lesson(turn, turn.longArg(0));
        long id = lesson.id();
        return Reply.of(Screen.of(turn.t("lessons.edit.title", when(turn, lesson), lesson.topic()), Keyboard.inline()
                .row(Button.of(turn.t("lessons.edit.attendance"), LessonRoutes.EDIT_ATTENDANCE.data(id)))
                .row(Button.of(turn.t("lessons.edit.conduct"), LessonRoutes.EDIT_CONDUCT.data(id)))
                .row(Button.of(turn.t("lessons.edit.mastery"), LessonRoutes.EDIT_MASTERY.data(id)))
                .row(Button.of(turn.t("lessons.btn.to_lesson"), LessonRoutes.LESSON.data(id)))
                .build()));
    }

    private Reply attendanceOptions(Turn turn) {
        FullLesson lesson = views.lesson(turn, turn.longArg(0));
        long id = lesson.id();
        Keyboard.InlineBuilder keyboard = Keyboard.inline();
        String text;
        if (lesson.undatedMakeup()) {
            text = turn.t("lessons.edit.attendance_undated", lesson.topic());
            keyboard.row(Button.of(turn.t("lessons.btn.give_date"), LessonRoutes.RESCHEDULE.data(id)));
        } else {
            text = turn.t("lessons.edit.attendance_title", when(turn, lesson), lesson.topic());
            for (AttendanceStatus status : List.of(AttendanceStatus.ATTENDED, AttendanceStatus.EXCUSED_ABSENCE,
                    AttendanceStatus.UNEXCUSED_ABSENCE, AttendanceStatus.RESCHEDULED, AttendanceStatus.SCHEDULED)) {
                String label = turn.t("lessons.option.att." + status.value());
                keyboard.row(status == lesson.attendance()
                        ? Button.of(turn.t("lessons.option.current", label), Routes.NOOP.data())
                        : Button.of(label, LessonRoutes.SET_ATTENDANCE.data(id, LessonCodes.code(status))));
            }
        }
        keyboard.row(Button.of(turn.t("lessons.btn.to_edit"), LessonRoutes.EDIT.data(id)));
        return Reply.of(Screen.of(text, keyboard.build()));
    }

    /**
     * From the edit menu: marks are applied directly, except a cancellation that would move topics (from scheduled
     * or attended), which goes through the same confirmation as the card's buttons.
     */
    private Reply setAttendance(Turn turn) {
        FullLesson lesson = views.lesson(turn, turn.longArg(0));
        AttendanceStatus status = LessonCodes.attendance(turn.callback().arg(1));
        if (LessonCodes.isCancellation(status) && !lesson.cancelled() && !lesson.undatedMakeup()) {
            return confirmation(turn, lesson, status);
        }
        return applyAttendance(turn, lesson, status);
    }

    private Reply conductOptions(Turn turn) {
        FullLesson lesson = views.lesson(turn, turn.longArg(0));
        long id = lesson.id();
        LessonStatus current = lesson.lessonStatus() == null ? LessonStatus.NOT_CONDUCTED : lesson.lessonStatus();
        Keyboard.InlineBuilder keyboard = Keyboard.inline();
        for (LessonStatus status : LessonStatus.values()) {
            String label = turn.t(LessonCodes.label(status));
            keyboard.row(status == current
                    ? Button.of(turn.t("lessons.option.current", label), Routes.NOOP.data())
                    : Button.of(label, LessonRoutes.SET_CONDUCT.data(id, LessonCodes.code(status))));
        }
        keyboard.row(Button.of(turn.t("lessons.btn.to_edit"), LessonRoutes.EDIT.data(id)));
        return Reply.of(Screen.of(turn.t("lessons.edit.conduct_title", when(turn, lesson), lesson.topic()),
                keyboard.build()));
    }

    private Reply setConduct(Turn turn) {
        long lessonId = turn.longArg(0);
        LessonStatus status = LessonCodes.conduct(turn.callback().arg(1));
        views.lesson(turn, lessonId);
        FullLesson changed = turn.gateway().patch(FullLesson.class, "/api/v1/lessons/{id}",
                Map.of("lesson_status", status.value()), lessonId);
        String label = turn.t(LessonCodes.label(status));
        return Reply.of(views.card(turn, changed, turn.t("lessons.conduct.changed", label)))
                .withToast(turn.t("lessons.conduct.changed", label));
    }

    // ---- mastery ----

    private Reply masteryOptions(Turn turn) {
        FullLesson lesson = views.lesson(turn, turn.longArg(0));
        long id = lesson.id();
        Keyboard.InlineBuilder keyboard = Keyboard.inline();
        for (TopicMastery level : TopicMastery.values()) {
            String label = turn.t(LessonCodes.label(level));
            keyboard.row(Button.of(level == lesson.masteryLevel() ? turn.t("lessons.option.current", label) : label,
                    LessonRoutes.SET_MASTERY.data(id, LessonCodes.code(level))));
        }
        keyboard.row(Button.of(turn.t("lessons.btn.to_edit"), LessonRoutes.EDIT.data(id)));
        return Reply.of(Screen.of(turn.t("lessons.edit.mastery_title", when(turn, lesson), lesson.topic()),
                keyboard.build()));
    }

    private Reply askComment(Turn turn) {
        FullLesson lesson = views.lesson(turn, turn.longArg(0));
        TopicMastery level = LessonCodes.mastery(turn.callback().arg(1));
        Map<String, String> data = new LinkedHashMap<>();
        data.put("lesson", Long.toString(lesson.id()));
        data.put("level", LessonCodes.code(level));
        turn.startDialog(MASTERY, "comment", data);
        return Reply.of(Screen.of(turn.t("lessons.mastery.ask_comment", turn.t(LessonCodes.label(level)),
                lesson.topic()), Keyboard.inline()
                .row(Button.of(turn.t("lessons.mastery.no_comment"), LessonRoutes.MASTERY_SKIP.data()))
                .row(Button.of(turn.t("common.cancel"), LessonRoutes.LESSON.data(lesson.id())))
                .build()));
    }

    private Reply saveMastery(Turn turn) {
        if (turn.isSkip()) {
            return storeMastery(turn, null);
        }
        String comment = turn.text();
        if (comment.isEmpty() || comment.startsWith("/")) {
            return Reply.text(turn.t("lessons.mastery.bad_comment"));
        }
        if (comment.length() > 2000) {
            return Reply.text(turn.t("lessons.mastery.too_long"));
        }
        return storeMastery(turn, comment);
    }

    private Reply skipComment(Turn turn) {
        if (turn.dialog().isEmpty()) {
            return Reply.alertOnly(turn.t("error.outdated_button"));
        }
        return storeMastery(turn, null);
    }

    /** {@code PUT /mastery}: the comment replaces the old one; none clears it (docs/domain/lessons.md#mastery). */
    private Reply storeMastery(Turn turn, String comment) {
        long lessonId = turn.state().getLong("lesson");
        TopicMastery level = LessonCodes.mastery(turn.state().get("level"));
        turn.endDialog();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("level", level.value());
        if (comment != null) {
            body.put("comment", comment);
        }
        FullLesson changed = turn.gateway().put(FullLesson.class, "/api/v1/lessons/{id}/mastery", body, lessonId);
        return Reply.of(views.card(turn, changed, turn.t("lessons.mastery.done",
                turn.t(LessonCodes.label(level)))));
    }

    // ---- deletion ----

    private Reply confirmDelete(Turn turn) {
        FullLesson lesson = views.lesson(turn, turn.longArg(0));
        return Reply.of(Screen.of(turn.t("lessons.delete.confirm", when(turn, lesson), lesson.topic()),
                Keyboard.inline()
                        .row(Button.of(turn.t("lessons.delete.yes"), LessonRoutes.DELETE_CONFIRM.data(lesson.id())),
                                Button.of(turn.t("common.cancel"), LessonRoutes.LESSON.data(lesson.id())))
                        .build()));
    }

    private Reply delete(Turn turn) {
        FullLesson lesson = views.lesson(turn, turn.longArg(0));
        turn.gateway().delete("/api/v1/lessons/{id}", lesson.id());
        return Reply.of(views.list(turn, lesson.studentId(), 1, turn.t("lessons.delete.done", when(turn, lesson),
                lesson.topic()))).withToast(turn.t("lessons.delete.toast"));
    }

    private String when(Turn turn, FullLesson lesson) {
        return views.when(turn, lesson);
    }
}
