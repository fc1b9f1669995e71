package ru.repitbot.bot.flows.tutor.homework;

import java.util.Map;
import org.springframework.stereotype.Component;
import ru.repitbot.bot.dialog.Access;
import ru.repitbot.bot.dialog.Button;
import ru.repitbot.bot.dialog.Flow;
import ru.repitbot.bot.dialog.FlowRegistry;
import ru.repitbot.bot.dialog.Handler;
import ru.repitbot.bot.dialog.Keyboard;
import ru.repitbot.bot.dialog.Reply;
import ru.repitbot.bot.dialog.Screen;
import ru.repitbot.bot.dialog.Turn;
import ru.repitbot.bot.flows.Routes;
import ru.repitbot.bot.flows.tutor.homework.HomeworkModels.Homework;
import ru.repitbot.bot.flows.tutor.homework.HomeworkModels.Submission;
import ru.repitbot.bot.gateway.GatewayProblem;
import ru.repitbot.bot.gateway.model.Lesson;
import ru.repitbot.bot.gateway.model.Page;
import ru.repitbot.bot.time.DateTimeText;
import ru.repitbot.models.HomeworkStatus;
import ru.repitbot.models.Role;
import tools.jackson.core.type.TypeReference;

/**
 * A student's homework for the tutor (docs/domain/bot.md#tutor-homework; several per lesson: docs/domain/homework.md#q13-several-per-lesson): the profile's
 * "📝 Домашние задания" ({@link Routes#HOMEWORK}) opens the list ("to check" first), a homework's card shows the
 * task, deadline, link, status, the answer and the comment; the tutor's photos and documents and the student's
 * answer (text, photos, document) are sent on by Telegram {@code file_id}. ✅ Принять / ↩️ Вернуть на доработку ask
 * for a comment or /skip ({@code POST /api/v1/homework/{id}/accept|return} with {@code {comment}}); 🗑️ Удалить asks
 * first. A button on a homework that was deleted meanwhile says it is gone and changes nothing.
 */
@Component
public class HomeworkFlow implements Flow {

    static final String CHECK = "homework.check";
    private static final Access TUTOR = Access.roles(Role.TUTOR);
    private static final int MAX_COMMENT = 2000;
    private static final TypeReference<Page<Homework>> HOMEWORK_PAGE = new TypeReference<>() {
    };

    private final HomeworkViews views;

    public HomeworkFlow(HomeworkViews views) {
        this.views = views;
    }

    @Override
    public void register(FlowRegistry registry) {
        registry.callback(Routes.HOMEWORK, TUTOR, turn -> Reply.of(views.list(turn, turn.longArg(0), 1, null)));
        registry.callback(HomeworkRoutes.LIST, TUTOR,
                turn -> Reply.of(views.list(turn, turn.longArg(0), turn.intArg(1), null)));
        registry.callback(HomeworkRoutes.VIEW, TUTOR, aboutHomework(
                turn -> Reply.of(views.card(turn, views.homework(turn, turn.longArg(0)), null))));
        registry.callback(HomeworkRoutes.TASK_FILES, TUTOR, aboutHomework(
                turn -> views.taskMedia(turn, views.homework(turn, turn.longArg(0)))));
        registry.callback(HomeworkRoutes.ANSWER, TUTOR, aboutHomework(this::answer));
        registry.callback(HomeworkRoutes.ACCEPT, TUTOR, aboutHomework(turn -> askComment(turn, "accept")));
        registry.callback(HomeworkRoutes.RETURN, TUTOR, aboutHomework(turn -> askComment(turn, "return")));
        registry.step(CHECK, "comment", aboutHomework(this::comment));
        registry.dialogCallback(HomeworkRoutes.CHECK_SKIP, CHECK, TUTOR, aboutHomework(this::skipComment));
        registry.callback(HomeworkRoutes.DELETE, TUTOR, aboutHomework(this::confirmDelete));
        registry.callback(HomeworkRoutes.DELETE_CONFIRM, TUTOR, aboutHomework(this::delete));
        registry.callback(HomeworkRoutes.OF_LESSON, TUTOR, this::ofLesson);
    }

    /** A handler about one homework: a 404 means it was deleted meanwhile ("it is gone"), nothing changes. */
    static Handler aboutHomework(Handler handler) {
        return turn -> {
            try {
                return handler.handle(turn);
            } catch (GatewayProblem problem) {
                if (HomeworkViews.gone(problem)) {
                    turn.endDialog();
                    return HomeworkViews.goneReply(turn);
                }
                throw problem;
            }
        };
    }

    private Reply answer(Turn turn) {
        long homeworkId = turn.longArg(0);
        Homework homework = views.homework(turn, homeworkId);
        Submission submission;
        try {
            submission = turn.gateway().get(Submission.class, "/api/v1/homework/{id}/submission", homeworkId);
        } catch (GatewayProblem problem) {
            if (problem.isNotFound()) {
                // The homework is there (just read) but nothing is handed in (any more: withdrawn).
                return Reply.of(views.card(turn, homework, turn.t("hw.media.no_answer")));
            }
            throw problem;
        }
        return views.answer(turn, homework, submission);
    }

