package ru.repitbot.bot.dialog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ru.repitbot.models.Role;

/**
 * What every {@link Flow} registers at start-up, and what the {@link Router} looks up per event.
 *
 * <ul>
 *   <li>{@link #command}: {@code /name}; commands come first (they also leave a dialog in progress);</li>
 *   <li>{@link #step}: the handler of one dialog step's input (text, photo, document, unknown {@code /skip});</li>
 *   <li>{@link #callback}: a button's route ({@link CallbackRoute}); {@link #placeholder} reserves a route another
 *       flow will take over (it answers "coming soon" until then; a later {@link #callback} simply replaces it);</li>
 *   <li>{@link #label}: a reply-keyboard key, by its text key in the bundles (matched in every language);
 *       {@link #menuButton} puts a label on a role's main menu;</li>
 *   <li>{@link #whenAnonymous}: what a person who is not logged in gets for a plain text (the login).</li>
 * </ul>
 * Two flows registering the same command, route, label or step fail the start-up, naming both.
 */
public final class FlowRegistry {

    /** One registration; {@code dialog} set = the handler belongs to that dialog and does not end it. */
    public record Entry(String owner, Access access, Handler handler, boolean placeholder, String dialog) {
    }

    /** A key on a role's main menu, at {@code position} (two keys a row, in position order). */
    public record MenuButton(Role role, int position, String labelKey) {
    }

    private final Map<String, Entry> commands = new HashMap<>();
    private final Map<String, Entry> callbacks = new HashMap<>();
    private final Map<String, Entry> labels = new LinkedHashMap<>();
    private final Map<String, Map<String, Entry>> steps = new HashMap<>();
    private final Map<Role, List<MenuButton>> menus = new EnumMap<>(Role.class);
    private Entry anonymous;
    private Entry reply;
    private final List<TurnHook> hooks = new ArrayList<>();
    private String owner = "?";

    /** Runs before every event of a logged-in person (see {@link #beforeEveryTurn}). */
    @FunctionalInterface
    public interface TurnHook {
        void before(Turn turn);
    }

    /** Registers every flow; the router uses the result. */
    public static FlowRegistry of(List<Flow> flows) {
        FlowRegistry registry = new FlowRegistry();
        for (Flow flow : flows) {
            registry.owner = flow.getClass().getSimpleName();
            flow.register(registry);
        }
        registry.owner = "?";
        return registry;
    }

    public FlowRegistry command(String name, Access access, Handler handler) {
        put(commands, "command /" + name, name.toLowerCase(java.util.Locale.ROOT),
                new Entry(owner, access, handler, false, null));
        return this;
    }

    public FlowRegistry callback(CallbackRoute route, Access access, Handler handler) {
        put(callbacks, "callback route " + route.id(), route.id(), new Entry(owner, access, handler, false, null));
        return this;
    }

    /**
     * A button that belongs to a dialog (an inline "skip" while the dialog asks for a name): pressing it keeps the
     * dialog; any other button press leaves it.
     */
    public FlowRegistry dialogCallback(CallbackRoute route, String dialog, Access access, Handler handler) {
        put(callbacks, "callback route " + route.id(), route.id(), new Entry(owner, access, handler, false, dialog));
        return this;
    }

    /** Reserves a route another flow will serve; until then a press answers honestly that it is coming soon. */
    public FlowRegistry placeholder(CallbackRoute route, Access access) {
        put(callbacks, "callback route " + route.id(), route.id(), new Entry(owner, access, null, true, null));
        return this;
    }

    /** A reply-keyboard key, by its text key in the bundles. */
    public FlowRegistry label(String textKey, Access access, Handler handler) {
        put(labels, "label " + textKey, textKey, new Entry(owner, access, handler, false, null));
        return this;
    }

    /** Reserves a label another flow will serve ("coming soon" until then). */
    public FlowRegistry placeholderLabel(String textKey, Access access) {
        put(labels, "label " + textKey, textKey, new Entry(owner, access, null, true, null));
        return this;
    }

    public FlowRegistry menuButton(Role role, int position, String labelKey) {
        menus.computeIfAbsent(role, r -> new ArrayList<>()).add(new MenuButton(role, position, labelKey));
        return this;
    }

    /** The handler of the input that step {@code step} of dialog {@code dialog} awaits. */
    public FlowRegistry step(String dialog, String step, Handler handler) {
        put(steps.computeIfAbsent(dialog, d -> new HashMap<>()), "dialog step " + dialog + "/" + step, step,
                new Entry(owner, Access.anyone(), handler, false, dialog));
        return this;
    }

    public FlowRegistry whenAnonymous(Handler handler) {
        if (anonymous != null) {
            throw new IllegalStateException("Two flows handle anonymous texts: " + anonymous.owner() + " and " + owner);
        }
        anonymous = new Entry(owner, Access.anyone(), handler, false, null);
        return this;
    }

    /**
     * What a logged-in person's Telegram reply to a message the bot's dialogs did not send gets (a message that
     * notification-service delivered with the same bot token): it comes before the input a dialog awaits, which it
     * leaves as it was.
     */
    public FlowRegistry whenForeignReply(Access access, Handler handler) {
        if (reply != null) {
            throw new IllegalStateException("Two flows handle replies: " + reply.owner() + " and " + owner);
        }
        reply = new Entry(owner, access, handler, false, null);
        return this;
    }

    /**
     * Something to do before every event of a logged-in person that a handler (or the main menu) answers, whatever
     * the handler (telling notification-service the person's chat); refused events run none. A hook that fails is
     * logged and does not stop the event.
     */
    public FlowRegistry beforeEveryTurn(TurnHook hook) {
        hooks.add(hook);
        return this;
    }

    private static void put(Map<String, Entry> table, String what, String key, Entry entry) {
        Entry existing = table.get(key);
        if (existing == null || existing.placeholder()) {
            table.put(key, entry);
        } else if (!entry.placeholder()) {
            throw new IllegalStateException(what + " is registered twice: by " + existing.owner() + " and by "
                    + entry.owner());
        }
        // else: a placeholder after the real one changes nothing.
    }

    public Optional<Entry> command(String name) {
        return Optional.ofNullable(commands.get(name));
    }

    public Optional<Entry> callback(String routeId) {
        return Optional.ofNullable(callbacks.get(routeId));
    }

    public Optional<Entry> step(String dialog, String step) {
        return Optional.ofNullable(steps.getOrDefault(dialog, Map.of()).get(step));
    }

    public Map<String, Entry> labels() {
        return labels;
    }

    public Optional<Entry> foreignReply() {
        return Optional.ofNullable(reply);
    }

    public List<TurnHook> hooks() {
        return List.copyOf(hooks);
    }

    public Optional<Entry> anonymous() {
        return Optional.ofNullable(anonymous);
    }

    /** The label keys of a role's main menu, in order. */
    public List<String> menu(Role role) {
        return menus.getOrDefault(role, List.of()).stream()
                .sorted(Comparator.comparingInt(MenuButton::position))
                .map(MenuButton::labelKey)
                .toList();
    }

    public boolean hasCommand(String name) {
        return commands.containsKey(name);
    }
}
