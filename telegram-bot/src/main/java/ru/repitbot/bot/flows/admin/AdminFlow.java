package ru.repitbot.bot.flows.admin;

import java.util.Map;
import java.util.regex.Pattern;
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
import ru.repitbot.bot.flows.student.FamilyTexts;
import ru.repitbot.bot.gateway.GatewayProblem;
import ru.repitbot.bot.gateway.GatewayUnavailable;
import ru.repitbot.bot.gateway.model.NewUser;
import ru.repitbot.bot.gateway.model.Page;
import ru.repitbot.bot.gateway.model.User;
import ru.repitbot.bot.gateway.model.UserWithCode;
import ru.repitbot.models.Role;
import tools.jackson.core.type.TypeReference;

/**
 * The admin's menu (docs/domain/users-and-access.md#roles: an admin creates tutors and sees everything; user-service README):
 * <ul>
 *   <li>"➕ Создать репетитора": full name → {@code POST /api/v1/users {role: tutor, full_name}} → the access code,
 *       shown once;</li>
 *   <li>"🔑 Сбросить код пользователя": a name (part of it, {@code GET /api/v1/users?search=}) or an id
 *       ({@code GET /api/v1/users/{id}}) → the person → confirmation → {@code POST /api/v1/users/{id}/access-code} →
 *       the new code, once; the old code stops working and the Telegram binding is removed;</li>
 *   <li>"📊 Пользователи и уроки": users by role and lessons, homework and payments, from the lists' {@code total}
 *       ({@code size=1}).</li>
 * </ul>
 */
@Component
public class AdminFlow implements Flow {

    static final String CREATE = "admin.tutor";
    static final String RESET = "admin.reset";
    private static final Access ADMIN = Access.roles(Role.ADMIN);
    private static final Pattern ID = Pattern.compile("#?\\d{1,18}");
    private static final int FOUND_SHOWN = 10;
    private static final TypeReference<Page<User>> USER_PAGE = new TypeReference<>() {
    };
    private static final TypeReference<Page<Object>> ANY_PAGE = new TypeReference<>() {
    };

    @Override
    public void register(FlowRegistry registry) {
        registry.label(Labels.ADMIN_CREATE_TUTOR, ADMIN, this::askTutorName);
        registry.callback(AdminRoutes.CREATE_TUTOR, ADMIN, this::askTutorName);
        registry.step(CREATE, "name", this::createTutor);
        registry.label(Labels.ADMIN_RESET_CODE, ADMIN, this::askWho);
        registry.callback(AdminRoutes.RESET, ADMIN, this::askWho);
        registry.step(RESET, "query", this::find);
        registry.callback(AdminRoutes.RESET_CONFIRM, ADMIN, this::confirmReset);
        registry.callback(AdminRoutes.RESET_DO, ADMIN, this::reset);
        registry.label(Labels.ADMIN_STATS, ADMIN, turn -> Reply.of(stats(turn)));
        registry.callback(AdminRoutes.STATS, ADMIN, turn -> Reply.of(stats(turn)));
    }

    private Reply askTutorName(Turn turn) {
        turn.startDialog(CREATE, "name", Map.of());
        return Reply.of(Screen.of(turn.t("admin.tutor.ask_name"), Keyboard.inline()
                .row(Button.of(turn.t("common.cancel"), Routes.MENU.data()))
                .build()));
    }

    /** A name as people type it: 2–100 characters, one line; null when it is not one. */
    static String validName(String text) {
        String name = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        if (name.length() < 2 || name.length() > 100 || name.startsWith("/")) {
            return null;
        }
        return name;
    }

    /** Creates the tutor; the dialog ends first, so a failure midway never creates the same tutor twice on retry. */
    private Reply createTutor(Turn turn) {
        String name = validName(turn.text());
        if (name == null) {
            return Reply.text(turn.t("admin.bad_name"));
        }
        turn.endDialog();
        UserWithCode tutor = turn.gateway().post(UserWithCode.class, "/api/v1/users", NewUser.tutor(name));
        return Reply.of(Screen.of(turn.t("admin.tutor.created", tutor.fullName(), tutor.accessCode()) + "\n\n"
                + turn.t("admin.code_once"), Keyboard.inline()
                .row(Button.of(turn.t("admin.tutor.more"), AdminRoutes.CREATE_TUTOR.data()))
                .row(Button.of(turn.t("common.to_main_menu"), Routes.MENU.data()))
                .build()));
    }

    private Reply askWho(Turn turn) {
        turn.startDialog(RESET, "query", Map.of());
        return Reply.of(Screen.of(turn.t("admin.reset.ask"), Keyboard.inline()
                .row(Button.of(turn.t("common.cancel"), Routes.MENU.data()))
                .build()));
    }

