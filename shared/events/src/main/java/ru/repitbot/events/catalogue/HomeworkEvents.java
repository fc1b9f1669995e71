package ru.repitbot.events.catalogue;

import java.time.OffsetDateTime;
import ru.repitbot.events.EventPayload;
import ru.repitbot.models.HomeworkStatus;

/** Events of homework-service (docs/domain/events.md#homework-events). A homework belongs to one lesson; a lesson may have several (docs/domain/homework.md#q13-several-per-lesson). */
public final class HomeworkEvents {

    private HomeworkEvents() {
    }

    /** The tutor assigned homework; {@code file_link} and {@code deadline} may be {@code null}. */
    public record Assigned(long homeworkId, long lessonId, long studentId, long tutorId, String description,
            @WireDateTime OffsetDateTime deadline, String fileLink, int photoCount) implements EventPayload {
        @Override
        public String aggregateId() {
            return Long.toString(homeworkId);
        }
    }

    /** The student handed in an answer: text, photos and/or a document. */
    public record Submitted(long homeworkId, long lessonId, long studentId, long tutorId, boolean hasText,
            int photoCount, boolean hasDocument) implements EventPayload {
        @Override
        public String aggregateId() {
            return Long.toString(homeworkId);
        }
    }

    /**
     * The student withdrew an answer the tutor had not checked yet: the homework is waiting for an answer again
     * (its status is {@code pending}, or overdue by its deadline).
     */
    public record Withdrawn(long homeworkId, long lessonId, long studentId, long tutorId) implements EventPayload {
        @Override
        public String aggregateId() {
            return Long.toString(homeworkId);
        }
    }

    /**
     * The tutor checked a submission: {@code status} is {@code checked} (accepted, {@code checked_at} set) or
     * {@code pending} (returned for rework, {@code checked_at} {@code null}).
     */
    public record Checked(long homeworkId, long lessonId, long studentId, long tutorId, HomeworkStatus status,
            @WireDateTime OffsetDateTime checkedAt) implements EventPayload {
        @Override
        public String aggregateId() {
            return Long.toString(homeworkId);
        }
    }
}
