package ru.repitbot.homework.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import ru.repitbot.models.errors.InvalidFieldException;
import ru.repitbot.models.time.DateTimeInput;

/**
 * A new deadline: typed as every date of the API is ({@link DateTimeInput#endOf}: a date-time, or a date meaning the
 * end of that day in the student's zone — "due on the 10th" includes the 10th), and it must lie in the future and at
 * most {@link #MAX_AHEAD} ahead.
 */
public final class DeadlineInput {

    public static final Duration MAX_AHEAD = Duration.ofDays(5 * 366);

    private DeadlineInput() {
    }

    /** Parses {@code raw}; the result must be after {@code now} and not absurdly far ahead. */
    public static Instant parseFuture(String field, String raw, ZoneId zone, Instant now) {
        Instant deadline = DateTimeInput.endOf(field, raw, zone);
        if (!deadline.isAfter(now)) {
            throw new InvalidFieldException(field, "must be in the future");
        }
        if (deadline.isAfter(now.plus(MAX_AHEAD))) {
            throw new InvalidFieldException(field, "must be at most 5 years ahead");
        }
        return deadline;
    }
}
