package ru.repitbot.bot.flows.parent;

import java.util.List;
import org.springframework.stereotype.Component;
import ru.repitbot.bot.dialog.Access;
import ru.repitbot.bot.dialog.Button;
import ru.repitbot.bot.dialog.Flow;
import ru.repitbot.bot.dialog.FlowRegistry;
import ru.repitbot.bot.dialog.Keyboard;
import ru.repitbot.bot.dialog.Reply;
import ru.repitbot.bot.dialog.Screen;
import ru.repitbot.bot.dialog.Turn;
import ru.repitbot.bot.flows.Labels;
import ru.repitbot.bot.flows.Routes;
import ru.repitbot.bot.flows.achievements.AchievementViews;
import ru.repitbot.bot.flows.student.BalanceText;
import ru.repitbot.bot.flows.student.FamilyApi;
import ru.repitbot.bot.flows.student.FamilyApi.HomeworkInfo;
import ru.repitbot.bot.flows.student.FamilyApi.LessonInfo;
import ru.repitbot.bot.flows.student.FamilyTexts;
import ru.repitbot.bot.gateway.GatewayProblem;
import ru.repitbot.bot.gateway.GatewayUnavailable;
import ru.repitbot.bot.gateway.model.Page;
import ru.repitbot.bot.gateway.model.User;
import ru.repitbot.bot.i18n.Lang;
import ru.repitbot.bot.time.DateTimeText;
import ru.repitbot.models.Role;
import tools.jackson.core.type.TypeReference;

/**
 * The parent's screens (docs/domain/bot.md#parent-screens; any number of children: docs/domain/users-and-access.md#parents): "👨‍👩‍👧‍👦 Мои дети" lists the children
 * ({@code GET /api/v1/users/me/children}) with each one's balance; a child's menu (name, balance, last lesson, active
 * homework) leads to the schedule (next 10, cancelled ones marked at their dates), the lesson history (15 a page), the
 * last 10 homework (🔴 overdue; each opens a read-only detail), payments (voided ones marked), the calendar link, and
 * the child's points, streak and achievements ({@code flows.achievements.AchievementViews}); progress comes with
 * analytics. Every child screen first re-reads the child
 * ({@code GET /api/v1/users/{id}}): a child not theirs (an id typed into callback data, a link removed) is
 * "Ребёнок не найден" and nothing else is asked. "💬 Связь с репетитором" is {@code flows.notifications.MessagesFlow}.
 */
@Component
public class ParentFlow implements Flow {

    private static final Access PARENT = Access.roles(Role.PARENT);
    private static final TypeReference<List<User>> USERS = new TypeReference<>() {
    };
    static final int HISTORY_PAGE = 15;
    static final int HOMEWORK_SHOWN = 10;
    static final int SCHEDULE_SIZE = 10;
    static final int PAYMENTS_SHOWN = 10;

    /** A handler of one child's screen, given the child re-read for this press. */
    private interface ChildHandler {
        Reply handle(Turn turn, User child);
    }

    @Override
    public void register(FlowRegistry registry) {
        registry.label(Labels.PARENT_CHILDREN, PARENT, turn -> Reply.of(children(turn)));
        registry.command("children", PARENT, turn -> Reply.of(children(turn)));
        registry.callback(ParentRoutes.CHILDREN, PARENT, turn -> Reply.of(children(turn)));
        registry.callback(ParentRoutes.CHILD, PARENT, child((turn, child) -> Reply.of(childMenu(turn, child))));
        registry.callback(ParentRoutes.SCHEDULE, PARENT, child((turn, child) -> Reply.of(schedule(turn, child))));
        registry.callback(ParentRoutes.LESSONS, PARENT,
                child((turn, child) -> Reply.of(history(turn, child, turn.intArg(1)))));
        registry.callback(ParentRoutes.HOMEWORK_LIST, PARENT, child((turn, child) -> Reply.of(homework(turn, child))));
        registry.callback(ParentRoutes.HOMEWORK, PARENT, child(this::homeworkDetail));
        registry.callback(ParentRoutes.PAYMENTS, PARENT, child((turn, child) -> Reply.of(payments(turn, child))));
        registry.callback(ParentRoutes.PROGRESS, PARENT,
                child((turn, child) -> Reply.alertOnly(turn.t("family.soon.progress"))));
        registry.callback(ParentRoutes.ACHIEVEMENTS, PARENT,
                child((turn, child) -> Reply.of(AchievementViews.achievements(turn, child.id(), child.fullName()))));
    }

    /**
     * Re-reads the child of the press (argument 0) before the screen: user-service answers 404 for anyone not the
     * parent's child, and so does the bot — "child not found", the message unchanged, nothing else called.
     */
    private static ru.repitbot.bot.dialog.Handler child(ChildHandler handler) {
        return turn -> {
            long childId = turn.longArg(0);
            User child;
            try {
                child = turn.gateway().get(User.class, "/api/v1/users/{id}", childId);
            } catch (GatewayProblem problem) {
                if (!problem.isNotFound() && !problem.isForbidden()) {
                    throw problem;
                }
                return notFound(turn);
            }
            if (child.role() != Role.STUDENT) {
                return notFound(turn);
            }
            return handler.handle(turn, child);
        };
    }

