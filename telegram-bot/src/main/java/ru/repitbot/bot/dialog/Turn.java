package ru.repitbot.bot.dialog;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import ru.repitbot.bot.gateway.Gateway;
import ru.repitbot.bot.i18n.Lang;
import ru.repitbot.bot.i18n.Language;
import ru.repitbot.bot.i18n.Texts;
import ru.repitbot.bot.session.DialogChange;
import ru.repitbot.bot.session.DialogState;
import ru.repitbot.bot.session.Login;
import ru.repitbot.bot.session.Preferences;
import ru.repitbot.bot.session.SessionStore;
import ru.repitbot.bot.time.DateTimeInput;
import ru.repitbot.models.Role;

/**
 * Everything a {@link Handler} needs for one event: the event and its button data, the person (login, language, time
 * zone), their texts, the gateway on their behalf, their dialog, and the main menu. One per event; not shared.
 */
public final class Turn {

    private static final Set<String> SKIP_WORDS = Set.of("/skip", "пропустить", "skip", "-", "нет", "no");

    private final BotEvent event;
    private final CallbackData callback;
    private final SessionStore sessions;
    private final Texts texts;
    private final MainMenus menus;
    private final Clock clock;
    private final ZoneId defaultZone;
    private final java.util.function.LongFunction<Gateway> gateways;
    private Login login;
    private Preferences preferences;
    private DialogState dialog;
    private Lang lang;
    private Gateway gateway;
    private boolean dialogChanged;

    Turn(BotEvent event, Login login, Preferences preferences, DialogState dialog, SessionStore sessions, Texts texts,
            MainMenus menus, Clock clock, ZoneId defaultZone, java.util.function.LongFunction<Gateway> gateways) {
        this.event = event;
        this.callback = event.isCallback() ? CallbackData.parse(event.callbackData()).orElse(null) : null;
        this.login = login;
        this.preferences = preferences;
        this.dialog = dialog;
        this.sessions = sessions;
        this.texts = texts;
        this.menus = menus;
        this.clock = clock;
        this.defaultZone = defaultZone;
        this.gateways = gateways;
        this.lang = texts.in(Language.of(preferences.language()).orElse(Language.RU));
    }

    // ---- the event ----

    public BotEvent event() {
        return event;
    }

    public long chatId() {
        return event.chatId();
    }

    /** The text sent, stripped; empty for a button press, a photo without caption… */
    public String text() {
        return event.text() == null ? "" : event.text().strip();
    }

    /** The button press decoded (its route and arguments); null for messages. */
    public CallbackData callback() {
        return callback;
    }

    public long longArg(int index) {
        if (callback == null) {
            throw new CallbackData.BadCallbackException("not a button press");
        }
        return callback.longArg(index);
    }

    public int intArg(int index) {
        if (callback == null) {
            throw new CallbackData.BadCallbackException("not a button press");
        }
        return callback.intArg(index);
    }

    /** The person asked to skip an optional step: {@code /skip}, «пропустить», «нет», «-», skip, no. */
    public boolean isSkip() {
        return SKIP_WORDS.contains(text().toLowerCase(Locale.ROOT));
    }

    // ---- the person ----

    public Optional<Login> login() {
        return Optional.ofNullable(login);
    }

    /** The logged-in person; the router runs a handler that needs a login only for one. */
    public Login user() {
        if (login == null) {
            throw new IllegalStateException("Handler needs a login but the person is not logged in");
        }
        return login;
    }

    public Role role() {
        return user().role();
    }

    public Lang t() {
        return lang;
    }

    public String t(String key, Object... args) {
        return lang.get(key, args);
    }

    public ZoneId zone() {
        if (preferences.timeZone() != null) {
            try {
                return ZoneId.of(preferences.timeZone());
            } catch (java.time.DateTimeException ignored) {
                // A zone this JVM does not know: the default is better than no answer.
            }
        }
        return defaultZone;
    }

    public Clock clock() {
        return clock;
    }

    public Instant now() {
        return clock.instant();
    }

    /** The date parser, in the person's zone: {@code turn.dates().parse(turn.text(), turn.zone())}. */
    public DateTimeInput dates() {
        return new DateTimeInput(clock);
    }

