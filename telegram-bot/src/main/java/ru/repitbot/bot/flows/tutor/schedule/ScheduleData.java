package ru.repitbot.bot.flows.tutor.schedule;

import java.time.DayOfWeek;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The weekly template as lesson-service shows and takes it ({@code ScheduleDtos}). */
public final class ScheduleData {

    private ScheduleData() {
    }

    /** {@code GET /schedules/{studentId}}: empty {@code slots} when none is set. */
    public record Template(long studentId, Long tutorId, String timeZone, String effectiveTimeZone, List<Slot> slots,
            OffsetDateTime updatedAt) {
        public Template {
            slots = slots == null ? List.of() : List.copyOf(slots);
        }

        /** The slots by weekday and time. */
        public List<Slot> ordered() {
            return slots.stream().sorted(Comparator.comparing(Slot::day).thenComparing(Slot::time)).toList();
        }
    }

    /** One weekly slot: {@code monday}…{@code sunday}, {@code HH:mm}, 15–600 minutes, an optional note (the topic). */
    public record Slot(String weekday, String time, Integer durationMinutes, String note) {

        public DayOfWeek day() {
            return DayOfWeek.valueOf(weekday.toUpperCase(Locale.ROOT));
        }

        /** "1830": the time in callback data. */
        public String compactTime() {
            return time.replace(":", "");
        }

        public static String weekday(DayOfWeek day) {
            return day.name().toLowerCase(Locale.ROOT);
        }
    }

    /** The body of {@code PUT /schedules/{studentId}}; a null zone is left out (the student's zone). */
    public record Put(String timeZone, List<Slot> slots) {
    }

    /** What materialising did. */
    public record Materialised(int templates, int created, int skippedExisting, int skippedConflicts,
            List<Long> lessonIds) {
    }
}