    private static Reply notFound(Turn turn) {
        return turn.event().isCallback() ? Reply.alertOnly(turn.t("family.parent.child_not_found"))
                : Reply.text(turn.t("family.parent.child_not_found"));
    }

    Screen children(Turn turn) {
        List<User> children = turn.gateway().get(USERS, "/api/v1/users/me/children");
        Keyboard.InlineBuilder keyboard = Keyboard.inline();
        StringBuilder text = new StringBuilder(turn.t("family.parent.title")).append('\n');
        if (children.isEmpty()) {
            text.append(turn.t("family.parent.no_children"));
            keyboard.row(Button.of(turn.t("family.parent.refresh"), ParentRoutes.CHILDREN.data()));
        } else {
            text.append(turn.t("family.parent.count", String.valueOf(children.size()))).append("\n\n");
            for (User child : children) {
                Integer balance = BalanceText.total(turn, child.id());
                text.append(turn.t("family.parent.child_line", child.fullName(),
                        balance == null ? "—" : String.valueOf(balance))).append('\n');
                keyboard.row(Button.of("👤 " + FamilyTexts.shorten(child.fullName(), FamilyTexts.BUTTON_TEXT - 3),
                        ParentRoutes.CHILD.data(child.id())));
            }
        }
        keyboard.row(Button.of(turn.t("common.to_main_menu"), Routes.MENU.data()));
        return Screen.of(text.toString().stripTrailing(), keyboard.build());
    }

    Screen childMenu(Turn turn, User child) {
        long id = child.id();
        Lang t = turn.t();
        StringBuilder text = new StringBuilder(t.get("family.parent.child_title", child.fullName())).append('\n');
        text.append(t.get("family.parent.balance")).append('\n').append(BalanceText.lines(turn, id, id)).append('\n');
        text.append(lastLesson(turn, id)).append('\n');
        text.append(activeHomework(turn, id));
        return Screen.of(text.toString(), Keyboard.inline()
                .row(Button.of(t.get("family.parent.btn.schedule"), ParentRoutes.SCHEDULE.data(id)),
                        Button.of(t.get("family.parent.btn.lessons"), ParentRoutes.LESSONS.data(id, 1)))
                .row(Button.of(t.get("family.parent.btn.homework"), ParentRoutes.HOMEWORK_LIST.data(id)),
                        Button.of(t.get("family.parent.btn.payments"), ParentRoutes.PAYMENTS.data(id)))
                .row(Button.of(t.get("family.parent.btn.progress"), ParentRoutes.PROGRESS.data(id)),
                        Button.of(t.get("family.parent.btn.achievements"), ParentRoutes.ACHIEVEMENTS.data(id)))
                .row(Button.of(t.get("family.calendar"), Routes.CALENDAR.data(id)))
                .row(Button.of(t.get("family.parent.btn.children"), ParentRoutes.CHILDREN.data()))
                .build());
    }

    private String lastLesson(Turn turn, long childId) {
        try {
            List<LessonInfo> last = FamilyApi.pastLessons(turn, childId, 1, 1).items();
            return last.isEmpty() ? turn.t("family.parent.no_last_lesson")
                    : turn.t("family.parent.last_lesson", FamilyTexts.when(turn, last.getFirst().startAt()),
                            FamilyTexts.topic(turn.t(), last.getFirst().topic()));
        } catch (GatewayUnavailable | GatewayProblem unavailable) {
            return turn.t("family.parent.last_lesson", "—", "—");
        }
    }

    /** Pending + handed in, not yet checked (docs/domain/analytics.md#student-and-parent-figures, "active homework"). */
    private String activeHomework(Turn turn, long childId) {
        try {
            long active = 0;
            for (String status : List.of("pending", "submitted")) {
                active += turn.gateway().get(new TypeReference<Page<HomeworkInfo>>() {
                }, "/api/v1/homework?student_id={id}&status={status}&size=1", childId, status).total();
            }
            return turn.t("family.parent.active_homework", String.valueOf(active));
        } catch (GatewayUnavailable | GatewayProblem unavailable) {
            return turn.t("family.parent.active_homework", "—");
        }
    }

    private Keyboard backToChild(Turn turn, long childId) {
        return Keyboard.inline()
                .row(Button.of(turn.t("family.parent.btn.back_to_child"), ParentRoutes.CHILD.data(childId)))
                .row(Button.of(turn.t("common.to_main_menu"), Routes.MENU.data()))
                .build();
    }

    Screen schedule(Turn turn, User child) {
        List<LessonInfo> lessons = FamilyApi.nextLessons(turn, child.id(), SCHEDULE_SIZE).items();
        String title = turn.t("family.parent.schedule_title", child.fullName());
        String text = lessons.isEmpty() ? title + "\n\n" + turn.t("family.parent.schedule_empty")
                : title + "\n\n" + FamilyTexts.scheduleLines(turn, lessons);
        return Screen.of(text, backToChild(turn, child.id()));
    }

