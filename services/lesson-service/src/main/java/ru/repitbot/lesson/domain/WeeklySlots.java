package ru.repitbot.lesson.domain;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

/**
 * The slots of a weekly template must not overlap, on the week's circle: a Sunday 23:30 slot of 60 minutes runs
 * into Monday 00:30. Touching slots are fine.
 */
public final class WeeklySlots {

    static final int MINUTES_PER_WEEK = 7 * 24 * 60;

    private WeeklySlots() {
    }

    /** One slot of the template; {@code note} is optional. */
    public record Slot(DayOfWeek weekday, LocalTime time, int durationMinutes, String note) {

        int startOfWeek() {
            return (weekday.getValue() - 1) * 24 * 60 + time.getHour() * 60 + time.getMinute();
        }
    }

    /** Two overlapping slots, by their positions in the list. */
    public record Clash(int first, int second) {
    }

    public static Optional<Clash> firstOverlap(List<Slot> slots) {
        for (int i = 0; i < slots.size(); i++) {
            for (int j = i + 1; j < slots.size(); j++) {
                if (overlap(slots.get(i), slots.get(j))) {
                    return Optional.of(new Clash(i, j));
                }
            }
        }
        return Optional.empty();
    }

    static boolean overlap(Slot a, Slot b) {
        int aStart = a.startOfWeek();
        int bStart = b.startOfWeek();
        return intersects(aStart, a.durationMinutes(), bStart, b.durationMinutes())
                || intersects(aStart + MINUTES_PER_WEEK, a.durationMinutes(), bStart, b.durationMinutes())
                || intersects(aStart, a.durationMinutes(), bStart + MINUTES_PER_WEEK, b.durationMinutes());
    }

    private static boolean intersects(int aStart, int aLength, int bStart, int bLength) {
        return aStart < bStart + bLength && bStart < aStart + aLength;
    }
}
