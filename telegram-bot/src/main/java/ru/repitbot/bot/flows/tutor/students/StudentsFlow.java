package ru.repitbot.bot.flows.tutor.students;

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
import ru.repitbot.bot.flows.Labels;
import ru.repitbot.bot.flows.Routes;
import ru.repitbot.bot.gateway.model.User;
import ru.repitbot.models.Role;

/**
 * The tutor's students (docs/domain/bot.md#tutor-students): "🎓 Список учеников" → the list, 10 a page with ◀️ ▶️ (edited in
 * place); a student's profile; rename (a one-step dialog); delete with confirmation. The profile's buttons to lessons,
 * payments, schedule, homework and the calendar link are placeholders here until their flows take the routes over.
 */
@Component
public class StudentsFlow implements Flow {

    static final String RENAME = "student.rename";
    private static final Access TUTOR = Access.roles(Role.TUTOR);

    private final StudentViews views;

    public StudentsFlow(StudentViews views) {
        this.views = views;
    }

    @Override
    public void register(FlowRegistry registry) {
        registry.label(Labels.TUTOR_STUDENTS, TUTOR, turn -> Reply.of(views.list(turn, 1, null)));
        registry.command("students", TUTOR, turn -> Reply.of(views.list(turn, 1, null)));
        registry.callback(Routes.STUDENTS, TUTOR, turn -> Reply.of(views.list(turn, turn.intArg(0), null)));
        registry.callback(Routes.STUDENT, TUTOR, turn -> Reply.of(views.profile(turn, turn.longArg(0), null)));
        registry.callback(Routes.STUDENT_RENAME, TUTOR, this::askNewName);
        registry.step(RENAME, "name", this::rename);
        registry.callback(Routes.STUDENT_DELETE, TUTOR, this::confirmDelete);
        registry.callback(Routes.STUDENT_DELETE_CONFIRM, TUTOR, this::delete);

        // Served by the lessons, payments, schedules, homework and calendar flows when they exist.
        registry.placeholder(Routes.STUDENT_LESSONS, TUTOR);
        registry.placeholder(Routes.LESSON_ADD, TUTOR);
        registry.placeholder(Routes.PAYMENT_ADD, TUTOR);
        registry.placeholder(Routes.SCHEDULE, TUTOR);
        registry.placeholder(Routes.HOMEWORK, TUTOR);
        registry.placeholder(Routes.CALENDAR, TUTOR);
    }

    private Reply askNewName(Turn turn) {
        long studentId = turn.longArg(0);
        User student = views.student(turn, studentId);
        turn.startDialog(RENAME, "name", Map.of("student", Long.toString(studentId)));
        return Reply.of(Screen.of(turn.t("student.rename.ask", student.fullName()), Keyboard.inline()
                .row(Button.of(turn.t("common.cancel"), Routes.STUDENT.data(studentId)))
                .build()));
    }

    private Reply rename(Turn turn) {
        long studentId = turn.state().getLong("student");
        String name = StudentViews.validName(turn.text());
        if (name == null) {
            return Reply.text(turn.t("student.bad_name"));
        }
        turn.gateway().patch(User.class, "/api/v1/users/{id}", Map.of("full_name", name), studentId);
        turn.endDialog();
        return Reply.of(views.profile(turn, studentId, turn.t("student.rename.done")));
    }

    private Reply confirmDelete(Turn turn) {
        long studentId = turn.longArg(0);
        User student = views.student(turn, studentId);
        return Reply.of(Screen.of(turn.t("student.delete.confirm", student.fullName()), Keyboard.inline()
                .row(Button.of(turn.t("student.delete.yes"), Routes.STUDENT_DELETE_CONFIRM.data(studentId)),
                        Button.of(turn.t("common.cancel"), Routes.STUDENT.data(studentId)))
                .build()));
    }

    private Reply delete(Turn turn) {
        long studentId = turn.longArg(0);
        User student = views.student(turn, studentId);
        turn.gateway().delete("/api/v1/users/{id}", studentId);
        return Reply.of(views.list(turn, 1, turn.t("student.delete.done", student.fullName())))
                .withToast(turn.t("student.delete.toast"));
    }
}
