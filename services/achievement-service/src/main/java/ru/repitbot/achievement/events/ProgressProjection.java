package ru.repitbot.achievement.events;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.springframework.stereotype.Component;
import ru.repitbot.achievement.app.ProgressUpdates;
import ru.repitbot.achievement.domain.LessonFacts;
import ru.repitbot.events.EventEnvelope;
import ru.repitbot.events.catalogue.HomeworkEvents;
import ru.repitbot.events.catalogue.LessonChanges;
import ru.repitbot.events.catalogue.LessonEvents;
import ru.repitbot.models.AttendanceStatus;
import ru.repitbot.models.HomeworkStatus;
import ru.repitbot.models.TopicMastery;

/**
 * Turns lesson and homework events into the facts {@link ProgressUpdates} applies. Each handler runs inside the inbox
 * transaction (a redelivered event is recorded and skipped before it gets here); the lesson's version
 * ({@code aggregate_version}) decides which facts an event still sets, so order does not matter.
 */
@Component
public class ProgressProjection {

    private final ProgressUpdates updates;

    public ProgressProjection(ProgressUpdates updates) {
        this.updates = updates;
    }

    public void onLessonCreated(LessonEvents.Created c, EventEnvelope event) {
        LessonFacts facts = LessonFacts.none()
                .withAttendance(c.attendanceStatus() == null ? AttendanceStatus.SCHEDULED : c.attendanceStatus())
                .withDate(instant(c.date())).withDuration(c.durationMinutes());
        if (c.masteryLevel() == TopicMastery.MASTERED) {
            facts = facts.withMastered();
        }
        updates.lesson(c.lessonId(), c.tutorId(), c.studentId(), facts, event.aggregateVersion(), event);
    }

    public void onLessonUpdated(LessonEvents.Updated u, EventEnvelope event) {
        LessonChanges changes = u.changes() == null ? LessonChanges.NONE : u.changes();
        LessonFacts facts = LessonFacts.none();
        if (changes.attendanceStatus() != null) {
            facts = facts.withAttendance(changes.attendanceStatus().newValue());
        }
        if (changes.date() != null) {
            facts = facts.withDate(instant(changes.date().newValue()));
        }
        if (changes.durationMinutes() != null && changes.durationMinutes().newValue() != null) {
            facts = facts.withDuration(changes.durationMinutes().newValue());
        }
        if (changes.masteryLevel() != null && changes.masteryLevel().newValue() == TopicMastery.MASTERED) {
            facts = facts.withMastered();
        }
        updates.lesson(u.lessonId(), u.tutorId(), u.studentId(), facts, event.aggregateVersion(), event);
    }

    public void onLessonConducted(LessonEvents.Conducted c, EventEnvelope event) {
        LessonFacts facts = LessonFacts.none().withAttendance(AttendanceStatus.ATTENDED)
                .withDuration(c.durationMinutes());
        if (c.date() != null) {
            facts = facts.withDate(instant(c.date()));
        }
        updates.lesson(c.lessonId(), c.tutorId(), c.studentId(), facts, event.aggregateVersion(), event);
    }

    public void onLessonCancelled(LessonEvents.Cancelled c, EventEnvelope event) {
        updates.lesson(c.lessonId(), c.tutorId(), c.studentId(), LessonFacts.none().withAttendance(c.attendanceStatus()),
                event.aggregateVersion(), event);
    }

    public void onLessonRescheduled(LessonEvents.Rescheduled r, EventEnvelope event) {
        updates.lesson(r.lessonId(), r.tutorId(), r.studentId(), LessonFacts.none().withDate(instant(r.newDate())),
                event.aggregateVersion(), event);
    }

    public void onLessonDeleted(LessonEvents.Deleted d, EventEnvelope event) {
        updates.lesson(d.lessonId(), d.tutorId(), d.studentId(), LessonFacts.deletion(), event.aggregateVersion(),
                event);
    }

    /** Only an acceptance counts (docs/domain/achievements.md#points); a return for rework changes nothing here. */
    public void onHomeworkChecked(HomeworkEvents.Checked c, EventEnvelope event) {
        if (c.status() == HomeworkStatus.CHECKED) {
            updates.homeworkAccepted(c.homeworkId(), c.lessonId(), c.studentId(), c.tutorId(),
                    event.aggregateVersion(), event);
        }
    }

    private static Instant instant(OffsetDateTime dateTime) {
        return dateTime == null ? null : dateTime.toInstant();
    }
}