    Screen history(Turn turn, User child, int page) {
        long id = child.id();
        Page<LessonInfo> lessons = FamilyApi.pastLessons(turn, id, Math.max(1, page), HISTORY_PAGE);
        if (lessons.items().isEmpty() && lessons.pages() > 0 && page > lessons.pages()) {
            lessons = FamilyApi.pastLessons(turn, id, lessons.pages(), HISTORY_PAGE);
        }
        Lang t = turn.t();
        StringBuilder text = new StringBuilder(t.get("family.parent.history_title", child.fullName(),
                String.valueOf(lessons.total()))).append("\n\n");
        if (lessons.items().isEmpty()) {
            text.append(t.get("family.parent.history_empty"));
        }
        for (LessonInfo lesson : lessons.items()) {
            String date = lesson.startAt() == null ? t.get("family.undated")
                    : DateTimeText.date(lesson.startAt(), turn.zone());
            text.append(t.raw("family.parent.history_line", FamilyTexts.html(date),
                    FamilyTexts.attendanceEmoji(lesson.attendanceStatus())
                            + FamilyTexts.masteryEmoji(lesson.masteryLevel()),
                    FamilyTexts.html(FamilyTexts.topic(t, lesson.topic())))).append('\n');
            if (lesson.skillsDeveloped() != null && !lesson.skillsDeveloped().isBlank()) {
                text.append(t.get("family.parent.history_skills", lesson.skillsDeveloped())).append('\n');
            }
        }
        Keyboard.InlineBuilder keyboard = Keyboard.inline();
        keyboard.row(FamilyTexts.pager(t, lessons.page(), lessons.pages(), p -> ParentRoutes.LESSONS.data(id, p)));
        keyboard.row(Button.of(t.get("family.parent.btn.back_to_child"), ParentRoutes.CHILD.data(id)));
        return Screen.of(text.toString().stripTrailing(), keyboard.build());
    }

    Screen homework(Turn turn, User child) {
        long id = child.id();
        List<HomeworkInfo> homework = FamilyApi.childHomework(turn, id, 1, HOMEWORK_SHOWN).items();
        Lang t = turn.t();
        StringBuilder text = new StringBuilder(t.get("family.parent.homework_title", child.fullName()))
                .append("\n\n");
        Keyboard.InlineBuilder keyboard = Keyboard.inline();
        if (homework.isEmpty()) {
            text.append(t.get("family.parent.homework_empty"));
        }
        for (HomeworkInfo item : homework) {
            String deadline = item.deadline() == null ? "—"
                    : DateTimeText.shortDate(item.deadline(), turn.zone()).substring(0, 5);
            text.append(t.raw("family.parent.homework_line", (item.overdue() ? "🔴" : "")
                    + FamilyTexts.homeworkEmoji(item.status()),
                    FamilyTexts.html(FamilyTexts.topic(t, item.lessonTopic())))).append('\n');
            text.append(t.raw("family.parent.homework_meta", FamilyTexts.html(deadline),
                    FamilyTexts.label(t, "family.hw_status", item.status()),
                    FamilyTexts.html(FamilyTexts.shorten(item.description(), 50)))).append('\n');
            keyboard.row(Button.of(FamilyTexts.homeworkButton(turn, item), ParentRoutes.HOMEWORK.data(id, item.id())));
        }
        keyboard.row(Button.of(t.get("family.parent.btn.back_to_child"), ParentRoutes.CHILD.data(id)));
        return Screen.of(text.toString().stripTrailing(), keyboard.build());
    }

    /** The old bot's dead "parent_hw_detail" button: a read-only detail of one of the child's homework. */
    private Reply homeworkDetail(Turn turn, User child) {
        long id = child.id();
        HomeworkInfo homework = FamilyApi.homework(turn, turn.longArg(1));
        if (homework.studentId() != id) {
            return Reply.alertOnly(turn.t("error.not_found"));
        }
        Keyboard keyboard = Keyboard.inline()
                .row(Button.of(turn.t("family.parent.btn.back_to_homework"), ParentRoutes.HOMEWORK_LIST.data(id)))
                .row(Button.of(turn.t("family.parent.btn.back_to_child"), ParentRoutes.CHILD.data(id)))
                .build();
        return new Reply(FamilyTexts.homeworkDetail(turn, homework, false, turn.t("family.parent.homework_of",
                child.fullName()), keyboard), null, false);
    }

    Screen payments(Turn turn, User child) {
        long id = child.id();
        String text = turn.t("family.parent.payments_title", child.fullName()) + "\n"
                + BalanceText.lines(turn, id, id) + "\n\n" + BalanceText.payments(turn, id, PAYMENTS_SHOWN);
        return Screen.of(text.stripTrailing(), backToChild(turn, id));
    }
}
