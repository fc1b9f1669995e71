package ru.repitbot.models.time;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import ru.repitbot.models.errors.InvalidFieldException;

/**
 * A {@code from=…&to=…} filter, both ends optional and both inclusive, the same in every service: {@code from} a
 * moment or a date (its first moment), {@code to} a moment (included) or a date (the whole day included:
 * {@code to=2026-12-31} takes in everything on the 31st), read in {@code zone} (the student's, or the installation's
 * when no student is named). A range whose {@code to} lies before its {@code from} is a 400 naming {@code to}.
 *
 * @param from the first moment included, {@code null} for open
 * @param until the first moment no longer included ({@code to} made exclusive), {@code null} for open
 */
public record DateRange(Instant from, Instant until) {

    /** Timestamps are stored to the microsecond: one more is the first moment after an inclusive {@code to}. */
    private static final Duration RESOLUTION = Duration.ofNanos(1_000);

    public static final DateRange ALL = new DateRange(null, null);

    /** @throws InvalidFieldException naming {@code from} or {@code to} */
    public static DateRange parse(String from, String to, ZoneId zone) {
        Instant start = from == null ? null : DateTimeInput.startOf("from", from, zone);
        Instant until = to == null ? null : until(to, zone);
        if (start != null && until != null && !until.isAfter(start)) {
            throw new InvalidFieldException("to", "must not be before from");
        }
        return new DateRange(start, until);
    }

    private static Instant until(String raw, ZoneId zone) {
        String text = DateTimeInput.text("to", raw, "must be an ISO-8601 date-time or date");
        Instant moment = DateTimeInput.parseDateTime("to", text, zone);
        if (moment != null) {
            return DateTimeInput.inRange("to", moment, zone).plus(RESOLUTION);
        }
        LocalDate day = DateTimeInput.day("to", text);
        DateTimeInput.inRange("to", day.atStartOfDay(zone).toInstant(), zone);
        return day.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** Whether {@code moment} lies in the range. */
    public boolean includes(Instant moment) {
        return (from == null || !moment.isBefore(from)) && (until == null || moment.isBefore(until));
    }

    /** The last moment included, as a client reads it back ({@code until} minus the resolution). */
    public Instant to() {
        return until == null ? null : until.minus(RESOLUTION);
    }
}