    /** A number is an id; anything else a part of the name. The dialog stays, so another search can be typed. */
    private Reply find(Turn turn) {
        String query = turn.text().strip();
        if (ID.matcher(query).matches()) {
            long id = Long.parseLong(query.replace("#", ""));
            User user;
            try {
                user = turn.gateway().get(User.class, "/api/v1/users/{id}", id);
            } catch (GatewayProblem problem) {
                if (!problem.isNotFound()) {
                    throw problem;
                }
                return Reply.text(turn.t("admin.reset.no_such_id", String.valueOf(id)));
            }
            turn.endDialog();
            return Reply.of(confirmation(turn, user));
        }
        if (query.length() < 2 || query.length() > 100 || query.startsWith("/")) {
            return Reply.text(turn.t("admin.reset.bad_query"));
        }
        Page<User> found = turn.gateway().get(USER_PAGE, "/api/v1/users?search={q}&page=1&size={size}", query,
                FOUND_SHOWN);
        if (found.total() == 0) {
            return Reply.text(turn.t("admin.reset.nobody", query));
        }
        Keyboard.InlineBuilder keyboard = Keyboard.inline();
        for (User user : found.items()) {
            keyboard.row(Button.of(turn.t().raw("admin.reset.person", FamilyTexts.shorten(user.fullName(), 36),
                    turn.t("role." + user.role().value())), AdminRoutes.RESET_CONFIRM.data(user.id())));
        }
        keyboard.row(Button.of(turn.t("common.cancel"), Routes.MENU.data()));
        String text = turn.t("admin.reset.found", String.valueOf(found.total()));
        if (found.total() > found.items().size()) {
            text = text + "\n" + turn.t("admin.reset.refine", String.valueOf(found.items().size()));
        }
        return Reply.of(Screen.of(text + "\n" + turn.t("admin.reset.or_search_again"), keyboard.build()));
    }

    private Reply confirmReset(Turn turn) {
        User user = turn.gateway().get(User.class, "/api/v1/users/{id}", turn.longArg(0));
        return Reply.of(confirmation(turn, user));
    }

    private Screen confirmation(Turn turn, User user) {
        return Screen.of(turn.t("admin.reset.confirm", user.fullName(), turn.t("role." + user.role().value()),
                String.valueOf(user.id())), Keyboard.inline()
                .row(Button.of(turn.t("admin.reset.yes"), AdminRoutes.RESET_DO.data(user.id())),
                        Button.of(turn.t("common.cancel"), Routes.MENU.data()))
                .build());
    }

    private Reply reset(Turn turn) {
        long id = turn.longArg(0);
        UserWithCode user = turn.gateway().post(UserWithCode.class, "/api/v1/users/{id}/access-code", null, id);
        return Reply.of(Screen.of(turn.t("admin.reset.done", user.fullName(), user.accessCode()) + "\n\n"
                + turn.t("admin.reset.unbound") + "\n" + turn.t("admin.code_once"), Keyboard.inline()
                .row(Button.of(turn.t("admin.reset.another"), AdminRoutes.RESET.data()))
                .row(Button.of(turn.t("common.to_main_menu"), Routes.MENU.data()))
                .build())).withToast(turn.t("admin.reset.toast"));
    }

    Screen stats(Turn turn) {
        String text = turn.t("admin.stats.title") + "\n\n"
                + turn.t("admin.stats.tutors", count(turn, "/api/v1/users?role=tutor&size=1")) + "\n"
                + turn.t("admin.stats.students", count(turn, "/api/v1/users?role=student&size=1")) + "\n"
                + turn.t("admin.stats.parents", count(turn, "/api/v1/users?role=parent&size=1")) + "\n\n"
                + turn.t("admin.stats.lessons", count(turn, "/api/v1/lessons?size=1")) + "\n"
                + turn.t("admin.stats.homework", count(turn, "/api/v1/homework?size=1")) + "\n"
                + turn.t("admin.stats.payments", count(turn, "/api/v1/payments?size=1"));
        return Screen.of(text, Keyboard.inline()
                .row(Button.of(turn.t("admin.stats.refresh"), AdminRoutes.STATS.data()))
                .row(Button.of(turn.t("common.to_main_menu"), Routes.MENU.data()))
                .build());
    }

    /** A list's {@code total}; "—" when its service does not answer (the other counts still show). */
    private static String count(Turn turn, String path) {
        try {
            return String.valueOf(turn.gateway().get(ANY_PAGE, path).total());
        } catch (GatewayUnavailable | GatewayProblem unavailable) {
            return "—";
        }
    }
}
