package ru.repitbot.bot.flows.notifications;

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
import ru.repitbot.bot.flows.notifications.NotifyModels.Unreachable;
import ru.repitbot.bot.flows.notifications.NotifyModels.UnreachableList;
import ru.repitbot.bot.i18n.Lang;
import ru.repitbot.bot.time.DateTimeText;
import ru.repitbot.models.Role;

/**
 * The tutor's "🚫 Недоступные" ({@code GET /api/v1/notifications/unreachable}): their students and those students'
 * parents whom the bot cannot reach (blocked it, never started it…, docs/domain/notifications.md#sending-through-telegram),
 * each with why and since when; they are reachable again once they write to the bot.
 */
@Component
public class UnreachableFlow implements Flow {

    private static final Access TUTOR = Access.roles(Role.TUTOR);
    private static final int SHOWN = 50;

    @Override
    public void register(FlowRegistry registry) {
        registry.menuButton(Role.TUTOR, 90, Labels.TUTOR_UNREACHABLE);
        registry.label(Labels.TUTOR_UNREACHABLE, TUTOR, turn -> Reply.of(screen(turn)));
        registry.callback(NotifyRoutes.UNREACHABLE, TUTOR, turn -> Reply.of(screen(turn)));
    }

    Screen screen(Turn turn) {
        UnreachableList list = turn.gateway().get(UnreachableList.class, "/api/v1/notifications/unreachable");
        Lang t = turn.t();
        StringBuilder text = new StringBuilder();
        if (list.items().isEmpty()) {
            text.append(t.get("ur.none"));
        } else {
            text.append(t.get("ur.title")).append("\n\n");
            list.items().stream().limit(SHOWN).forEach(person -> text.append(line(turn, person)).append('\n'));
            if (list.items().size() > SHOWN) {
                text.append('…');
            }
        }
        return Screen.of(text.toString().stripTrailing(), Keyboard.inline()
                .row(Button.of(t.get("bc.refresh"), NotifyRoutes.UNREACHABLE.data()))
                .row(Button.of(t.get("common.to_main_menu"), Routes.MENU.data()))
                .build());
    }

    private static String line(Turn turn, Unreachable person) {
        Lang t = turn.t();
        String role = person.role() != null && t.has("role." + person.role()) ? t.get("role." + person.role())
                : String.valueOf(person.role());
        String reasonKey = "ur.reason." + person.reason();
        String reason = person.reason() != null && t.has(reasonKey) ? t.get(reasonKey)
                : person.description() != null ? person.description() : String.valueOf(person.reason());
        String line = t.get("ur.line", person.fullName() == null ? "#" + person.userId() : person.fullName(), role,
                reason);
        return person.detectedAt() == null ? line
                : line + t.get("ur.since", DateTimeText.date(person.detectedAt(), turn.zone()));
    }
}
