package ru.repitbot.notification.db;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import ru.repitbot.access.AccessDirectory;
import ru.repitbot.notification.domain.NoticeKind;
import ru.repitbot.notification.domain.Person;
import ru.repitbot.notification.domain.Preferences;
import ru.repitbot.notification.domain.QuietHours;

/**
 * Who a person is to notification-service ({@link Person}): their zone from the shared access projection (the
 * installation's default zone when unknown, docs/domain/README.md#q15-time-zones), their language from
 * {@code recipient} (Russian by default), and their switches and quiet hours (only what they changed is stored).
 */
@Repository
public class People {

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final AccessDirectory directory;
    private final ZoneId defaultZone;

    public People(JdbcTemplate jdbc, AccessDirectory directory,
            @Value("${repitbot.notifications.default-time-zone:Europe/Kaliningrad}") String defaultZone) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.directory = directory;
        this.defaultZone = ZoneId.of(defaultZone);
    }

    public ZoneId defaultZone() {
        return defaultZone;
    }

    public Person person(long userId) {
        return people(List.of(userId)).get(userId);
    }

    /** Every one of {@code userIds}, known or not (an unknown person has the defaults). */
    public Map<Long, Person> people(Collection<Long> userIds) {
        Map<Long, Person> people = new HashMap<>();
        if (userIds.isEmpty()) {
            return people;
        }
        Map<Long, ZoneId> zones = directory.zonesOf(userIds);
        Map<Long, Locale> languages = new HashMap<>();
        Map<Long, Map<NoticeKind, Boolean>> switches = new HashMap<>();
        Map<Long, Map<NoticeKind, Boolean>> urgent = new HashMap<>();
        Map<Long, QuietHours> quiet = new HashMap<>();
        MapSqlParameterSource ids = new MapSqlParameterSource("ids", userIds);
        named.query("SELECT user_id, language FROM recipient WHERE user_id IN (:ids)", ids,
                (RowCallbackHandler) rs -> languages.put(rs.getLong(1), Locale.forLanguageTag(rs.getString(2))));
        named.query("SELECT user_id, kind, enabled, urgent FROM notice_preference WHERE user_id IN (:ids)", ids,
                (RowCallbackHandler) rs -> {
                    long id = rs.getLong(1);
                    NoticeKind kind = NoticeKind.fromValue(rs.getString(2));
                    Boolean enabled = (Boolean) rs.getObject(3);
                    Boolean isUrgent = (Boolean) rs.getObject(4);
                    if (enabled != null) {
                        switches.computeIfAbsent(id, k -> new EnumMap<>(NoticeKind.class)).put(kind, enabled);
                    }
                    if (isUrgent != null) {
                        urgent.computeIfAbsent(id, k -> new EnumMap<>(NoticeKind.class)).put(kind, isUrgent);
                    }
                });
        named.query("SELECT user_id, starts_at, ends_at FROM quiet_hours WHERE user_id IN (:ids)", ids,
                (RowCallbackHandler) rs -> quiet.put(rs.getLong(1), new QuietHours(
                        rs.getObject(2, LocalTime.class), rs.getObject(3, LocalTime.class))));
        for (Long id : userIds) {
            Preferences preferences = new Preferences(switches.getOrDefault(id, Map.of()),
                    urgent.getOrDefault(id, Map.of()), quiet.getOrDefault(id, QuietHours.NIGHT));
            people.put(id, new Person(id, zones.getOrDefault(id, defaultZone),
                    languages.getOrDefault(id, Locale.forLanguageTag("ru")), preferences));
        }
        return people;
    }

    /** The person's Telegram chat, when known ({@code user.*} events or the bot told it). */
    public Optional<Long> chatOf(long userId) {
        List<Long> chats = jdbc.queryForList(
                "SELECT telegram_chat_id FROM recipient WHERE user_id = ? AND telegram_chat_id IS NOT NULL",
                Long.class, userId);
        return chats.stream().findFirst();
    }
}
