package ru.repitbot.models.time;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import ru.repitbot.models.errors.InvalidFieldException;

/**
 * How every service reads a date or a time from a request (docs/architecture/conventions.md, "One of each"):
 * ISO-8601 with an offset ({@code 2025-03-03T18:00:00+03:00}, {@code …Z}), or a local date-time
 * ({@code 2025-03-03T18:00}) read in the zone of the student it concerns; where a day is enough, a date
 * ({@code 2025-03-03}). Seconds are kept, fractions dropped. Only the years {@value #FIRST_YEAR}–{@value #LAST_YEAR}
 * are accepted (anything else is a typo, not a lesson or a payment): outside them a 400 names the field. Ranges of a
 * search are {@link DateRange}.
 */
public final class DateTimeInput {

    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2100;
    private static final int MAX_LENGTH = 40;
    /** The bot's way of writing a day ({@code 10.03.2025}), accepted where a day is enough. */
    private static final DateTimeFormatter RUSSIAN_DATE = DateTimeFormatter.ofPattern("dd.MM.uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final String DATE_TIME = "must be an ISO-8601 date-time such as 2025-03-03T18:00:00+03:00 "
            + "(without an offset it is read in the student's time zone)";
    private static final String DATE_OR_DATE_TIME = "must be an ISO-8601 date-time (2025-03-03T18:00:00+03:00) or "
            + "date (2025-03-03)";

    private DateTimeInput() {
    }

    /**
     * A moment: a date-time with or without an offset; a bare date is refused.
     *
     * @throws InvalidFieldException naming {@code field}
     */
    public static Instant dateTime(String field, String raw, ZoneId zone) {
        Instant instant = parseDateTime(field, text(field, raw, DATE_TIME), zone);
        if (instant == null) {
            throw new InvalidFieldException(field, DATE_TIME);
        }
        return inRange(field, instant, zone);
    }

    /** A moment, or a date meaning the first moment of that day in {@code zone}. */
    public static Instant startOf(String field, String raw, ZoneId zone) {
        String text = text(field, raw, DATE_OR_DATE_TIME);
        Instant instant = parseDateTime(field, text, zone);
        return inRange(field, instant != null ? instant : day(field, text).atStartOfDay(zone).toInstant(), zone);
    }

    /**
     * A moment, or a date meaning the whole of that day in {@code zone}: its last second (a deadline "on the 10th"
     * includes the 10th). Also the bot's {@code 10.03.2025}.
     */
    public static Instant endOf(String field, String raw, ZoneId zone) {
        String text = text(field, raw, DATE_OR_DATE_TIME);
        Instant instant = parseDateTime(field, text, zone);
        return inRange(field, instant != null ? instant
                : day(field, text).plusDays(1).atStartOfDay(zone).toInstant().minusSeconds(1), zone);
    }

    /** A bare date, or {@code null} when {@code text} is not one. */
    static LocalDate dateOrNull(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeException notIso) {
            try {
                return LocalDate.parse(text, RUSSIAN_DATE);
            } catch (DateTimeException notRussian) {
                return null;
            }
        }
    }

    static String text(String field, String raw, String reason) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidFieldException(field, "is required");
        }
        String text = raw.strip();
        if (text.length() > MAX_LENGTH) {
            throw new InvalidFieldException(field, reason);
        }
        return text;
    }

    /** A date-time with or without an offset, or {@code null} when {@code text} is neither. */
    static Instant parseDateTime(String field, String text, ZoneId zone) {
        try {
            return OffsetDateTime.parse(text).toInstant().truncatedTo(ChronoUnit.SECONDS);
        } catch (DateTimeException withOffset) {
            try {
                return LocalDateTime.parse(text).atZone(zone).toInstant().truncatedTo(ChronoUnit.SECONDS);
            } catch (DateTimeException local) {
                return null;
            }
        }
    }

    static LocalDate day(String field, String text) {
        LocalDate date = dateOrNull(text);
        if (date == null) {
            throw new InvalidFieldException(field, DATE_OR_DATE_TIME);
        }
        return date;
    }

    /** Within the accepted years, as the caller (the student) counts them: the year in {@code zone}. */
    static Instant inRange(String field, Instant instant, ZoneId zone) {
        int year;
        try {
            year = instant.atZone(zone).getYear();
        } catch (DateTimeException beyondTheCalendar) {
            year = instant.isBefore(Instant.EPOCH) ? Integer.MIN_VALUE : Integer.MAX_VALUE;
        }
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new InvalidFieldException(field, "must be between the years " + FIRST_YEAR + " and " + LAST_YEAR);
        }
        return instant;
    }
}
