package ru.repitbot.bot.flows.tutor.students;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import ru.repitbot.bot.dialog.Access;
import ru.repitbot.bot.dialog.Button;
import ru.repitbot.bot.dialog.Flow;
import ru.repitbot.bot.dialog.FlowRegistry;
import ru.repitbot.bot.dialog.Keyboard;
import ru.repitbot.bot.dialog.ProblemTexts;
import ru.repitbot.bot.dialog.Reply;
import ru.repitbot.bot.dialog.Screen;
import ru.repitbot.bot.dialog.Turn;
import ru.repitbot.bot.flows.Labels;
import ru.repitbot.bot.flows.Routes;
import ru.repitbot.bot.gateway.GatewayException;
import ru.repitbot.bot.gateway.model.NewUser;
import ru.repitbot.bot.gateway.model.UserWithCode;
import ru.repitbot.bot.i18n.Html;
import ru.repitbot.models.Role;

/**
 * Adding a student (docs/domain/bot.md#tutor-students, with any number of parents — docs/domain/users-and-access.md#parents — up to two asked here): the
 * student's full name → the first parent's full name or /skip → a second parent's or /skip → the student and the
 * parents are created through {@code POST /api/v1/users} (parents with {@code student_ids}) and every new access code
 * is shown, once (user-service keeps only hashes).
 */
@Component
public class AddStudentFlow implements Flow {

    static final String DIALOG = "student.add";
    private static final Access TUTOR = Access.roles(Role.TUTOR);

    @Override
    public void register(FlowRegistry registry) {
        registry.label(Labels.TUTOR_ADD_STUDENT, TUTOR, this::start);
        registry.callback(Routes.STUDENT_ADD, TUTOR, this::start);
        registry.step(DIALOG, "name", this::name);
        registry.step(DIALOG, "parent1", this::parent);
        registry.step(DIALOG, "parent2", this::parent);
        registry.dialogCallback(Routes.STUDENT_ADD_SKIP, DIALOG, TUTOR, this::skip);
    }

    private Reply start(Turn turn) {
        turn.startDialog(DIALOG, "name", Map.of());
        return Reply.of(Screen.of(turn.t("student.add.ask_name"), Keyboard.inline()
                .row(Button.of(turn.t("common.cancel"), Routes.STUDENTS.data(1)))
                .build()));
    }

    private Reply name(Turn turn) {
        String name = StudentViews.validName(turn.text());
        if (name == null) {
            return Reply.text(turn.t("student.bad_name"));
        }
        turn.nextStep("parent1", Map.of("name", name));
        return askParent(turn, "student.add.ask_parent");
    }

    private Reply parent(Turn turn) {
        if (turn.isSkip()) {
            return create(turn);
        }
        String parent = StudentViews.validName(turn.text());
        if (parent == null) {
            return Reply.text(turn.t("student.bad_name"));
        }
        if ("parent1".equals(turn.state().step())) {
            turn.nextStep("parent2", Map.of("parent1", parent));
            return askParent(turn, "student.add.ask_second_parent");
        }
        turn.nextStep("create", Map.of("parent2", parent));
        return create(turn);
    }

    private Reply skip(Turn turn) {
        if (turn.dialog().isEmpty() || !turn.state().step().startsWith("parent")) {
            return Reply.alertOnly(turn.t("error.outdated_button"));
        }
        return create(turn);
    }

    private Reply askParent(Turn turn, String key) {
        return Reply.of(Screen.of(turn.t(key), Keyboard.inline()
                .row(Button.of(turn.t("student.add.skip"), Routes.STUDENT_ADD_SKIP.data()))
                .build()));
    }

    /**
     * Creates the student, then each parent. The dialog ends first: if the bot or a service fails midway, a retry
     * starts over instead of creating the same student twice; a parent that fails is reported beside the codes made.
     */
    private Reply create(Turn turn) {
        var state = turn.state();
        turn.endDialog();
        UserWithCode student = turn.gateway().post(UserWithCode.class, "/api/v1/users",
                NewUser.student(state.get("name")));
        StringBuilder text = new StringBuilder(turn.t("student.add.done")).append("\n\n")
                .append(turn.t("student.add.code_student", student.fullName(), student.accessCode()));
        List<String> failures = new ArrayList<>();
        for (String key : List.of("parent1", "parent2")) {
            String parentName = state.get(key);
            if (parentName == null) {
                continue;
            }
            try {
                UserWithCode parent = turn.gateway().post(UserWithCode.class, "/api/v1/users",
                        NewUser.parentOf(parentName, student.id()));
                text.append('\n').append(turn.t("student.add.code_parent", parent.fullName(), parent.accessCode()));
            } catch (GatewayException e) {
                failures.add(turn.t().raw("student.add.parent_failed", Html.escape(parentName),
                        ProblemTexts.sentence(e, turn.t())));
            }
        }
        failures.forEach(failure -> text.append('\n').append(failure));
        text.append("\n\n").append(turn.t("student.add.codes_once"));
        return Reply.of(Screen.of(text.toString(), Keyboard.inline()
                .row(Button.of(turn.t("student.add.open_profile"), Routes.STUDENT.data(student.id())))
                .row(Button.of(turn.t("students.add_more"), Routes.STUDENT_ADD.data()),
                        Button.of(turn.t("students.to_list"), Routes.STUDENTS.data(1)))
                .build()));
    }
}
