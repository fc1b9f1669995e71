package ru.repitbot.events.catalogue;

import java.time.OffsetDateTime;
import java.util.List;
import ru.repitbot.events.EventPayload;
import ru.repitbot.models.AttendanceStatus;
import ru.repitbot.models.LessonStatus;
import ru.repitbot.models.TopicMastery;

/**
 * Events of lesson-service (docs/domain/events.md#lesson-events). Every event names the lesson, its student
 * and its tutor, so consumers can keep per-tutor projections (balance, points, study time) without calling back.
 * A lesson's {@code date} is {@code null} only for an undated make-up lesson ({@code is_makeup = true}).
 */
public final class LessonEvents {

    private LessonEvents() {
    }

    /** A new lesson; new lessons start as {@code scheduled} and are not charged (docs/domain/lessons.md#q1-new-lessons-start-scheduled). */
    public record Created(long lessonId, long studentId, long tutorId, String topic,
            @WireDateTime OffsetDateTime date, int durationMinutes, String skillsDeveloped,
            AttendanceStatus attendanceStatus, LessonStatus lessonStatus, TopicMastery masteryLevel,
            boolean isMakeup) implements EventPayload {
        @Override
        public String aggregateId() {
            return Long.toString(lessonId);
        }
    }

    /** Changed fields of a lesson, {@code {field: {old, new}}}, typed in {@link LessonChanges}. */
    public record Updated(long lessonId, long studentId, long tutorId, LessonChanges changes)
            implements EventPayload {
        @Override
        public String aggregateId() {
            return Long.toString(lessonId);
        }
    }

    /** Attendance became {@code attended} (docs/domain/lessons.md#q4-what-lessonconducted-means); {@code duration_minutes} counts towards study time (docs/domain/lessons.md#q6-length-and-study-time). */
    public record Conducted(long lessonId, long studentId, long tutorId, @WireDateTime OffsetDateTime date,
            String topic, int durationMinutes, AttendanceStatus previousAttendanceStatus) implements EventPayload {
        @Override
        public String aggregateId() {
            return Long.toString(lessonId);
        }
    }

    /**
     * A lesson cancelled (docs/domain/lessons.md#cancelling-a-lesson). The cancelled occurrence
     * stays at its own {@code date} with its new {@code attendance_status} ({@code excused_absence},
     * {@code unexcused_absence} or {@code rescheduled}); no lesson's date changes. What moves forward is the
     * <em>topic</em>: {@code topic_moves} lists, in order, each lesson whose topic (with its homework, skills and
     * materials) passed to another lesson — the cancelled lesson's to the next {@code scheduled} lesson, that one's
     * to the next, and the last one's to a new undated make-up lesson {@code makeup_lesson_id} (its
     * {@code lesson.created} is published just before this event). The moves are one rotation: apply them all
     * together (what was on {@code from} before the event goes to {@code to}). Empty when nothing moved (the
     * lesson's topic had already moved, or it went from one cancellation status to another).
     */
    public record Cancelled(long lessonId, long studentId, long tutorId, @WireDateTime OffsetDateTime date,
            AttendanceStatus attendanceStatus, AttendanceStatus previousAttendanceStatus, String reason,
            List<TopicMove> topicMoves, Long makeupLessonId) implements EventPayload {
        @Override
        public String aggregateId() {
            return Long.toString(lessonId);
        }
    }

    /** The topic of {@code from_lesson_id} (with its homework) now belongs to {@code to_lesson_id}. */
    public record TopicMove(long fromLessonId, long toLessonId, String topic) {
    }

    /** A plain reschedule to a new date, without shifting other lessons (docs/domain/lessons.md#rescheduling-and-moving). */
    public record Rescheduled(long lessonId, long studentId, long tutorId,
            @WireDateTime OffsetDateTime originalDate, @WireDateTime OffsetDateTime newDate, String reason)
            implements EventPayload {
        @Override
        public String aggregateId() {
            return Long.toString(lessonId);
        }
    }

    /** A lesson removed; its homework goes with it. */
    public record Deleted(long lessonId, long studentId, long tutorId) implements EventPayload {
        @Override
        public String aggregateId() {
            return Long.toString(lessonId);
        }
    }
}
