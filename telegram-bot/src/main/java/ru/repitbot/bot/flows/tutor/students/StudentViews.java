package ru.repitbot.bot.flows.tutor.students;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import ru.repitbot.bot.dialog.Button;
import ru.repitbot.bot.dialog.Keyboard;
import ru.repitbot.bot.dialog.Screen;
import ru.repitbot.bot.dialog.Turn;
import ru.repitbot.bot.flows.Routes;
import ru.repitbot.bot.gateway.GatewayProblem;
import ru.repitbot.bot.gateway.GatewayUnavailable;
import ru.repitbot.bot.gateway.model.Balances;
import ru.repitbot.bot.gateway.model.Lesson;
import ru.repitbot.bot.gateway.model.Page;
import ru.repitbot.bot.gateway.model.User;
import ru.repitbot.bot.i18n.Html;
import ru.repitbot.bot.time.DateTimeText;
import ru.repitbot.models.Role;
import tools.jackson.core.type.TypeReference;

/**
 * The tutor's student screens, shared by the student flows: the paged list and the profile. Each reads what it shows
 * from the gateway when it is drawn, so a button on an old message sees the current state (a deleted student is
 * "not found", not a crash).
 */
@Component
public class StudentViews {

    static final int PAGE_SIZE = 10;
    private static final int MAX_BUTTON_TEXT = 48;

    private static final TypeReference<Page<User>> USER_PAGE = new TypeReference<>() {
    };
    private static final TypeReference<List<User>> USER_LIST = new TypeReference<>() {
    };
    private static final TypeReference<Page<Lesson>> LESSON_PAGE = new TypeReference<>() {
    };

    /** The tutor's students, page {@code page} of 10 (past the last page: the last page). */
    public Screen list(Turn turn, int page, String notice) {
        long tutorId = turn.user().userId();
        Page<User> students = turn.gateway().get(USER_PAGE, "/api/v1/users/{id}/students?page={page}&size={size}",
                tutorId, Math.max(1, page), PAGE_SIZE);
        if (students.items().isEmpty() && students.pages() > 0 && page > students.pages()) {
            students = turn.gateway().get(USER_PAGE, "/api/v1/users/{id}/students?page={page}&size={size}", tutorId,
                    students.pages(), PAGE_SIZE);
        }
        StringBuilder text = new StringBuilder();
        if (notice != null) {
            text.append(notice).append("\n\n");
        }
        Keyboard.InlineBuilder keyboard = Keyboard.inline();
        if (students.total() == 0) {
            text.append(turn.t("students.empty"));
        } else {
            text.append(turn.t("students.title", String.valueOf(students.total())));
            for (User student : students.items()) {
                keyboard.row(Button.of("👤 " + shorten(student.fullName()), Routes.STUDENT.data(student.id())));
            }
        }
        if (students.pages() > 1) {
            int current = students.page();
            List<Button> nav = new ArrayList<>();
            if (current > 1) {
                nav.add(Button.of(turn.t("common.prev"), Routes.STUDENTS.data(current - 1)));
            }
            nav.add(Button.of(turn.t("common.page", String.valueOf(current), String.valueOf(students.pages())),
                    Routes.NOOP.data()));
            if (current < students.pages()) {
                nav.add(Button.of(turn.t("common.next"), Routes.STUDENTS.data(current + 1)));
            }
            keyboard.row(nav);
        }
        keyboard.row(Button.of(turn.t("students.add"), Routes.STUDENT_ADD.data()));
        keyboard.row(Button.of(turn.t("common.to_main_menu"), Routes.MENU.data()));
        return Screen.of(text.toString(), keyboard.build());
    }

    /** A student the tutor may see; a deleted one (or not a student) is a 404 like the server's. */
    public User student(Turn turn, long studentId) {
        User user = turn.gateway().get(User.class, "/api/v1/users/{id}", studentId);
        if (user.role() != Role.STUDENT) {
            throw new GatewayProblem(404, "Not Found", "not a student", List.of(), null);
        }
        return user;
    }

    public List<User> parents(Turn turn, long studentId) {
        return turn.gateway().get(USER_LIST, "/api/v1/users/{id}/parents", studentId);
    }

