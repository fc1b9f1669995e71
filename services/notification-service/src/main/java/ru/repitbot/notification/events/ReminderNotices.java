package ru.repitbot.notification.events;

import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import ru.repitbot.events.EventEnvelope;
import ru.repitbot.events.catalogue.SchedulerEvents;
import ru.repitbot.notification.app.Notices;
import ru.repitbot.notification.domain.NoticeKind;
import ru.repitbot.notification.domain.Occasion;
import ru.repitbot.notification.domain.ReminderText;
import ru.repitbot.notification.domain.WhoIsTold;

/**
 * The scheduler's {@code reminder.due} (docs/domain/notifications.md#reminders): a lesson reminder to the student and
 * every parent (it expires at the lesson's start, so one held by quiet hours is never sent after the lesson began),
 * a homework deadline reminder to the student. The reminder's own key makes it once per recipient, however often
 * the scheduler asks.
 */
@Component
public class ReminderNotices {

    private static final Logger log = LoggerFactory.getLogger(ReminderNotices.class);

    private final Notices notices;

    public ReminderNotices(Notices notices) {
        this.notices = notices;
    }

    public void onReminderDue(SchedulerEvents.ReminderDue due, EventEnvelope envelope) {
        NoticeKind kind;
        try {
            kind = NoticeKind.fromValue(due.kind());
        } catch (IllegalArgumentException e) {
            log.warn("reminder.due {} of unknown kind {} ignored", envelope.eventId(), due.kind());
            return;
        }
        Instant at = due.at() == null ? null : due.at().toInstant();
        String key = due.idempotencyKey() == null || due.idempotencyKey().isBlank() ? LessonNotices.key(envelope)
                : due.idempotencyKey();
        switch (kind) {
            case LESSON_REMINDER_24H, LESSON_REMINDER_1H -> {
                if (at == null) {
                    return;
                }
                Occasion occasion = kind == NoticeKind.LESSON_REMINDER_24H ? Occasion.LESSON_REMINDER_24H
                        : Occasion.LESSON_REMINDER_1H;
                String student = notices.name(due.studentId());
                notices.tell(WhoIsTold.about(occasion, notices.family(due.studentId(), due.tutorId())), key, null,
                        due.tutorId(), new Notices.Subject("lesson", due.targetId(), at), at,
                        (addressee, reader) -> List.of(ReminderText.lesson(kind, addressee.audience(), at,
                                due.topic(), student, reader.zone())));
            }
            case HOMEWORK_DEADLINE -> {
                if (at == null) {
                    return;
                }
                notices.tell(WhoIsTold.about(Occasion.HOMEWORK_DEADLINE, notices.family(due.studentId(),
                                due.tutorId())), key, null, due.tutorId(),
                        new Notices.Subject("homework", due.targetId(), at), at,
                        (addressee, reader) -> List.of(ReminderText.homeworkDeadline(at, due.topic(),
                                due.description(), reader.zone())));
            }
            default -> log.warn("reminder.due {} of kind {} is not a reminder; ignored", envelope.eventId(), kind);
        }
    }
}
