package ru.repitbot.lesson.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The result of a cancellation with topic shift: the cancelled lesson (now in its next slot, or in place when
 * nothing followed it), every lesson moved, and the lesson that became an undated make-up lesson.
 */
public record CancellationResponse(LessonResponse lesson, List<ShiftedLesson> shifted,
        @JsonInclude(JsonInclude.Include.ALWAYS) Long makeupLessonId) {

    /** One moved lesson; {@code new_start_at} is null for the one that became a make-up lesson. */
    public record ShiftedLesson(long lessonId, OffsetDateTime oldStartAt,
            @JsonInclude(JsonInclude.Include.ALWAYS) OffsetDateTime newStartAt) {
    }
}
