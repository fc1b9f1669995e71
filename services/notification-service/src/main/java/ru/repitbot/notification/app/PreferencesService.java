package ru.repitbot.notification.app;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.repitbot.access.AccessDirectory;
import ru.repitbot.config.security.CurrentUser;
import ru.repitbot.models.errors.ForbiddenException;
import ru.repitbot.models.errors.InvalidFieldException;
import ru.repitbot.models.errors.NotFoundException;
import ru.repitbot.notification.api.PreferencesPatch;
import ru.repitbot.notification.api.PreferencesView;
import ru.repitbot.notification.api.QuietHoursView;
import ru.repitbot.notification.db.People;
import ru.repitbot.notification.db.PreferenceStore;
import ru.repitbot.notification.db.Recipients;
import ru.repitbot.notification.domain.NoticeKind;
import ru.repitbot.notification.domain.Person;
import ru.repitbot.notification.domain.Preferences;
import ru.repitbot.notification.domain.QuietHours;

/**
 * A person's notification settings (docs/domain/notifications.md#switches-and-their-defaults,
 * docs/domain/notifications.md#quiet-hours) and their Telegram chat. Everyone their own; an admin or a service
 * anyone's (anyone else's is answered as if it did not exist).
 */
@Service
public class PreferencesService {

    static final Set<String> LANGUAGES = Set.of("ru", "en");
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final People people;
    private final PreferenceStore store;
    private final Recipients recipients;
    private final AccessDirectory directory;

    public PreferencesService(People people, PreferenceStore store, Recipients recipients,
            AccessDirectory directory) {
        this.people = people;
        this.store = store;
        this.recipients = recipients;
        this.directory = directory;
    }

    @Transactional(readOnly = true)
    public PreferencesView get(CurrentUser caller, Long userId) {
        return view(people.person(whose(caller, userId)));
    }

    @Transactional
    public PreferencesView patch(CurrentUser caller, Long userId, PreferencesPatch patch) {
        long whose = whose(caller, userId);
        String language = null;
        if (patch.getLanguage() != null) {
            language = patch.getLanguage().strip().toLowerCase(java.util.Locale.ROOT);
            if (!LANGUAGES.contains(language)) {
                throw new InvalidFieldException("language", "must be one of " + List.of("ru", "en"));
            }
        }
        QuietHours quiet = null;
        if (patch.quietHoursGiven()) {
            QuietHoursView hours = patch.getQuietHours();
            quiet = hours == null ? QuietHours.NONE
                    : new QuietHours(time("quiet_hours.start", hours.start()), time("quiet_hours.end", hours.end()));
        }
        Map<String, PreferencesPatch.KindPatch> kinds = patch.getKinds() == null ? Map.of() : patch.getKinds();
        List<Map.Entry<NoticeKind, PreferencesPatch.KindPatch>> changes = new ArrayList<>();
        for (var entry : kinds.entrySet()) {
            String field = "kinds." + entry.getKey();
            NoticeKind kind;
            try {
                kind = NoticeKind.fromValue(entry.getKey());
            } catch (IllegalArgumentException e) {
                throw new InvalidFieldException(field, "unknown notice kind");
            }
            PreferencesPatch.KindPatch change = entry.getValue();
            if (change == null) {
                throw new InvalidFieldException(field, "must be an object with enabled and/or urgent");
            }
            if (!kind.switchable() && Boolean.FALSE.equals(change.enabled())) {
                throw new InvalidFieldException(field, kind.value() + " cannot be switched off");
            }
            changes.add(Map.entry(kind, change));
        }
        // Checked everything first: a bad field changes nothing.
        if (language != null) {
            recipients.setLanguage(whose, language);
        }
        if (quiet != null) {
            store.setQuietHours(whose, quiet);
        }
        changes.forEach(c -> store.set(whose, c.getKey(), c.getValue().enabled(), c.getValue().urgent()));
        return view(people.person(whose));
    }

    /**
     * The logged-in person writes to the bot from {@code chatId}: when that is the Telegram account user-service bound
     * to them (learned from {@code user.created}/{@code user.updated}), they count as reachable again. The chat itself
     * is only ever taken from those events: a caller naming another chat (someone else's) is refused with 409 and
     * changes nothing, so nobody can divert another person's notices or receive them. While the binding's event has
     * not arrived yet (a login a moment ago), there is nothing to check against and nothing to do: the event brings
     * the chat.
     */
    @Transactional
    public void setChat(CurrentUser caller, long chatId) {
        if (caller.isService()) {
            throw new ForbiddenException("a chat belongs to a person; a service token has none");
        }
        if (chatId == 0) {
            throw new InvalidFieldException("telegram_chat_id", "must not be 0");
        }
        java.util.Optional<Long> bound = people.chatOf(caller.id());
        if (bound.isEmpty()) {
            return;
        }
        if (bound.get() != chatId) {
            throw new ru.repitbot.models.errors.ConflictException(
                    "telegram_chat_id is not the Telegram account bound to this user");
        }
        recipients.clearUnreachable(caller.id());
    }

    private long whose(CurrentUser caller, Long userId) {
        if (userId == null) {
            if (caller.isService()) {
                throw new InvalidFieldException("user_id", "is required with a service token");
            }
            return caller.id();
        }
        if (!caller.isService() && userId == caller.id()) {
            return userId;
        }
        if (!caller.seesEverything() || !directory.isActive(userId)) {
            throw new NotFoundException("user", userId);
        }
        return userId;
    }

    private static LocalTime time(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidFieldException(field, "is required (HH:mm)");
        }
        try {
            return LocalTime.parse(value.strip(), HH_MM);
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(field, "must be a time HH:mm, e.g. 22:00");
        }
    }

    private PreferencesView view(Person person) {
        Preferences preferences = person.preferences();
        QuietHours quiet = preferences.quietHours();
        List<PreferencesView.KindView> kinds = new ArrayList<>();
        for (NoticeKind kind : NoticeKind.values()) {
            kinds.add(new PreferencesView.KindView(kind.value(), kind.switchable(), preferences.isOn(kind),
                    preferences.isUrgent(kind), kind.onByDefault(), kind.urgentByDefault()));
        }
        String language = LANGUAGES.contains(person.language().getLanguage()) ? person.language().getLanguage()
                : "ru";
        return new PreferencesView(person.userId(), language, person.zone().getId(),
                quiet.isNone() ? null : new QuietHoursView(HH_MM.format(quiet.start()), HH_MM.format(quiet.end())),
                kinds);
    }
}
