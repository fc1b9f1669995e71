package ru.repitbot.scheduler.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * The reminder moments one run of a reminder job is responsible for: those in ({@code from}, {@code to}].
 * Consecutive runs cover time without gaps or overlaps — each starts where the last finished one stopped — so an
 * hourly-phase miss like the old bot's ±5-minute windows cannot happen, and after
 * downtime the first run covers all of it. docs/domain/notifications.md#reminders
 */
public record ReminderWindow(Instant from, Instant to) {

    public ReminderWindow {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("a window ends after it starts: " + from + " > " + to);
        }
    }

    /**
     * The window of a run at {@code now} after the last one covered up to {@code coveredUntil} ({@code null} on the
     * very first run). It reaches back at most {@code longestLead}: a moment older than that belongs to a lesson or
     * deadline that has already passed, which would be dropped anyway.
     */
    public static ReminderWindow after(Instant coveredUntil, Instant now, Duration longestLead) {
        Instant horizon = now.minus(longestLead);
        Instant from = coveredUntil == null || coveredUntil.isBefore(horizon) ? horizon : coveredUntil;
        return new ReminderWindow(from.isAfter(now) ? now : from, now);
    }

    public boolean contains(Instant moment) {
        return moment.isAfter(from) && !moment.isAfter(to);
    }

    /**
     * Which lesson starts (or deadlines) a query must fetch for reminders of this lead: those whose moment
     * {@code at − lead} lies in the window, i.e. {@code at} in ({@code from + lead}, {@code to + lead}].
     */
    public ReminderWindow targetsFor(Duration lead) {
        return new ReminderWindow(from.plus(lead), to.plus(lead));
    }

    public boolean isEmpty() {
        return from.equals(to);
    }
}
