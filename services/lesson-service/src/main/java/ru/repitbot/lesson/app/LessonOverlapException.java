package ru.repitbot.lesson.app;

import java.time.OffsetDateTime;
import ru.repitbot.models.errors.ConflictException;

/** The tutor already has a lesson at that time; answered 409 naming it ({@code conflicting_lesson_id}). */
public class LessonOverlapException extends ConflictException {

    private final long conflictingLessonId;
    private final OffsetDateTime conflictingStartAt;

    public LessonOverlapException(long conflictingLessonId, OffsetDateTime conflictingStartAt) {
        super("The tutor already has lesson " + conflictingLessonId + " at that time (starting "
                + conflictingStartAt + ")");
        this.conflictingLessonId = conflictingLessonId;
        this.conflictingStartAt = conflictingStartAt;
    }

    public long conflictingLessonId() {
        return conflictingLessonId;
    }

    public OffsetDateTime conflictingStartAt() {
        return conflictingStartAt;
    }
}
