package ru.repitbot.notification.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * A person's quiet hours, in wall-clock time of their own zone (docs/domain/README.md#q15-time-zones): from {@code start} up to (not including)
 * {@code end}, spanning midnight when {@code start} is after {@code end} (22:00–08:00). {@code start == end} means
 * none. docs/domain/notifications.md#quiet-hours
 */
public record QuietHours(LocalTime start, LocalTime end) {

    /** The default: nights are quiet, 22:00–08:00. */
    public static final QuietHours NIGHT = new QuietHours(LocalTime.of(22, 0), LocalTime.of(8, 0));
    public static final QuietHours NONE = new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);

    public QuietHours {
        if (start == null || end == null) {
            throw new IllegalArgumentException("quiet hours need a start and an end");
        }
    }

    public boolean isNone() {
        return start.equals(end);
    }

    /** Whether {@code moment} falls in the quiet hours as the person's clock shows it. */
    public boolean isQuietAt(Instant moment, ZoneId zone) {
        if (isNone()) {
            return false;
        }
        LocalTime time = moment.atZone(zone).toLocalTime();
        return spansMidnight()
                ? !time.isBefore(start) || time.isBefore(end)
                : !time.isBefore(start) && time.isBefore(end);
    }

    /**
     * When a message that is not urgent may go out: {@code now} outside the quiet hours, otherwise the next time the
     * person's clock shows {@code end}. Computed on wall-clock dates, so a night with a daylight-saving change is
     * still quiet until 08:00 local (7 or 9 real hours after 23:00). An {@code end} that a spring change skips
     * (02:30 on that night) is read as the first moment after the gap, {@link ZonedDateTime#of}'s rule — or,
     * should that moment be quiet again (a window of almost a whole day), the end of that stretch.
     */
    public Instant releaseAt(Instant now, ZoneId zone) {
        Instant release = now;
        // Twice at most: only an end pushed by a gap into the next quiet stretch needs a second step.
        for (int step = 0; step < 3 && isQuietAt(release, zone); step++) {
            ZonedDateTime local = release.atZone(zone);
            LocalDate endDay = local.toLocalTime().isBefore(end) ? local.toLocalDate()
                    : local.toLocalDate().plusDays(1);
            release = ZonedDateTime.of(endDay, end, zone).toInstant();
        }
        return release;
    }

    private boolean spansMidnight() {
        return start.isAfter(end);
    }
}
