package ru.repitbot.bot.flows.tutor.lessons;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import ru.repitbot.bot.gateway.GatewayProblem;
import ru.repitbot.models.AttendanceStatus;
import ru.repitbot.models.LessonStatus;
import ru.repitbot.models.TopicMastery;

/** What lesson-service answers (its README and {@code LessonResponse}/{@code CancellationResponse}), as the bot reads it. */
public final class LessonData {

    /** lesson-service's default length. */
    static final int DEFAULT_MINUTES = 60;

    private LessonData() {
    }

    /** A lesson with everything the card shows; {@code startAt} is null only for an undated make-up. */
    public record FullLesson(long id, long tutorId, long studentId, String topic, OffsetDateTime startAt,
            OffsetDateTime endAt, Integer durationMinutes, String timeZone, String skillsDeveloped,
            TopicMastery masteryLevel, String masteryComment, AttendanceStatus attendanceStatus,
            LessonStatus lessonStatus, Boolean charged, OffsetDateTime originalStartAt, Boolean isRescheduled,
            Boolean isMakeup, Long topicMovedToLessonId, String cancellationReason, String rescheduleReason,
            Long version) {

        /** Fields a partial answer leaves out read as a new lesson's (60 minutes, not charged, not moved). */
        public FullLesson {
            topic = topic == null ? "" : topic;
            durationMinutes = durationMinutes == null ? DEFAULT_MINUTES : durationMinutes;
            charged = charged != null && charged;
            isRescheduled = isRescheduled != null && isRescheduled;
            isMakeup = isMakeup != null && isMakeup;
            version = version == null ? 0 : version;
        }

        public boolean dated() {
            return startAt != null;
        }

        /** An undated make-up: no attendance, no cancellation until it has a date (the API answers 409). */
        public boolean undatedMakeup() {
            return startAt == null;
        }

        public AttendanceStatus attendance() {
            return attendanceStatus == null ? AttendanceStatus.SCHEDULED : attendanceStatus;
        }

        public boolean cancelled() {
            return LessonCodes.isCancellation(attendance());
        }
    }

    /** {@code POST /lessons/{id}/cancel}: the cancelled lesson, where each topic went, the new make-up. */
    public record Cancellation(FullLesson lesson, List<TopicMove> topicMoves, Long makeupLessonId) {
        public Cancellation {
            topicMoves = topicMoves == null ? List.of() : List.copyOf(topicMoves);
        }
    }

    /** The topic of {@code fromLessonId} (with its homework) now belongs to {@code toLessonId}. */
    public record TopicMove(long fromLessonId, long toLessonId, String topic) {
    }

    /** The tutor's lesson that a new time overlaps (a 409 {@code lesson-overlap} names it). */
    public record Overlap(long lessonId, OffsetDateTime startAt) {

        /** The overlap a problem names; empty for any other problem (another 409 says something else). */
        public static Optional<Overlap> of(GatewayProblem problem) {
            if (!problem.isConflict()) {
                return Optional.empty();
            }
            Optional<String> id = problem.property("conflicting_lesson_id");
            if (id.isEmpty()) {
                return Optional.empty();
            }
            try {
                OffsetDateTime start = problem.property("conflicting_start_at").map(OffsetDateTime::parse).orElse(null);
                return Optional.of(new Overlap(Long.parseLong(id.get().strip()), start));
            } catch (NumberFormatException | DateTimeException e) {
                return Optional.empty();
            }
        }
    }
}