    // ---- accept / return with a comment ----

    private Reply askComment(Turn turn, String verdict) {
        Homework homework = views.homework(turn, turn.longArg(0));
        if (homework.status() != HomeworkStatus.SUBMITTED) {
            return Reply.of(views.card(turn, homework, turn.t("hw.check.not_submitted",
                    turn.t(HomeworkViews.statusKey(homework)))));
        }
        turn.startDialog(CHECK, "comment", Map.of("homework", Long.toString(homework.id()), "verdict", verdict));
        String title = HomeworkViews.shorten(HomeworkViews.title(homework), 80);
        return Reply.of(Screen.of(turn.t("accept".equals(verdict) ? "hw.check.ask_accept" : "hw.check.ask_return",
                title), Keyboard.inline()
                .row(Button.of(turn.t("hw.check.no_comment"), HomeworkRoutes.CHECK_SKIP.data()))
                .row(Button.of(turn.t("common.cancel"), HomeworkRoutes.VIEW.data(homework.id())))
                .build()));
    }

    private Reply comment(Turn turn) {
        if (turn.isSkip()) {
            return check(turn, null);
        }
        String comment = turn.text();
        if (comment.isEmpty()) {
            return Reply.text(turn.t("hw.check.ask_text"));
        }
        if (comment.length() > MAX_COMMENT) {
            return Reply.text(turn.t("hw.check.too_long"));
        }
        return check(turn, comment);
    }

    private Reply skipComment(Turn turn) {
        if (turn.dialog().isEmpty() || !CHECK.equals(turn.state().name())) {
            return Reply.alertOnly(turn.t("error.outdated_button"));
        }
        return check(turn, null);
    }

    private Reply check(Turn turn, String comment) {
        long homeworkId = turn.state().getLong("homework");
        boolean accept = "accept".equals(turn.state().get("verdict"));
        turn.endDialog();
        Map<String, Object> body = comment == null ? Map.of() : Map.of("comment", comment);
        Homework checked = turn.gateway().post(Homework.class,
                accept ? "/api/v1/homework/{id}/accept" : "/api/v1/homework/{id}/return", body, homeworkId);
        String notice = turn.t(accept ? "hw.check.accepted" : "hw.check.returned");
        return Reply.of(views.card(turn, checked, notice)).withToast(notice);
    }

    // ---- delete ----

    private Reply confirmDelete(Turn turn) {
        Homework homework = views.homework(turn, turn.longArg(0));
        return Reply.of(Screen.of(turn.t("hw.delete.confirm", HomeworkViews.shorten(HomeworkViews.title(homework), 80)),
                Keyboard.inline()
                        .row(Button.of(turn.t("hw.delete.yes"), HomeworkRoutes.DELETE_CONFIRM.data(homework.id())),
                                Button.of(turn.t("common.cancel"), HomeworkRoutes.VIEW.data(homework.id())))
                        .build()));
    }

    private Reply delete(Turn turn) {
        Homework homework = views.homework(turn, turn.longArg(0));
        turn.gateway().delete("/api/v1/homework/{id}", homework.id());
        String done = turn.t("hw.delete.done");
        return Reply.of(views.list(turn, homework.studentId(), 1, done)).withToast(done);
    }

    // ---- the homework of one lesson (from the lesson card) ----

    private Reply ofLesson(Turn turn) {
        long lessonId = turn.longArg(0);
        Lesson lesson;
        try {
            lesson = turn.gateway().get(Lesson.class, "/api/v1/lessons/{id}", lessonId);
        } catch (GatewayProblem problem) {
            if (problem.isNotFound()) {
                return Reply.alertOnly(turn.t("hw.assign.lesson_gone"));
            }
            throw problem;
        }
        Page<Homework> homework = turn.gateway().get(HOMEWORK_PAGE,
                "/api/v1/homework?lesson_id={lesson}&page=1&size=20", lessonId);
        String topic = lesson.topic() == null || lesson.topic().isBlank() ? turn.t("hw.card.no_topic")
                : lesson.topic();
        StringBuilder text = new StringBuilder(turn.t("hw.lesson.title", topic,
                lesson.startAt() == null ? turn.t("hw.pick.no_date")
                        : DateTimeText.dateTime(lesson.startAt(), turn.zone())));
        Keyboard.InlineBuilder keyboard = Keyboard.inline();
        if (homework.items().isEmpty()) {
            text.append('\n').append(turn.t("hw.lesson.none"));
        }
        for (Homework item : homework.items()) {
            keyboard.row(Button.of(views.listItem(turn, item), HomeworkRoutes.VIEW.data(item.id())));
        }
        keyboard.row(Button.of(turn.t("hw.btn.assign"), HomeworkRoutes.ASSIGN_FOR_LESSON.data(lessonId)));
        keyboard.row(Button.of(turn.t("hw.btn.all"), HomeworkRoutes.LIST.data(lesson.studentId(), 1)),
                Button.of(turn.t("common.to_student"), Routes.STUDENT.data(lesson.studentId())));
        return Reply.of(Screen.of(text.toString(), keyboard.build()));
    }
}
