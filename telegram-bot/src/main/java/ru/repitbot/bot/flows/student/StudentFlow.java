package ru.repitbot.bot.flows.student;

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
import ru.repitbot.bot.flows.student.FamilyApi.HomeworkInfo;
import ru.repitbot.bot.flows.student.FamilyApi.LessonInfo;
import ru.repitbot.bot.gateway.GatewayProblem;
import ru.repitbot.bot.gateway.GatewayUnavailable;
import ru.repitbot.bot.gateway.model.Page;
import ru.repitbot.bot.i18n.Lang;
import ru.repitbot.models.Role;

/**
 * The student's own screens (docs/domain/bot.md#student-screens): "📚 Мои уроки" (the lessons that have started, newest first, 10 a page, each
 * opening the lesson with its homework), "🗓️ Расписание" (the next 10 lessons; a cancelled one stays at its own date
 * marked cancelled) with the calendar link, "💰 Баланс уроков" (per tutor, with money when a price is set, and the last
 * payments). "📊 Мой прогресс" and "🗂️ Библиотека" say honestly that they
 * come with a later update; "🏆 Достижения" is {@code flows.achievements.AchievementsFlow}. Homework is {@link StudentHomeworkFlow}.
 */
@Component
public class StudentFlow implements Flow {

    static final Access STUDENT = Access.roles(Role.STUDENT);
    static final int PAGE_SIZE = 10;
    static final int SCHEDULE_SIZE = 10;
    private static final int PAYMENTS_SHOWN = 5;

    @Override
    public void register(FlowRegistry registry) {
        registry.label(Labels.STUDENT_LESSONS, STUDENT, turn -> Reply.of(lessons(turn, 1)));
        registry.callback(StudentRoutes.LESSONS, STUDENT, turn -> Reply.of(lessons(turn, turn.intArg(0))));
        registry.callback(StudentRoutes.LESSON, STUDENT, turn -> Reply.of(lesson(turn, turn.longArg(0))));
        registry.label(Labels.STUDENT_SCHEDULE, STUDENT, turn -> Reply.of(schedule(turn)));
        registry.callback(StudentRoutes.SCHEDULE, STUDENT, turn -> Reply.of(schedule(turn)));
        registry.label(Labels.STUDENT_BALANCE, STUDENT, turn -> Reply.of(balance(turn)));
        registry.callback(StudentRoutes.BALANCE, STUDENT, turn -> Reply.of(balance(turn)));

        registry.label(Labels.STUDENT_PROGRESS, STUDENT, turn -> Reply.text(turn.t("family.soon.progress")));
        registry.label(Labels.STUDENT_LIBRARY, STUDENT, turn -> Reply.text(turn.t("family.soon.library")));
    }

    Screen lessons(Turn turn, int page) {
        Page<LessonInfo> lessons = FamilyApi.pastLessons(turn, null, Math.max(1, page), PAGE_SIZE);
        if (lessons.items().isEmpty() && lessons.pages() > 0 && page > lessons.pages()) {
            lessons = FamilyApi.pastLessons(turn, null, lessons.pages(), PAGE_SIZE);
        }
        Keyboard.InlineBuilder keyboard = Keyboard.inline();
        String text;
        if (lessons.total() == 0) {
            text = turn.t("family.lessons.empty");
        } else {
            text = turn.t("family.lessons.title", String.valueOf(lessons.total())) + "\n"
                    + turn.t("family.lessons.legend");
            for (LessonInfo lesson : lessons.items()) {
                keyboard.row(Button.of(FamilyTexts.lessonButton(turn.t(), lesson, turn.zone()),
                        StudentRoutes.LESSON.data(lesson.id())));
            }
        }
        keyboard.row(FamilyTexts.pager(turn.t(), lessons.page(), lessons.pages(), StudentRoutes.LESSONS::data));
        keyboard.row(Button.of(turn.t("common.to_main_menu"), Routes.MENU.data()));
        return Screen.of(text, keyboard.build());
    }

    /** One lesson (re-read: a deleted one is "not found" and the old message stays), with its homework buttons. */
    Screen lesson(Turn turn, long lessonId) {
        LessonInfo lesson = FamilyApi.lesson(turn, lessonId);
        Lang t = turn.t();
        StringBuilder text = new StringBuilder();
        text.append(t.get("family.lesson.topic", FamilyTexts.topic(t, lesson.topic()))).append('\n');
        text.append(t.get("family.lesson.date", FamilyTexts.when(turn, lesson.startAt()))).append('\n');
        text.append(t.raw("family.lesson.attendance", FamilyTexts.attendanceEmoji(lesson.attendanceStatus()),
                FamilyTexts.label(t, "family.attendance", lesson.attendanceStatus()))).append('\n');
        text.append(t.raw("family.lesson.mastery", FamilyTexts.masteryEmoji(lesson.masteryLevel()),
                lesson.masteryLevel() == null ? t.get("family.mastery.none")
                        : FamilyTexts.label(t, "family.mastery", lesson.masteryLevel()))).append('\n');
        text.append(t.get("family.lesson.skills", lesson.skillsDeveloped() == null || lesson.skillsDeveloped()
                .isBlank() ? t.get("family.lesson.no_skills") : lesson.skillsDeveloped())).append('\n');
        if (lesson.masteryComment() != null && !lesson.masteryComment().isBlank()) {
            text.append(t.get("family.lesson.comment", lesson.masteryComment())).append('\n');
        }
        Keyboard.InlineBuilder keyboard = Keyboard.inline();
        try {
            List<HomeworkInfo> homework = FamilyApi.lessonHomework(turn, lessonId);
            text.append('\n').append(homework.isEmpty() ? t.get("family.lesson.no_homework")
                    : t.get("family.lesson.homework", String.valueOf(homework.size())));
            for (HomeworkInfo item : homework) {
                String what = FamilyTexts.shorten(item.description(), 30);
                keyboard.row(item.pending()
                        ? Button.of(t.raw("family.lesson.submit", what), StudentRoutes.SUBMIT.data(item.id()))
                        : Button.of(t.raw("family.lesson.view", what), StudentRoutes.HOMEWORK.data(item.id())));
            }
        } catch (GatewayUnavailable | GatewayProblem unavailable) {
            text.append('\n').append(t.get("family.lesson.homework_unavailable"));
        }
        keyboard.row(Button.of(t.get("family.lessons.back"), StudentRoutes.LESSONS.data(1)));
        return Screen.of(text.toString().stripTrailing(), keyboard.build());
    }

    Screen schedule(Turn turn) {
        List<LessonInfo> lessons = FamilyApi.nextLessons(turn, null, SCHEDULE_SIZE).items();
        String text = lessons.isEmpty() ? turn.t("family.schedule.empty")
                : turn.t("family.schedule.title") + "\n\n" + FamilyTexts.scheduleLines(turn, lessons);
        return Screen.of(text, Keyboard.inline()
                .row(Button.of(turn.t("family.calendar"), Routes.CALENDAR.data(0)))
                .row(Button.of(turn.t("common.to_main_menu"), Routes.MENU.data()))
                .build());
    }

    Screen balance(Turn turn) {
        long me = turn.user().userId();
        String text = turn.t("family.balance.title") + "\n" + BalanceText.lines(turn, me, null) + "\n\n"
                + BalanceText.payments(turn, me, PAYMENTS_SHOWN);
        return Screen.of(text.stripTrailing(), Keyboard.inline()
                .row(Button.of(turn.t("common.to_main_menu"), Routes.MENU.data()))
                .build());
    }
}