    /** The gateway with this person's token (refreshed as needed). */
    public Gateway gateway() {
        if (gateway == null) {
            gateway = gateways.apply(event.userId());
        }
        return gateway;
    }

    // ---- login and preferences (the common flows) ----

    /** The login succeeded: remember it (and the person's zone, when known). */
    public void signIn(Login newLogin, String timeZone) {
        sessions.saveLogin(event.userId(), newLogin);
        login = newLogin;
        if (timeZone != null) {
            preferences = preferences.withTimeZone(timeZone);
            sessions.savePreferences(event.userId(), preferences);
        }
    }

    /** Forget the login and any dialog of this chat (logout, or the server ended the login). */
    public void signOut() {
        sessions.forgetLogin(event.userId());
        login = null;
        endDialog();
    }

    /** The person's own zone changed (they set it in the bot): dates are read and shown in it from now on. */
    public void switchTimeZone(String timeZone) {
        preferences = preferences.withTimeZone(timeZone);
        sessions.savePreferences(event.userId(), preferences);
    }

    /** The session store (for flows that keep a small mark per person, such as the chat registration). */
    public SessionStore sessions() {
        return sessions;
    }

    public void switchLanguage(Language language) {
        preferences = preferences.withLanguage(language.code());
        sessions.savePreferences(event.userId(), preferences);
        lang = texts.in(language);
    }

    // ---- the dialog ----

    public Optional<DialogState> dialog() {
        return Optional.ofNullable(dialog);
    }

    /** The dialog the current step belongs to (inside a step handler). */
    public DialogState state() {
        if (dialog == null) {
            throw new IllegalStateException("No dialog in progress");
        }
        return dialog;
    }

    /**
     * Starts a dialog (replacing any other): the next text goes to the handler of {@code step}. Like every dialog
     * change it is saved when the update's handling is complete ({@link #dialogChange}), with the mark that the update
     * was handled.
     */
    public void startDialog(String name, String step, Map<String, String> data) {
        dialog = new DialogState(name, step, data);
        dialogChanged = true;
    }

    /** Moves the dialog on to {@code step}, adding {@code changes} to its data. */
    public void nextStep(String step, Map<String, String> changes) {
        dialog = state().next(step, changes);
        dialogChanged = true;
    }

    public void endDialog() {
        if (dialog != null) {
            dialog = null;
            dialogChanged = true;
        }
    }

    /**
     * The dialog as this turn leaves it, to be saved with the update's outcome; null when the turn did not change it.
     * Nothing is written before: an update handled again after a crash starts from the dialog it found the first time.
     */
    public DialogChange dialogChange() {
        return dialogChanged ? new DialogChange(event.userId(), event.chatId(), dialog) : null;
    }

    // ---- common answers ----

    /** The person's main menu (their role's reply keyboard), with an optional first line. */
    public Screen mainMenu(String headline) {
        return menus.menu(user().role(), lang, headline);
    }

    public Screen mainMenu() {
        return mainMenu(null);
    }

    /** A section that another flow will provide: said honestly. */
    public Reply soon() {
        return event.isCallback() ? Reply.alertOnly(t("common.soon")) : Reply.text(t("common.soon"));
    }

    /** Creates turns; one per event. */
    public static final class Factory {
        private final SessionStore sessions;
        private final Texts texts;
        private final MainMenus menus;
        private final Clock clock;
        private final ZoneId defaultZone;
        private final java.util.function.LongFunction<Gateway> gateways;

        public Factory(SessionStore sessions, Texts texts, MainMenus menus, Clock clock, ZoneId defaultZone,
                java.util.function.LongFunction<Gateway> gateways) {
            this.sessions = sessions;
            this.texts = texts;
            this.menus = menus;
            this.clock = clock;
            this.defaultZone = defaultZone;
            this.gateways = gateways;
        }

        public Turn create(BotEvent event) {
            return new Turn(event, sessions.login(event.userId()).orElse(null),
                    sessions.preferences(event.userId()),
                    sessions.dialog(event.userId(), event.chatId()).orElse(null), sessions, texts, menus, clock,
                    defaultZone, gateways);
        }
    }
}
