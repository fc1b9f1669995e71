package ru.repitbot.homework.domain;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import ru.repitbot.models.errors.InvalidFieldException;

/**
 * How a deadline may be typed: an ISO-8601 date-time with offset ({@code 2025-03-10T18:00:00+02:00}), a local
 * date-time in the student's zone ({@code 2025-03-10T18:00}), or a date alone ({@code 2025-03-10} or the bot's
 * {@code 10.03.2025}), which means the end of that day in the student's zone — "due on the 10th" includes the 10th.
 * A new deadline must lie in the future and at most {@link #MAX_AHEAD} ahead.
 */
public final class DeadlineInput {

    public static final Duration MAX_AHEAD = Duration.ofDays(5 * 366);
    private static final DateTimeFormatter RUSSIAN_DATE = DateTimeFormatter.ofPattern("dd.MM.uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final String FORMAT = "must be an ISO-8601 date-time (2025-03-10T18:00:00+02:00), a local "
            + "date-time (2025-03-10T18:00) or a date (2025-03-10)";

    private DeadlineInput() {
    }

    /** Parses {@code raw} as typed by a user; local values are read in {@code zone}. */
    public static Instant parse(String field, String raw, ZoneId zone) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidFieldException(field, "is required");
        }
        String text = raw.strip();
        if (text.length() > 40) {
            throw new InvalidFieldException(field, FORMAT);
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
            return endOfDay(LocalDate.parse(text), zone);
        } catch (DateTimeException ignored) {
            // not an ISO date
        }
        try {
            return endOfDay(LocalDate.parse(text, RUSSIAN_DATE), zone);
        } catch (DateTimeException e) {
            throw new InvalidFieldException(field, FORMAT);
        }
    }

    /** As {@link #parse}, and the result must be after {@code now} and not absurdly far ahead. */
    public static Instant parseFuture(String field, String raw, ZoneId zone, Instant now) {
        Instant deadline = parse(field, raw, zone);
        if (!deadline.isAfter(now)) {
            throw new InvalidFieldException(field, "must be in the future");
        }
        if (deadline.isAfter(now.plus(MAX_AHEAD))) {
            throw new InvalidFieldException(field, "must be at most 5 years ahead");
        }
        return deadline;
    }

    private static Instant endOfDay(LocalDate date, ZoneId zone) {
        return date.atTime(LocalTime.of(23, 59, 59)).atZone(zone).toInstant();
    }
}
