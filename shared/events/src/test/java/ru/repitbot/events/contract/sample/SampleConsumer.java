package ru.repitbot.events.contract.sample;

import java.time.Instant;
import ru.repitbot.events.EventEnvelope;
import ru.repitbot.events.EventSubscription;
import ru.repitbot.events.catalogue.LessonEvents;
import ru.repitbot.models.AttendanceStatus;

/** A consumer as services write them, for the tests of what {@code ConsumerReads} finds. */
public class SampleConsumer {

    public EventSubscription<LessonEvents.Updated> onUpdated() {
        return EventSubscription.on(LessonEvents.Updated.class, this::updated);
    }

    public EventSubscription<LessonEvents.Cancelled> onCancelled() {
        return EventSubscription.on(LessonEvents.Cancelled.class, this::cancelled);
    }

    void updated(LessonEvents.Updated updated, EventEnvelope envelope) {
        AttendanceStatus status = updated.changes().attendanceStatus() == null ? null
                : updated.changes().attendanceStatus().newValue();
        record(updated.lessonId(), status, null);
    }

    void cancelled(LessonEvents.Cancelled cancelled, EventEnvelope envelope) {
        cancelled.topicMoves().stream().map(LessonEvents.TopicMove::toLessonId).forEach(id -> record(id, null, null));
    }

    private void record(long lessonId, AttendanceStatus status, Instant at) {
    }
}
