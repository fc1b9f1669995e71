package ru.repitbot.lesson.domain;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import ru.repitbot.models.errors.InvalidFieldException;

/**
 * How lesson times are typed: ISO-8601 with an offset ({@code 2025-03-03T18:00:00+03:00}, {@code …Z}), or a local
 * date-time without one ({@code 2025-03-03T18:00}), read in the student's time zone. Seconds are kept, fractions
 * dropped. Years outside 1970–2200 are refused (typos, not lessons).
 */
public final class DateTimeInput {

    private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");

    private DateTimeInput() {
    }

    /** @throws InvalidFieldException naming {@code field} when {@code raw} is not a date-time */
    public static Instant parse(String field, String raw, ZoneId localZone) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidFieldException(field, "is required");
        }
        String text = raw.strip();
        Instant instant;
        try {
            instant = OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException withOffset) {
            try {
                instant = LocalDateTime.parse(text).atZone(localZone).toInstant();
            } catch (DateTimeException local) {
                throw new InvalidFieldException(field, "must be an ISO-8601 date-time such as "
                        + "2025-03-03T18:00:00+03:00 (without an offset it is read in the student's time zone)");
            }
        }
        return inRange(field, instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * A bound of a search: a date-time as in {@link #parse}, or a date ({@code 2025-03-01}) meaning the start of that
     * day in {@code localZone}; with {@code endOfDay} a date means the start of the next day (an inclusive date).
     */
    public static Instant parseBound(String field, String raw, ZoneId localZone, boolean endOfDay) {
        if (raw != null && raw.strip().length() == 10) {
            try {
                LocalDate date = LocalDate.parse(raw.strip());
                return inRange(field, (endOfDay ? date.plusDays(1) : date).atStartOfDay(localZone).toInstant());
            } catch (DateTimeException e) {
                throw new InvalidFieldException(field, "must be a date (YYYY-MM-DD) or an ISO-8601 date-time");
            }
        }
        return parse(field, raw, localZone);
    }

    private static Instant inRange(String field, Instant instant) {
        if (instant.isBefore(EARLIEST) || !instant.isBefore(LATEST)) {
            throw new InvalidFieldException(field, "must be between the years 1970 and 2199");
        }
        return instant;
    }
}
