package ru.repitbot.homework.events;

import java.time.ZoneId;
import org.springframework.stereotype.Component;
import ru.repitbot.events.catalogue.HomeworkEvents;
import ru.repitbot.events.outbox.Outbox;
import ru.repitbot.homework.domain.Homework;

/**
 * homework-service's events (docs/domain/events.md#homework-events), written to the outbox in the transaction of the change, each with the
 * homework's version as {@code aggregate_version} (callers flush first). Times carry the student's offset.
 */
@Component
public class HomeworkEventPublisher {

    private final Outbox outbox;

    public HomeworkEventPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    public void assigned(Homework h, ZoneId zone) {
        outbox.publish(new HomeworkEvents.Assigned(h.id(), h.lessonId(), h.studentId(), h.tutorId(),
                h.description(), h.deadline().atZone(zone).toOffsetDateTime(), h.link(), h.photoFileIds().size()),
                h.version());
    }

    /**
     * {@code photo_count} counts all photos of the answer so far (photos are appended over resubmissions);
     * {@code has_document} is a Telegram document or an uploaded file.
     */
    public void submitted(Homework h, boolean hasUploadedFiles) {
        outbox.publish(new HomeworkEvents.Submitted(h.id(), h.lessonId(), h.studentId(), h.tutorId(),
                h.submissionText() != null, h.submissionPhotoFileIds().size(),
                h.submissionDocumentFileId() != null || hasUploadedFiles), h.version());
    }

    /** The student took back an answer the tutor had not checked. */
    public void withdrawn(Homework h) {
        outbox.publish(new HomeworkEvents.Withdrawn(h.id(), h.lessonId(), h.studentId(), h.tutorId()), h.version());
    }

    /** Accepted ({@code checked}, with {@code checked_at}) or returned ({@code pending}, no {@code checked_at}). */
    public void checked(Homework h, ZoneId zone) {
        outbox.publish(new HomeworkEvents.Checked(h.id(), h.lessonId(), h.studentId(), h.tutorId(), h.status(),
                h.checkedAt() == null ? null : h.checkedAt().atZone(zone).toOffsetDateTime()), h.version());
    }
}