    /**
     * The profile: name, grade, points ("—" until achievement-service answers), balance, parents, the next three
     * lessons; and the buttons to everything about the student. Balance and lessons come from other services: one of
     * them being down shows "—" there rather than no profile at all.
     */
    public Screen profile(Turn turn, long studentId, String notice) {
        User student = student(turn, studentId);
        List<User> parents = parents(turn, studentId);
        StringBuilder text = new StringBuilder();
        if (notice != null) {
            text.append(notice).append("\n\n");
        }
        text.append(turn.t("profile.title", student.fullName())).append('\n');
        if (student.grade() != null) {
            text.append(turn.t("profile.grade", String.valueOf(student.grade()))).append('\n');
        }
        text.append(turn.t("profile.points", "—")).append('\n');
        text.append(turn.t("profile.balance", balance(turn, studentId))).append('\n');
        if (parents.isEmpty()) {
            text.append(turn.t("profile.no_parents")).append('\n');
        } else {
            text.append(turn.t("profile.parents",
                    String.join(", ", parents.stream().map(User::fullName).toList()))).append('\n');
        }
        text.append('\n').append(turn.t("profile.next_lessons")).append('\n').append(nextLessons(turn, studentId));

        Keyboard.Inline keyboard = Keyboard.inline()
                .row(Button.of(turn.t("profile.btn.lessons"), Routes.STUDENT_LESSONS.data(studentId)),
                        Button.of(turn.t("profile.btn.add_lesson"), Routes.LESSON_ADD.data(studentId)))
                .row(Button.of(turn.t("profile.btn.add_payment"), Routes.PAYMENT_ADD.data(studentId)),
                        Button.of(turn.t("pay.btn.payments"),
                                ru.repitbot.bot.flows.tutor.payments.PaymentRoutes.OVERVIEW.data(studentId)))
                .row(Button.of(turn.t("profile.btn.schedule"), Routes.SCHEDULE.data(studentId)),
                        Button.of(turn.t("profile.btn.homework"), Routes.HOMEWORK.data(studentId)))
                .row(Button.of(turn.t("profile.btn.calendar"), Routes.CALENDAR.data(studentId)),
                        Button.of(turn.t("profile.btn.message"),
                                ru.repitbot.bot.flows.notifications.NotifyRoutes.WRITE_STUDENT.data(studentId)))
                .row(Button.of(turn.t("profile.btn.rename"), Routes.STUDENT_RENAME.data(studentId)),
                        Button.of(turn.t("profile.btn.parents"), Routes.STUDENT_PARENTS.data(studentId)))
                .row(Button.of(turn.t("profile.btn.achievements"),
                        ru.repitbot.bot.flows.achievements.AchievementRoutes.ACHIEVEMENTS.data(studentId)))
                .row(Button.of(turn.t("profile.btn.delete"), Routes.STUDENT_DELETE.data(studentId)))
                .row(Button.of(turn.t("profile.btn.back"), Routes.STUDENTS.data(1)))
                .build();
        return Screen.of(text.toString(), keyboard);
    }

    private String balance(Turn turn, long studentId) {
        try {
            Balances balances = turn.gateway().get(Balances.class, "/api/v1/balances/{id}", studentId);
            long me = turn.user().userId();
            Balances.Line line = balances.balances().stream().filter(b -> b.tutorId() == me).findFirst()
                    .orElse(balances.balances().isEmpty() ? null : balances.balances().getFirst());
            if (line == null) {
                return turn.t("profile.balance_lessons", "0");
            }
            String lessons = turn.t("profile.balance_lessons", String.valueOf(line.balanceLessons()));
            return line.balanceMoney() == null ? lessons
                    : lessons + " " + turn.t("profile.balance_money", line.balanceMoney().toPlainString(),
                            line.currency() == null ? "" : line.currency());
        } catch (GatewayUnavailable | GatewayProblem unavailable) {
            return "—";
        }
    }

    private String nextLessons(Turn turn, long studentId) {
        try {
            String now = DateTimeFormatter.ISO_INSTANT.format(turn.now().atOffset(ZoneOffset.UTC));
            Page<Lesson> lessons = turn.gateway().get(LESSON_PAGE,
                    "/api/v1/lessons?student_id={id}&from={from}&order=asc&size=3", studentId, now);
            if (lessons.items().isEmpty()) {
                return turn.t("profile.no_lessons");
            }
            StringBuilder lines = new StringBuilder();
            for (Lesson lesson : lessons.items()) {
                lines.append(turn.t("profile.lesson_line",
                        DateTimeText.withWeekday(lesson.startAt(), turn.zone(), turn.t().language()),
                        lesson.topic() == null ? "" : lesson.topic())).append('\n');
            }
            return lines.toString().stripTrailing();
        } catch (GatewayUnavailable | GatewayProblem unavailable) {
            return "—";
        }
    }

    static String shorten(String name) {
        if (name == null) {
            return "";
        }
        return name.length() <= MAX_BUTTON_TEXT ? name : name.substring(0, MAX_BUTTON_TEXT - 1) + "…";
    }

    /** A name as people type it: 2–100 characters, one line. Null when it is not one. */
    static String validName(String text) {
        String name = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        if (name.length() < 2 || name.length() > 100 || name.startsWith("/")) {
            return null;
        }
        return name;
    }

    /** Escaped for HTML, for building texts by hand. */
    static String html(String text) {
        return Html.escape(text);
    }
}
