package ru.repitbot.notification.events;

import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;
import ru.repitbot.events.EventEnvelope;
import ru.repitbot.events.catalogue.HomeworkEvents;
import ru.repitbot.models.HomeworkStatus;
import ru.repitbot.notification.app.Notices;
import ru.repitbot.notification.db.OutgoingMessages;
import ru.repitbot.notification.domain.NoticeText;
import ru.repitbot.notification.domain.NoticeKind;
import ru.repitbot.notification.domain.Occasion;
import ru.repitbot.notification.domain.WhoIsTold;

/**
 * Homework events (docs/domain/notifications.md#who-is-told): the student hears of an assignment and of the check
 * (accepted or returned), the tutor of a submission — which also cancels the deadline reminder still queued for that
 * homework (docs/domain/notifications.md#reminders).
 */
@Component
public class HomeworkNotices {

    private final Notices notices;
    private final OutgoingMessages queue;

    public HomeworkNotices(Notices notices, OutgoingMessages queue) {
        this.notices = notices;
        this.queue = queue;
    }

    public void onAssigned(HomeworkEvents.Assigned assigned, EventEnvelope envelope) {
        Instant deadline = LessonNotices.instant(assigned.deadline());
        notices.tell(WhoIsTold.about(Occasion.HOMEWORK_ASSIGNED,
                        notices.family(assigned.studentId(), assigned.tutorId())),
                LessonNotices.key(envelope), Notices.actor(envelope.userId()), assigned.tutorId(),
                new Notices.Subject("homework", assigned.homeworkId(), deadline), null,
                (addressee, reader) -> List.of(NoticeText.homeworkAssigned(assigned.description(), deadline,
                        reader.zone())));
    }

    public void onSubmitted(HomeworkEvents.Submitted submitted, EventEnvelope envelope) {
        queue.cancelQueuedAbout("homework", submitted.homeworkId(), List.of(NoticeKind.HOMEWORK_DEADLINE.value()),
                "homework submitted");
        String student = notices.name(submitted.studentId());
        notices.tell(WhoIsTold.about(Occasion.HOMEWORK_SUBMITTED,
                        notices.family(submitted.studentId(), submitted.tutorId())),
                LessonNotices.key(envelope), Notices.actor(envelope.userId()), submitted.tutorId(),
                new Notices.Subject("homework", submitted.homeworkId(), null), null,
                (addressee, reader) -> List.of(NoticeText.homeworkSubmitted(student)));
    }

    public void onChecked(HomeworkEvents.Checked checked, EventEnvelope envelope) {
        boolean accepted = checked.status() == HomeworkStatus.CHECKED;
        notices.tell(WhoIsTold.about(Occasion.ofHomeworkCheck(accepted),
                        notices.family(checked.studentId(), checked.tutorId())),
                LessonNotices.key(envelope), Notices.actor(envelope.userId()), checked.tutorId(),
                new Notices.Subject("homework", checked.homeworkId(), null), null,
                (addressee, reader) -> List.of(NoticeText.homeworkChecked(accepted)));
    }
}
