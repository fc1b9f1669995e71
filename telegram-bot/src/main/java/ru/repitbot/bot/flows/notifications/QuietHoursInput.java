package ru.repitbot.bot.flows.notifications;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Quiet hours as people type them: {@code 22:00–08:00}, {@code 22:00-8:00}, {@code 23-7}, {@code 22.30 — 7.15},
 * {@code с 22 до 8}. Each end becomes {@code HH:MM}; anything else is not understood (empty). Whether the window spans
 * midnight is notification-service's rule (docs/domain/notifications.md#quiet-hours), not the input's.
 */
public final class QuietHoursInput {

    private static final Pattern HOURS = Pattern.compile(
            "(?:с|from)?\\s*(\\d{1,2})(?:[:.](\\d{2}))?\\s*(?:-|–|—|до|to|until)\\s*(\\d{1,2})(?:[:.](\\d{2}))?",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private QuietHoursInput() {
    }

    /** The window typed, as {@code [start, end]} in {@code HH:MM}. */
    public static Optional<NotifyModels.QuietHours> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = HOURS.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        Optional<String> start = time(m.group(1), m.group(2));
        Optional<String> end = time(m.group(3), m.group(4));
        if (start.isEmpty() || end.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new NotifyModels.QuietHours(start.get(), end.get()));
    }

    private static Optional<String> time(String hours, String minutes) {
        int h = Integer.parseInt(hours);
        int m = minutes == null ? 0 : Integer.parseInt(minutes);
        if (h > 23 || m > 59) {
            return Optional.empty();
        }
        return Optional.of("%02d:%02d".formatted(h, m));
    }
}
