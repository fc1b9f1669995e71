package ru.repitbot.lesson.events;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.springframework.stereotype.Component;
import ru.repitbot.events.catalogue.LessonChanges;
import ru.repitbot.events.catalogue.LessonEvents;
import ru.repitbot.events.outbox.Outbox;
import ru.repitbot.lesson.domain.Cancellation;
import ru.repitbot.lesson.domain.Lesson;
import ru.repitbot.models.AttendanceStatus;

/**
 * lesson-service's events (docs/domain/events.md#lesson-events), written to the outbox in the transaction of the change. Each carries the
 * lesson's version as {@code aggregate_version}; callers flush first, so it is the version the change produced.
 * Dates are expressed in the student's time zone (with its offset).
 */
@Component
public class LessonEventPublisher {

    private final Outbox outbox;

    public LessonEventPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    public void created(Lesson l, ZoneId zone) {
        outbox.publish(new LessonEvents.Created(l.id(), l.studentId(), l.tutorId(), l.topic(),
                at(l.startAt(), zone), l.durationMinutes(), l.skillsDeveloped(), l.attendanceStatus(),
                l.lessonStatus(), l.masteryLevel(), l.isMakeup()), l.version());
    }

    /** The changes {@code l}'s intent methods returned; nothing is published for an empty change set. */
    public void updated(Lesson l, LessonChanges changes) {
        if (changes.isEmpty()) {
            return;
        }
        outbox.publish(new LessonEvents.Updated(l.id(), l.studentId(), l.tutorId(), changes), l.version());
    }

    /** An event {@code l}'s intent method made, with the version the change produced. */
    public void publish(LessonEvents.Rescheduled event, Lesson l) {
        outbox.publish(event, l.version());
    }

    public void conducted(Lesson l, AttendanceStatus previous, ZoneId zone) {
        outbox.publish(new LessonEvents.Conducted(l.id(), l.studentId(), l.tutorId(), at(l.startAt(), zone),
                l.topic(), l.durationMinutes(), previous), l.version());
    }

    /**
     * A cancellation as the lesson decided it: the new make-up lesson's {@code lesson.created}, each receiver's
     * {@code lesson.updated} in chain order, then {@code lesson.cancelled} with the topic moves.
     */
    public void publish(Cancellation cancellation, ZoneId zone) {
        cancellation.makeupLesson().ifPresent(makeup -> created(makeup, zone));
        cancellation.handovers().forEach(h -> updated(h.receiver(), h.changes()));
        outbox.publish(cancellation.event(), cancellation.lesson().version());
    }

    /** A deletion is one version past the last state, so it is never taken for a stale event. */
    public void deleted(Lesson l) {
        outbox.publish(new LessonEvents.Deleted(l.id(), l.studentId(), l.tutorId()), l.version() + 1);
    }

    public static OffsetDateTime at(Instant instant, ZoneId zone) {
        return Lesson.at(instant, zone);
    }
}
