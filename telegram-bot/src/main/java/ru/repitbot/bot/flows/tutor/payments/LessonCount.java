package ru.repitbot.bot.flows.tutor.payments;

import ru.repitbot.bot.i18n.Lang;
import ru.repitbot.bot.i18n.Language;

/**
 * "1 урок", "3 урока", "5 уроков", "21 урок", "−2 урока" / "1 lesson", "5 lessons": the number with the word in the
 * right form (Russian has three), from the keys {@code pay.lessons.one|few|many}.
 */
final class LessonCount {

    private LessonCount() {
    }

    /** The plural form of {@code n} in {@code language}: {@code one}, {@code few} or {@code many}. */
    static String form(long n, Language language) {
        long abs = Math.abs(n);
        if (language == Language.EN) {
            return abs == 1 ? "one" : "many";
        }
        long lastTwo = abs % 100;
        long last = abs % 10;
        if (last == 1 && lastTwo != 11) {
            return "one";
        }
        if (last >= 2 && last <= 4 && (lastTwo < 12 || lastTwo > 14)) {
            return "few";
        }
        return "many";
    }

    /** {@code 8 уроков}; negatives with a real minus sign ({@code −2 урока}). */
    static String of(long n, Lang t) {
        return t.get("pay.lessons." + form(n, t.language()), signed(n, false));
    }

    /** A number as shown: {@code −2}, and {@code +8} when {@code plus} and positive. */
    static String signed(long n, boolean plus) {
        if (n < 0) {
            return "−" + Math.abs(n);
        }
        return (plus && n > 0 ? "+" : "") + n;
    }
}
