package ru.repitbot.achievement.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Streaks (docs/domain/achievements.md#streaks): days in a row with an attended lesson. "The day" of a lesson is the
 * calendar day of its start in the student's zone — the lesson's day, not the day the tutor marked it, so the streak
 * is a function of the lessons as they are and comes out the same whatever order the events arrive in, and again at a
 * rebuild. Two lessons on one day are one day; a day without an attended lesson ends the run.
 */
public final class StreakRule {

    private StreakRule() {
    }

    /** The calendar days, in {@code zone}, of these lesson starts ({@code null}s — undated lessons — skipped). */
    public static NavigableSet<LocalDate> days(Collection<Instant> starts, ZoneId zone) {
        NavigableSet<LocalDate> days = new TreeSet<>();
        starts.stream().filter(Objects::nonNull).forEach(start -> days.add(start.atZone(zone).toLocalDate()));
        return days;
    }

    /** The longest run of consecutive days (what the streak tiers are awarded on). */
    public static int longest(NavigableSet<LocalDate> days) {
        int best = 0;
        int run = 0;
        LocalDate previous = null;
        for (LocalDate day : days) {
            run = previous != null && previous.plusDays(1).equals(day) ? run + 1 : 1;
            best = Math.max(best, run);
            previous = day;
        }
        return best;
    }

    /**
     * The streak as the student sees it on {@code today} (their zone): the run ending today, or yesterday when
     * today has no attended lesson yet; 0 when the last attended day is older. Days after today do not count.
     */
    public static int current(NavigableSet<LocalDate> days, LocalDate today) {
        LocalDate last = days.floor(today);
        if (last == null || last.isBefore(today.minusDays(1))) {
            return 0;
        }
        int run = 0;
        for (LocalDate day = last; days.contains(day); day = day.minusDays(1)) {
            run++;
        }
        return run;
    }
}
