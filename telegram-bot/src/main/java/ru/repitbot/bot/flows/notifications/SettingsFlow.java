package ru.repitbot.bot.flows.notifications;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
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
import ru.repitbot.bot.flows.notifications.NotifyModels.KindSetting;
import ru.repitbot.bot.flows.notifications.NotifyModels.NoticePreferences;
import ru.repitbot.bot.flows.notifications.NotifyModels.QuietHours;
import ru.repitbot.bot.gateway.model.User;
import ru.repitbot.bot.i18n.Lang;
import ru.repitbot.bot.i18n.Language;
import ru.repitbot.models.Role;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * "🔔 Уведомления", for every role (docs/domain/notifications.md#switches-and-their-defaults): every notice kind with
 * its switch (✅/❌; 🔒 = cannot be switched off) and its urgency (⚡ comes during quiet hours, 💤 waits), the quiet
 * hours (typed as {@code 22:00–08:00}, or none), the language (ru/en; the bot speaks it too) and the time zone (from a
 * short list or a typed IANA name; {@code PATCH /api/v1/users/{own id}}). Every change is a {@code PATCH
 * /api/v1/notifications/preferences} and the screen shows what the service answered; a refusal (400) is shown as its
 * reason.
 */
@Component
public class SettingsFlow implements Flow {

    static final String QUIET_DIALOG = "nt.quiet";
    static final String ZONE_DIALOG = "nt.zone";
    static final String PREFERENCES = "/api/v1/notifications/preferences";
    /** The zones offered as buttons (Russia's, west to east); any other is typed. */
    static final List<String> ZONES = List.of("Europe/Kaliningrad", "Europe/Moscow", "Europe/Samara",
            "Asia/Yekaterinburg", "Asia/Omsk", "Asia/Novosibirsk", "Asia/Krasnoyarsk", "Asia/Irkutsk", "Asia/Yakutsk",
            "Asia/Vladivostok");
    private static final Access ANYONE = Access.loggedIn();
    private static final Map<String, String> KNOWN_ZONES = new TreeMap<>();

    static {
        ZoneId.getAvailableZoneIds().forEach(id -> KNOWN_ZONES.put(id.toLowerCase(Locale.ROOT), id));
    }

    @Override
    public void register(FlowRegistry registry) {
        registry.menuButton(Role.TUTOR, 100, Labels.NOTIFICATIONS);
        registry.menuButton(Role.STUDENT, 90, Labels.NOTIFICATIONS);
        registry.menuButton(Role.PARENT, 30, Labels.NOTIFICATIONS);
        registry.menuButton(Role.ADMIN, 40, Labels.NOTIFICATIONS);
        registry.label(Labels.NOTIFICATIONS, ANYONE, turn -> Reply.of(screen(turn, read(turn), null, null)));
        registry.command("notifications", ANYONE, turn -> Reply.of(screen(turn, read(turn), null, null)));
        registry.callback(NotifyRoutes.SETTINGS, ANYONE, turn -> Reply.of(screen(turn, read(turn), null, null)));
        registry.callback(NotifyRoutes.KIND, ANYONE, turn -> switchKind(turn, "enabled"));
        registry.callback(NotifyRoutes.URGENT, ANYONE, turn -> switchKind(turn, "urgent"));
        registry.callback(NotifyRoutes.LOCKED, ANYONE, turn -> Reply.alertOnly(turn.t("nt.locked")));

        registry.callback(NotifyRoutes.QUIET, ANYONE, this::askQuietHours);
        registry.step(QUIET_DIALOG, "hours", this::typedQuietHours);
        registry.dialogCallback(NotifyRoutes.QUIET_NONE, QUIET_DIALOG, ANYONE, turn -> saveQuietHours(turn, null));

        registry.callback(NotifyRoutes.LANGUAGE, ANYONE, this::askLanguage);
        registry.callback(NotifyRoutes.LANGUAGE_SET, ANYONE, this::setLanguage);

        registry.callback(NotifyRoutes.ZONE, ANYONE, this::askZone);
        registry.step(ZONE_DIALOG, "zone", this::typedZone);
        registry.dialogCallback(NotifyRoutes.ZONE_SET, ZONE_DIALOG, ANYONE,
                turn -> saveZone(turn, turn.callback().arg(0)));
    }

    static NoticePreferences read(Turn turn) {
        return turn.gateway().get(NoticePreferences.class, PREFERENCES);
    }

    private static NoticePreferences patch(Turn turn, ObjectNode body) {
        return turn.gateway().patch(NoticePreferences.class, PREFERENCES, body);
    }

    /** The settings screen from the service's answer; {@code zone} overrides the answer's (just changed). */
    static Screen screen(Turn turn, NoticePreferences preferences, String headline, String zone) {
        Lang t = turn.t();
        StringBuilder text = new StringBuilder();
        if (headline != null) {
            text.append(headline).append("\n\n");
        }
        text.append(t.get("nt.title")).append("\n\n");
        text.append(t.get("nt.language", languageName(t, preferences.language()))).append('\n');
        String shownZone = zone != null ? zone : preferences.timeZone() != null ? preferences.timeZone()
                : turn.zone().getId();
        text.append(t.get("nt.zone", shownZone)).append('\n');
        QuietHours quiet = preferences.quietHours();
        text.append(quiet == null ? t.get("nt.quiet_none") : t.get("nt.quiet", quiet.start(), quiet.end()))
                .append("\n\n");
        text.append(t.get("nt.legend"));

        Keyboard.InlineBuilder keyboard = Keyboard.inline();
        for (KindSetting kind : preferences.kinds()) {
            String name = kindName(turn, kind.kind());
            Button onOff = !kind.switchable()
                    ? Button.of(t.raw("nt.kind_locked", name), NotifyRoutes.LOCKED.data(kind.kind()))
                    : Button.of(t.raw(kind.enabled() ? "nt.kind_on" : "nt.kind_off", name),
                            NotifyRoutes.KIND.data(kind.kind(), kind.enabled() ? 0 : 1));
            Button urgent = Button.of(t.get(kind.urgent() ? "nt.urgent_on" : "nt.urgent_off"),
                    NotifyRoutes.URGENT.data(kind.kind(), kind.urgent() ? 0 : 1));
            keyboard.row(onOff, urgent);
        }
        keyboard.row(Button.of(t.get("nt.btn.quiet"), NotifyRoutes.QUIET.data()),
                Button.of(t.get("nt.btn.language"), NotifyRoutes.LANGUAGE.data()),
                Button.of(t.get("nt.btn.zone"), NotifyRoutes.ZONE.data()));
        keyboard.row(Button.of(t.get("common.to_main_menu"), Routes.MENU.data()));
        return Screen.of(text.toString(), keyboard.build());
    }

    /** A kind's name in the person's words; a tutor's {@code lesson_report} switch is about their students' parents. */
    static String kindName(Turn turn, String kind) {
        Lang t = turn.t();
        if ("lesson_report".equals(kind) && turn.role() == Role.TUTOR) {
            return t.get("nt.kind.lesson_report.tutor");
        }
        String key = "nt.kind." + kind;
        return t.has(key) ? t.get(key) : ru.repitbot.bot.i18n.Html.escape(kind);
    }

    private static String languageName(Lang t, String code) {
        if (code == null) {
            return t.get("nt.lang.ru");
        }
        String key = "nt.lang." + code;
        return t.has(key) ? t.get(key) : ru.repitbot.bot.i18n.Html.escape(code);
    }

    /** {@code nt.k|nt.u:<kind>:<1|0>}: sets what the button showed it would (a second press of an old one: the same). */
    private Reply switchKind(Turn turn, String field) {
        String kind = turn.callback().arg(0);
        boolean value = turn.intArg(1) == 1;
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putObject("kinds").putObject(kind).put(field, value);
        NoticePreferences answer = patch(turn, body);
        return Reply.of(screen(turn, answer, null, null)).withToast(turn.t("nt.saved"));
    }

    // ---- quiet hours ----

    private Reply askQuietHours(Turn turn) {
        turn.startDialog(QUIET_DIALOG, "hours", Map.of());
        return Reply.of(Screen.of(turn.t("nt.quiet.ask"), Keyboard.inline()
                .row(Button.of(turn.t("nt.quiet.none"), NotifyRoutes.QUIET_NONE.data()))
                .row(Button.of(turn.t("nt.btn.back"), NotifyRoutes.SETTINGS.data()))
                .build()));
    }

    private Reply typedQuietHours(Turn turn) {
        String text = turn.text();
        if (turn.isSkip() || text.equalsIgnoreCase(turn.t("nt.quiet.none").replace("🔕", "").strip())) {
            return saveQuietHours(turn, null);
        }
        Optional<QuietHours> hours = QuietHoursInput.parse(text);
        if (hours.isEmpty()) {
            return Reply.text(turn.t("nt.quiet.bad"));
        }
        return saveQuietHours(turn, hours.get());
    }

    /** null = no quiet hours ({@code "quiet_hours": null}). A refusal keeps the dialog: the person types again. */
    private Reply saveQuietHours(Turn turn, QuietHours hours) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        if (hours == null) {
            body.putNull("quiet_hours");
        } else {
            body.putObject("quiet_hours").put("start", hours.start()).put("end", hours.end());
        }
        NoticePreferences answer = patch(turn, body);
        turn.endDialog();
        return Reply.of(screen(turn, answer, turn.t("nt.saved"), null)).withToast(turn.t("nt.saved"));
    }

    // ---- language ----

    private Reply askLanguage(Turn turn) {
        return Reply.of(Screen.of(turn.t("nt.language.ask"), Keyboard.inline()
                .row(Button.of(turn.t("language.ru"), NotifyRoutes.LANGUAGE_SET.data(Language.RU.code())),
                        Button.of(turn.t("language.en"), NotifyRoutes.LANGUAGE_SET.data(Language.EN.code())))
                .row(Button.of(turn.t("nt.btn.back"), NotifyRoutes.SETTINGS.data()))
                .build()));
    }

    /** The notices' language and the bot's are one choice; the menu is sent again so its keys speak it too. */
    private Reply setLanguage(Turn turn) {
        Language language = Language.of(turn.callback().arg(0))
                .orElseThrow(() -> new ru.repitbot.bot.dialog.CallbackData.BadCallbackException("no such language"));
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("language", language.code());
        NoticePreferences answer = patch(turn, body);
        Language.of(answer.language()).ifPresent(turn::switchLanguage);
        return Reply.of(screen(turn, answer, null, null)).then(turn.mainMenu(turn.t("nt.saved")))
                .withToast(turn.t("nt.saved"));
    }

    // ---- time zone ----

    private Reply askZone(Turn turn) {
        turn.startDialog(ZONE_DIALOG, "zone", Map.of());
        Keyboard.InlineBuilder keyboard = Keyboard.inline();
        List<Button> row = new ArrayList<>();
        for (String zone : ZONES) {
            row.add(Button.of(zone, NotifyRoutes.ZONE_SET.data(zone)));
            if (row.size() == 2) {
                keyboard.row(row);
                row = new ArrayList<>();
            }
        }
        keyboard.row(row);
        keyboard.row(Button.of(turn.t("nt.btn.back"), NotifyRoutes.SETTINGS.data()));
        return Reply.of(Screen.of(turn.t("nt.zone.ask", turn.zone().getId()), keyboard.build()));
    }

    private Reply typedZone(Turn turn) {
        Optional<String> zone = zone(turn.text());
        if (zone.isEmpty()) {
            return Reply.text(turn.t("nt.zone.bad"));
        }
        return saveZone(turn, zone.get());
    }

    /** An IANA zone name as typed, in its proper spelling ({@code europe/berlin} → {@code Europe/Berlin}). */
    static Optional<String> zone(String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(KNOWN_ZONES.get(typed.strip().replace(' ', '_').toLowerCase(Locale.ROOT)));
    }

    /** {@code PATCH /api/v1/users/{own id} {time_zone}}: user-service owns the zone; the bot uses it at once. */
    private Reply saveZone(Turn turn, String typed) {
        String zone = zone(typed).orElseThrow(
                () -> new ru.repitbot.bot.dialog.CallbackData.BadCallbackException("no such zone"));
        User me = turn.gateway().patch(User.class, "/api/v1/users/{id}", Map.of("time_zone", zone),
                turn.user().userId());
        String saved = me.timeZone() != null ? me.timeZone() : zone;
        turn.switchTimeZone(saved);
        turn.endDialog();
        String headline = turn.t("nt.zone.saved", saved);
        NoticePreferences preferences;
        try {
            preferences = read(turn);
        } catch (ru.repitbot.bot.gateway.GatewayException unavailable) {
            // The zone is saved; only the settings screen cannot be shown now.
            return Reply.text(headline).withToast(turn.t("nt.saved"));
        }
        return Reply.of(screen(turn, preferences, headline, saved)).withToast(turn.t("nt.saved"));
    }
}
