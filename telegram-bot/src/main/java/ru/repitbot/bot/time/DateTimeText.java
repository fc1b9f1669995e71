package ru.repitbot.bot.time;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import ru.repitbot.bot.i18n.Language;

/** Times shown back to a person: in their own zone, as they would write them ({@code 25.12.2026 15:30}). */
public final class DateTimeText {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("dd.MM.yy");

    private DateTimeText() {
    }

    public static String dateTime(Instant moment, ZoneId zone) {
        return moment == null ? "—" : DATE_TIME.format(moment.atZone(zone));
    }

    public static String dateTime(OffsetDateTime moment, ZoneId zone) {
        return moment == null ? "—" : dateTime(moment.toInstant(), zone);
    }

    public static String date(OffsetDateTime moment, ZoneId zone) {
        return moment == null ? "—" : DATE.format(moment.toInstant().atZone(zone));
    }

    public static String shortDate(OffsetDateTime moment, ZoneId zone) {
        return moment == null ? "—" : SHORT_DATE.format(moment.toInstant().atZone(zone));
    }

    /** {@code пн 25.12.2026 15:30} / {@code Mon 25.12.2026 15:30}. */
    public static String withWeekday(OffsetDateTime moment, ZoneId zone, Language language) {
        if (moment == null) {
            return "—";
        }
        var local = moment.toInstant().atZone(zone);
        return local.getDayOfWeek().getDisplayName(TextStyle.SHORT, language.locale()) + " " + DATE_TIME.format(local);
    }
}
