package ru.repitbot.bot.flows.tutor.lessons;

import java.util.Locale;

/** What tutors type for lessons besides dates (those are {@code time.DateTimeInput}'s). */
public final class LessonInput {

    /** A lesson's length: 15 to 600 minutes (lesson-service's bounds). */
    public static final int MIN_MINUTES = 15;
    public static final int MAX_MINUTES = 600;

    private LessonInput() {
    }

    /** A length in minutes as typed ("90", "90 мин", "90 minutes"), 15–600; null when it is not one. */
    public static Integer minutes(String text) {
        String digits = text == null ? "" : text.strip().toLowerCase(Locale.ROOT)
                .replaceFirst("\\s*(мин\\.?|минут[аы]?|min\\.?|minutes?)$", "");
        if (!digits.matches("\\d{1,4}")) {
            return null;
        }
        int minutes = Integer.parseInt(digits);
        return minutes < MIN_MINUTES || minutes > MAX_MINUTES ? null : minutes;
    }
}
