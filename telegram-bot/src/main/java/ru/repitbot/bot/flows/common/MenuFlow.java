package ru.repitbot.bot.flows.common;

import org.springframework.stereotype.Component;
import ru.repitbot.bot.dialog.Access;
import ru.repitbot.bot.dialog.Flow;
import ru.repitbot.bot.dialog.FlowRegistry;
import ru.repitbot.bot.dialog.Keyboard;
import ru.repitbot.bot.dialog.Reply;
import ru.repitbot.bot.dialog.Screen;
import ru.repitbot.bot.dialog.Turn;
import ru.repitbot.bot.flows.Labels;
import ru.repitbot.bot.flows.Routes;
import ru.repitbot.models.Role;

/**
 * The main menus and the ways back to them: {@code /menu}, {@code /cancel} (leaves any dialog: the router ends it
 * before this runs), the inline "main menu" button, and a do-nothing button for page counters. Lays out every role's
 * reply keyboard with the old bot's labels (docs/domain/bot.md#main-menus; the admin's: create a tutor, reset a code, counts); each key
 * answers "coming soon" until its flow registers the label.
 */
@Component
public class MenuFlow implements Flow {

    @Override
    public void register(FlowRegistry registry) {
        registry.command("menu", Access.loggedIn(), turn -> Reply.of(turn.mainMenu()));
        registry.command("cancel", Access.anyone(), this::cancel);
        registry.callback(Routes.MENU, Access.loggedIn(), turn -> Reply.of(turn.mainMenu()));
        registry.callback(Routes.NOOP, Access.anyone(), turn -> Reply.none());

        menu(registry, Role.TUTOR, Labels.TUTOR_STUDENTS, Labels.TUTOR_ADD_STUDENT, Labels.TUTOR_REPORT,
                Labels.TUTOR_LIBRARY, Labels.TUTOR_STATS, Labels.TUTOR_BROADCAST);
        menu(registry, Role.STUDENT, Labels.STUDENT_LESSONS, Labels.STUDENT_SCHEDULE, Labels.STUDENT_HOMEWORK,
                Labels.STUDENT_PROGRESS, Labels.STUDENT_BALANCE, Labels.STUDENT_ACHIEVEMENTS, Labels.STUDENT_LIBRARY,
                Labels.STUDENT_CHAT);
        menu(registry, Role.PARENT, Labels.PARENT_CHILDREN, Labels.PARENT_CHAT);
        menu(registry, Role.ADMIN, Labels.ADMIN_CREATE_TUTOR, Labels.ADMIN_RESET_CODE, Labels.ADMIN_STATS);
    }

    /** Puts the keys on the role's menu in this order, each a placeholder until a flow serves it. */
    private static void menu(FlowRegistry registry, Role role, String... labelKeys) {
        for (int i = 0; i < labelKeys.length; i++) {
            registry.menuButton(role, (i + 1) * 10, labelKeys[i]);
            registry.placeholderLabel(labelKeys[i], Access.roles(role));
        }
    }

    private Reply cancel(Turn turn) {
        if (turn.login().isEmpty()) {
            return Reply.of(new Screen(turn.t("cancel.done") + "\n\n" + turn.t("start.greeting"), Keyboard.NONE,
                    true));
        }
        return Reply.of(turn.mainMenu(turn.t("cancel.done")));
    }
}
