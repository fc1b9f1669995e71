package ru.repitbot.bot.dialog;

import java.util.ArrayList;
import java.util.List;
import ru.repitbot.bot.i18n.Lang;
import ru.repitbot.models.Role;

/**
 * The main menu of each role: a title ({@code menu.title.<role>}) and the role's reply keyboard, two keys a row,
 * from what the flows put on it with {@code FlowRegistry#menuButton}.
 */
public final class MainMenus {

    private final FlowRegistry registry;

    public MainMenus(FlowRegistry registry) {
        this.registry = registry;
    }

    public Screen menu(Role role, Lang t, String headline) {
        String title = t.get("menu.title." + role.value());
        String text = headline == null ? title : headline + "\n\n" + title;
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        for (String key : registry.menu(role)) {
            row.add(t.get(key));
            if (row.size() == 2) {
                rows.add(row);
                row = new ArrayList<>();
            }
        }
        rows.add(row);
        return new Screen(text, new Keyboard.Reply(rows), true);
    }
}
