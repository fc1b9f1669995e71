package ru.repitbot.lesson.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which lessons a weekly template asks for in the next weeks (docs/domain/schedule.md#materialisation). Slot times are wall-clock times in the
 * template's zone, so a Monday 18:00 slot stays 18:00 local across a daylight-saving change (its UTC instant moves).
 * A wall time that does not exist (the spring-forward gap) moves forward by the gap's length; an ambiguous one (the
 * autumn overlap) takes the earlier offset — {@link ZonedDateTime#of}'s rules.
 */
public final class TemplateMaterialisation {

    /** Topic of a generated lesson whose slot has no note. */
    public static final String DEFAULT_TOPIC = "Урок по расписанию";

    private TemplateMaterialisation() {
    }

    /** A lesson the template asks for. */
    public record Occurrence(Instant start, int durationMinutes, String topic) {
    }

    /**
     * Occurrences that start after {@code now} and before {@code now + weeks}, in time order.
     *
     * @param weeks how many weeks ahead, at least 1
     */
    public static List<Occurrence> occurrences(List<WeeklySlots.Slot> slots, ZoneId zone, Instant now, int weeks) {
        if (weeks < 1) {
            throw new IllegalArgumentException("weeks must be at least 1");
        }
        Instant until = now.plus(Duration.ofDays(7L * weeks));
        LocalDate first = now.atZone(zone).toLocalDate();
        LocalDate last = until.atZone(zone).toLocalDate();
        List<Occurrence> result = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            for (WeeklySlots.Slot slot : slots) {
                if (slot.weekday() != day.getDayOfWeek()) {
                    continue;
                }
                Instant start = ZonedDateTime.of(day, slot.time(), zone).toInstant();
                if (start.isAfter(now) && start.isBefore(until)) {
                    result.add(new Occurrence(start, slot.durationMinutes(), topicOf(slot)));
                }
            }
        }
        result.sort(Comparator.comparing(Occurrence::start));
        return List.copyOf(result);
    }

    static String topicOf(WeeklySlots.Slot slot) {
        return slot.note() == null || slot.note().isBlank() ? DEFAULT_TOPIC : slot.note().strip();
    }
}
