package ru.repitbot.events.catalogue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The changed fields of a user ({@code user.updated}): one {@link Change} per field, {@code null} when that field
 * did not change. On the wire it is the seed's pair of maps, {@code changes} (new values) and {@code previous} (old
 * values), holding only the changed fields; a cleared field is present with {@code null}.
 */
public record UserChanges(
        Change<String> fullName,
        Change<String> timeZone,
        Change<Integer> grade,
        Change<String> username,
        Change<Long> telegramId) {

    public static final UserChanges NONE = new UserChanges(null, null, null, null, null);

    static final String FULL_NAME = "full_name";
    static final String TIME_ZONE = "time_zone";
    static final String GRADE = "grade";
    static final String USERNAME = "username";
    static final String TELEGRAM_ID = "telegram_id";

    public boolean isEmpty() {
        return equals(NONE);
    }

    public UserChanges withFullName(String from, String to) {
        return new UserChanges(changed(from, to), timeZone, grade, username, telegramId);
    }

    public UserChanges withTimeZone(String from, String to) {
        return new UserChanges(fullName, changed(from, to), grade, username, telegramId);
    }

    public UserChanges withGrade(Integer from, Integer to) {
        return new UserChanges(fullName, timeZone, changed(from, to), username, telegramId);
    }

    public UserChanges withUsername(String from, String to) {
        return new UserChanges(fullName, timeZone, grade, changed(from, to), telegramId);
    }

    public UserChanges withTelegramId(Long from, Long to) {
        return new UserChanges(fullName, timeZone, grade, username, changed(from, to));
    }

    /** The wire's {@code changes}: new values of the changed fields. */
    Map<String, Object> newValues() {
        Map<String, Object> values = new LinkedHashMap<>();
        put(values, FULL_NAME, fullName, true);
        put(values, TIME_ZONE, timeZone, true);
        put(values, GRADE, grade, true);
        put(values, USERNAME, username, true);
        put(values, TELEGRAM_ID, telegramId, true);
        return values;
    }

    /** The wire's {@code previous}: old values of the changed fields. */
    Map<String, Object> oldValues() {
        Map<String, Object> values = new LinkedHashMap<>();
        put(values, FULL_NAME, fullName, false);
        put(values, TIME_ZONE, timeZone, false);
        put(values, GRADE, grade, false);
        put(values, USERNAME, username, false);
        put(values, TELEGRAM_ID, telegramId, false);
        return values;
    }

    /** Reads the wire's two maps; a field is changed when {@code changes} names it. */
    static UserChanges fromWire(Map<String, Object> changes, Map<String, Object> previous) {
        Map<String, Object> now = changes == null ? Map.of() : changes;
        Map<String, Object> before = previous == null ? Map.of() : previous;
        return new UserChanges(
                now.containsKey(FULL_NAME) ? Change.of(text(before.get(FULL_NAME)), text(now.get(FULL_NAME))) : null,
                now.containsKey(TIME_ZONE) ? Change.of(text(before.get(TIME_ZONE)), text(now.get(TIME_ZONE))) : null,
                now.containsKey(GRADE) ? Change.of(integer(before.get(GRADE)), integer(now.get(GRADE))) : null,
                now.containsKey(USERNAME) ? Change.of(text(before.get(USERNAME)), text(now.get(USERNAME))) : null,
                now.containsKey(TELEGRAM_ID)
                        ? Change.of(longValue(before.get(TELEGRAM_ID)), longValue(now.get(TELEGRAM_ID))) : null);
    }

    private static void put(Map<String, Object> values, String field, Change<?> change, boolean newValue) {
        if (change != null) {
            values.put(field, newValue ? change.newValue() : change.oldValue());
        }
    }

    private static <T> Change<T> changed(T from, T to) {
        return Objects.equals(from, to) ? null : Change.of(from, to);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static Integer integer(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }

    private static Long longValue(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }
}
