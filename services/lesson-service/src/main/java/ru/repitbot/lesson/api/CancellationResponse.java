package ru.repitbot.lesson.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The result of a cancellation: the cancelled lesson (at its own date, with its cancellation status), where each
 * topic went, and the new undated make-up lesson that took the last topic ({@code null} when no topic moved).
 */
public record CancellationResponse(LessonResponse lesson,
        @Schema(description = "In chain order: the cancelled lesson's topic first; empty when no topic moved")
        List<TopicMove> topicMoves,
        @Schema(description = "The new undated make-up lesson holding the last topic, or null") Long makeupLessonId) {

    /** The topic of {@code from_lesson_id} (with its homework) now belongs to {@code to_lesson_id}. */
    public record TopicMove(long fromLessonId, long toLessonId, String topic) {
    }
}
