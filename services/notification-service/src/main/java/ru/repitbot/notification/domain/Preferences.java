package ru.repitbot.notification.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;

/**
 * One person's switches: each notice kind on or off, which kinds are urgent (they pass through quiet hours), and the
 * quiet hours. Only what the person changed is stored ({@code switches}, {@code urgent}); everything else is the
 * kind's default, so a default changed later reaches everyone who never touched it.
 */
public record Preferences(Map<NoticeKind, Boolean> switches, Map<NoticeKind, Boolean> urgent, QuietHours quietHours) {

    public Preferences {
        switches = copy(switches);
        urgent = copy(urgent);
        if (quietHours == null) {
            throw new IllegalArgumentException("quiet hours may be NONE, not null");
        }
        switches.keySet().stream().filter(k -> !k.switchable()).findFirst().ifPresent(k -> {
            throw new IllegalArgumentException(k.value() + " cannot be switched");
        });
    }

    public static Preferences defaults() {
        return new Preferences(Map.of(), Map.of(), QuietHours.NIGHT);
    }

    public boolean isOn(NoticeKind kind) {
        return !kind.switchable() || switches.getOrDefault(kind, kind.onByDefault());
    }

    public boolean isUrgent(NoticeKind kind) {
        return urgent.getOrDefault(kind, kind.urgentByDefault());
    }

    /** @throws IllegalArgumentException for a kind that cannot be switched off (a message, a link change) */
    public Preferences withSwitch(NoticeKind kind, boolean on) {
        Map<NoticeKind, Boolean> next = new EnumMap<>(NoticeKind.class);
        next.putAll(switches);
        next.put(kind, on);
        return new Preferences(next, urgent, quietHours);
    }

    public Preferences withUrgent(NoticeKind kind, boolean isUrgent) {
        Map<NoticeKind, Boolean> next = new EnumMap<>(NoticeKind.class);
        next.putAll(urgent);
        next.put(kind, isUrgent);
        return new Preferences(switches, next, quietHours);
    }

    public Preferences withQuietHours(QuietHours hours) {
        return new Preferences(switches, urgent, hours);
    }

    /** The instant a message of {@code kind} may go out to a person living in {@code zone}. */
    public Instant deliverAt(Instant now, NoticeKind kind, ZoneId zone) {
        return isUrgent(kind) ? now : quietHours.releaseAt(now, zone);
    }

    private static Map<NoticeKind, Boolean> copy(Map<NoticeKind, Boolean> map) {
        Map<NoticeKind, Boolean> copy = new EnumMap<>(NoticeKind.class);
        if (map != null) {
            copy.putAll(map);
        }
        return Map.copyOf(copy);
    }
}
