package ru.repitbot.lesson.api;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import ru.repitbot.models.AttendanceStatus;
import ru.repitbot.models.LessonStatus;
import ru.repitbot.models.TopicMastery;

/** Request bodies of the lesson endpoints. Unknown fields are ignored; times are parsed by the service. */
public final class LessonRequests {

    public static final String START_AT_DOC = "ISO-8601 with offset (2025-03-03T18:00:00+03:00 or …Z), or a local "
            + "date-time (2025-03-03T18:00) read in the student's time zone";

    private LessonRequests() {
    }

    public record Create(
            @NotNull @Positive Long studentId,
            @Schema(description = "Required for admins and services; a tutor creates lessons for themselves")
            @Positive Long tutorId,
            @NotBlank @Size(max = 500) String topic,
            @Schema(description = START_AT_DOC, example = "2025-03-03T18:00:00+03:00")
            @NotBlank @Size(max = 64) String startAt,
            @Schema(description = "Default 60") @Min(15) @Max(600) Integer durationMinutes,
            @Size(max = 2000) String skillsDeveloped) {
    }

    /** Absent (or null) fields stay as they are; an empty {@code skills_developed} clears it. */
    public record Update(
            @Size(min = 1, max = 500) String topic,
            @Schema(description = START_AT_DOC) @Size(max = 64) String startAt,
            @Min(15) @Max(600) Integer durationMinutes,
            @Size(max = 2000) String skillsDeveloped,
            LessonStatus lessonStatus) {
    }

    public record Attendance(@NotNull AttendanceStatus status) {
    }

    public record Cancel(
            @Schema(description = "excused_absence (default), unexcused_absence or rescheduled")
            AttendanceStatus attendanceStatus,
            @Size(max = 1000) String reason) {
    }

    public record Reschedule(
            @Schema(description = START_AT_DOC + "; must be in the future") @NotBlank @Size(max = 64) String startAt,
            @Size(max = 1000) String reason) {
    }

    public record Mastery(@NotNull TopicMastery level,
            @Schema(description = "Replaces the previous comment; null clears it") @Size(max = 2000) String comment) {
    }
}
