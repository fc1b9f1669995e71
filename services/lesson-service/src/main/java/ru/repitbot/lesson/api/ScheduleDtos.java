package ru.repitbot.lesson.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Bodies of the weekly template endpoints. */
public final class ScheduleDtos {

    private ScheduleDtos() {
    }

    /** A weekday on the wire: {@code monday} … {@code sunday}. */
    public enum Weekday {
        MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY;

        @JsonValue
        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static Weekday fromValue(String raw) {
            if (raw != null) {
                for (Weekday day : values()) {
                    if (day.value().equals(raw.strip().toLowerCase(Locale.ROOT))) {
                        return day;
                    }
                }
            }
            throw new IllegalArgumentException("must be one of " + Arrays.stream(values()).map(Weekday::value)
                    .toList());
        }

        public DayOfWeek toDayOfWeek() {
            return DayOfWeek.valueOf(name());
        }

        public static Weekday of(DayOfWeek day) {
            return valueOf(day.name());
        }
    }

    public record Slot(
            @NotNull Weekday weekday,
            @Schema(description = "Local time HH:mm in the template's zone", example = "18:00")
            @NotNull @Pattern(regexp = "^([01]\\d|2[0-3]):[0-5]\\d$", message = "must be a time HH:mm") String time,
            @Schema(description = "15 to 600, default 60") @Min(15) @Max(600) Integer durationMinutes,
            @Schema(description = "Becomes the topic of the generated lessons") @Size(max = 500) String note) {
    }

    public record Put(
            @Schema(description = "Required for admins and services: whose template it is") @Positive Long tutorId,
            @Schema(description = "IANA zone of the slot times; default: the student's zone") @Size(max = 64)
            String timeZone,
            @NotNull @Size(max = 50) List<@NotNull @Valid Slot> slots) {
    }

    public record Template(long studentId, Long tutorId,
            String timeZone,
            @Schema(description = "The zone the slots are read in: time_zone, else the student's zone")
            String effectiveTimeZone, List<Slot> slots, OffsetDateTime updatedAt) {
    }

    /** What a materialisation did. */
    public record Materialised(int templates, int created, int skippedExisting, int skippedConflicts,
            List<Long> lessonIds) {

        public static Materialised none() {
            return new Materialised(0, 0, 0, 0, List.of());
        }

        public Materialised plus(Materialised other) {
            List<Long> ids = new java.util.ArrayList<>(lessonIds);
            ids.addAll(other.lessonIds);
            return new Materialised(templates + other.templates, created + other.created,
                    skippedExisting + other.skippedExisting, skippedConflicts + other.skippedConflicts,
                    List.copyOf(ids));
        }
    }
}
