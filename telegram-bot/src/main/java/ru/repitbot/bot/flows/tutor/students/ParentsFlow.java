package ru.repitbot.bot.flows.tutor.students;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
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
import ru.repitbot.bot.gateway.model.NewUser;
import ru.repitbot.bot.gateway.model.Page;
import ru.repitbot.bot.gateway.model.User;
import ru.repitbot.bot.gateway.model.UserWithCode;
import ru.repitbot.models.Role;
import tools.jackson.core.type.TypeReference;

/**
 * A student's parents (docs/domain/bot.md#tutor-students, any number of them — docs/domain/users-and-access.md#parents): the list with a remove button each
 * ({@code DELETE /api/v1/users/{student}/parents/{parent}}), a new parent (a one-step dialog: full name →
 * {@code POST /api/v1/users} with {@code student_ids}, the code shown once), or one of the tutor's existing parents (a
 * sibling's: {@code GET /api/v1/users?role=parent}, then {@code PUT …/parents/{parent}}).
 */
@Component
public class ParentsFlow implements Flow {

    static final String NEW_PARENT = "parent.new";
    private static final Access TUTOR = Access.roles(Role.TUTOR);
    private static final TypeReference<Page<User>> USER_PAGE = new TypeReference<>() {
    };

    private final StudentViews views;

    public ParentsFlow(StudentViews views) {
        this.views = views;
    }

    @Override
    public void register(FlowRegistry registry) {
        registry.callback(Routes.STUDENT_PARENTS, TUTOR, turn -> Reply.of(parents(turn, turn.longArg(0), null)));
        registry.callback(Routes.PARENT_UNLINK, TUTOR, this::unlink);
        registry.callback(Routes.PARENT_CREATE, TUTOR, this::askName);
        registry.step(NEW_PARENT, "name", this::create);
        registry.callback(Routes.PARENT_PICK, TUTOR, this::pick);
        registry.callback(Routes.PARENT_LINK, TUTOR, this::link);
    }

    Screen parents(Turn turn, long studentId, String notice) {
        User student = views.student(turn, studentId);
        List<User> parents = views.parents(turn, studentId);
        StringBuilder text = new StringBuilder();
        if (notice != null) {
            text.append(notice).append("\n\n");
        }
        text.append(turn.t("parents.title", student.fullName())).append('\n');
        if (parents.isEmpty()) {
            text.append(turn.t("parents.none"));
        }
        Keyboard.InlineBuilder keyboard = Keyboard.inline();
        for (User parent : parents) {
            text.append(turn.t("parents.line", parent.fullName())).append('\n');
            keyboard.row(Button.of(turn.t("parents.remove", StudentViews.shorten(parent.fullName())),
                    Routes.PARENT_UNLINK.data(studentId, parent.id())));
        }
        keyboard.row(Button.of(turn.t("parents.create"), Routes.PARENT_CREATE.data(studentId)),
                Button.of(turn.t("parents.pick"), Routes.PARENT_PICK.data(studentId, 1)));
        keyboard.row(Button.of(turn.t("common.to_student"), Routes.STUDENT.data(studentId)));
        return Screen.of(text.toString().stripTrailing(), keyboard.build());
    }

    private Reply unlink(Turn turn) {
        long studentId = turn.longArg(0);
        long parentId = turn.longArg(1);
        turn.gateway().delete("/api/v1/users/{student}/parents/{parent}", studentId, parentId);
        return Reply.of(parents(turn, studentId, turn.t("parents.unlinked"))).withToast(turn.t("parents.unlinked"));
    }

    private Reply askName(Turn turn) {
        long studentId = turn.longArg(0);
        User student = views.student(turn, studentId);
        turn.startDialog(NEW_PARENT, "name", Map.of("student", Long.toString(studentId)));
        return Reply.of(Screen.of(turn.t("parents.ask_name", student.fullName()), Keyboard.inline()
                .row(Button.of(turn.t("common.cancel"), Routes.STUDENT_PARENTS.data(studentId)))
                .build()));
    }

    private Reply create(Turn turn) {
        long studentId = turn.state().getLong("student");
        String name = StudentViews.validName(turn.text());
        if (name == null) {
            return Reply.text(turn.t("student.bad_name"));
        }
        turn.endDialog();
        UserWithCode parent = turn.gateway().post(UserWithCode.class, "/api/v1/users",
                NewUser.parentOf(name, studentId));
        return Reply.of(Screen.of(turn.t("parents.created", parent.fullName(), parent.accessCode()) + "\n\n"
                + turn.t("student.add.codes_once"), Keyboard.inline()
                .row(Button.of(turn.t("parents.back"), Routes.STUDENT_PARENTS.data(studentId)),
                        Button.of(turn.t("common.to_student"), Routes.STUDENT.data(studentId)))
                .build()));
    }

    private Reply pick(Turn turn) {
        long studentId = turn.longArg(0);
        int page = Math.max(1, turn.intArg(1));
        User student = views.student(turn, studentId);
        Set<Long> linked = views.parents(turn, studentId).stream().map(User::id).collect(Collectors.toSet());
        Page<User> candidates = turn.gateway().get(USER_PAGE, "/api/v1/users?role=parent&page={page}&size={size}",
                page, StudentViews.PAGE_SIZE);
        Keyboard.InlineBuilder keyboard = Keyboard.inline();
        int shown = 0;
        for (User parent : candidates.items()) {
            if (!linked.contains(parent.id())) {
                keyboard.row(Button.of("👤 " + StudentViews.shorten(parent.fullName()),
                        Routes.PARENT_LINK.data(studentId, parent.id())));
                shown++;
            }
        }
        if (candidates.pages() > 1) {
            List<Button> nav = new ArrayList<>();
            if (candidates.page() > 1) {
                nav.add(Button.of(turn.t("common.prev"), Routes.PARENT_PICK.data(studentId, candidates.page() - 1)));
            }
            nav.add(Button.of(turn.t("common.page", String.valueOf(candidates.page()),
                    String.valueOf(candidates.pages())), Routes.NOOP.data()));
            if (candidates.page() < candidates.pages()) {
                nav.add(Button.of(turn.t("common.next"), Routes.PARENT_PICK.data(studentId, candidates.page() + 1)));
            }
            keyboard.row(nav);
        }
        keyboard.row(Button.of(turn.t("parents.create"), Routes.PARENT_CREATE.data(studentId)));
        keyboard.row(Button.of(turn.t("parents.back"), Routes.STUDENT_PARENTS.data(studentId)));
        String text = shown == 0 && candidates.pages() <= 1 ? turn.t("parents.pick.none", student.fullName())
                : turn.t("parents.pick.title", student.fullName());
        return Reply.of(Screen.of(text, keyboard.build()));
    }

    private Reply link(Turn turn) {
        long studentId = turn.longArg(0);
        long parentId = turn.longArg(1);
        turn.gateway().put("/api/v1/users/{student}/parents/{parent}", null, studentId, parentId);
        return Reply.of(parents(turn, studentId, turn.t("parents.linked"))).withToast(turn.t("parents.linked"));
    }
}
