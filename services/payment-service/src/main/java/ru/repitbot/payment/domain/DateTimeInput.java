package ru.repitbot.payment.domain;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import ru.repitbot.models.errors.InvalidFieldException;

/**
 * Date-times as people type them: ISO-8601 with an offset ({@code 2025-03-03T16:30:00+02:00}, {@code …Z}), a local
 * date-time in the student's zone ({@code 2025-03-03T16:30}) or a date ({@code 2025-03-03}).
 */
public final class DateTimeInput {

    private static final int MAX_LENGTH = 40;

    private DateTimeInput() {
    }

    /**
     * An instant; a bare date is its first moment in {@code zone}.
     *
     * @throws InvalidFieldException naming {@code field} when it is none of the accepted forms
     */
    public static Instant parse(String field, String raw, ZoneId zone) {
        return parseBound(field, raw, zone, false);
    }

    /**
     * A range bound: a bare date is its first moment ({@code endOfDay = false}) or its last ({@code true}), so
     * {@code to=2025-03-31} includes the whole day.
     */
    public static Instant parseBound(String field, String raw, ZoneId zone, boolean endOfDay) {
        String text = raw == null ? "" : raw.strip();
        if (text.isEmpty() || text.length() > MAX_LENGTH) {
            throw new InvalidFieldException(field, "must be an ISO-8601 date-time or date");
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException ignored) {
            // not with an offset
        }
        try {
            return LocalDateTime.parse(text).atZone(zone).toInstant();
        } catch (DateTimeException ignored) {
            // not a local date-time
        }
        try {
            LocalDate date = LocalDate.parse(text);
            return endOfDay ? date.plusDays(1).atStartOfDay(zone).toInstant().minusNanos(1)
                    : date.atStartOfDay(zone).toInstant();
        } catch (DateTimeException e) {
            throw new InvalidFieldException(field,
                    "must be an ISO-8601 date-time (2025-03-03T16:30:00+02:00) or date (2025-03-03)");
        }
    }
}
