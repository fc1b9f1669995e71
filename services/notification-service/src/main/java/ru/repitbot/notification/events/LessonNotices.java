package ru.repitbot.notification.events;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.stereotype.Component;
import ru.repitbot.events.EventEnvelope;
import ru.repitbot.events.catalogue.LessonEvents;
import ru.repitbot.models.AttendanceStatus;
import ru.repitbot.notification.app.Notices;
import ru.repitbot.notification.db.OutgoingMessages;
import ru.repitbot.notification.db.ReportsDue;
import ru.repitbot.notification.domain.LessonReport;
import ru.repitbot.notification.domain.NoticeText;
import ru.repitbot.notification.domain.NoticeKind;
import ru.repitbot.notification.domain.Occasion;
import ru.repitbot.notification.domain.WhoIsTold;

/**
 * Lesson events → notices to the student and every parent (docs/domain/notifications.md#who-is-told): a new lesson
 * when it is news, a reschedule, a cancellation when it is news; a moved, cancelled or deleted lesson's reminders
 * still queued are cancelled (docs/domain/notifications.md#reminders); a mark (attended, unexcused absence) makes
 * the parents' report due after the settle time (docs/domain/notifications.md#after-lesson-report).
 */
@Component
public class LessonNotices {

    static final List<String> REMINDERS = List.of(NoticeKind.LESSON_REMINDER_24H.value(),
            NoticeKind.LESSON_REMINDER_1H.value());

    private final Notices notices;
    private final OutgoingMessages queue;
    private final ReportsDue reports;

    public LessonNotices(Notices notices, OutgoingMessages queue, ReportsDue reports) {
        this.notices = notices;
        this.queue = queue;
        this.reports = reports;
    }

    public void onCreated(LessonEvents.Created created, EventEnvelope envelope) {
        Instant start = instant(created.date());
        if (!WhoIsTold.creationIsNews(start, notices.now())) {
            return;
        }
        String student = notices.name(created.studentId());
        notices.tell(WhoIsTold.about(Occasion.LESSON_CREATED, notices.family(created.studentId(), created.tutorId())),
                key(envelope), Notices.actor(envelope.userId()), created.tutorId(),
                new Notices.Subject("lesson", created.lessonId(), start), null,
                (addressee, reader) -> List.of(NoticeText.lessonScheduled(addressee.audience(), start,
                        created.topic(), student, reader.zone())));
    }

    public void onRescheduled(LessonEvents.Rescheduled rescheduled, EventEnvelope envelope) {
        queue.cancelQueuedAbout("lesson", rescheduled.lessonId(), REMINDERS, "lesson rescheduled");
        Instant from = instant(rescheduled.originalDate());
        Instant to = instant(rescheduled.newDate());
        String student = notices.name(rescheduled.studentId());
        notices.tell(WhoIsTold.about(Occasion.LESSON_RESCHEDULED,
                        notices.family(rescheduled.studentId(), rescheduled.tutorId())),
                key(envelope), Notices.actor(envelope.userId()), rescheduled.tutorId(),
                new Notices.Subject("lesson", rescheduled.lessonId(), to), null,
                (addressee, reader) -> List.of(NoticeText.lessonRescheduled(addressee.audience(), from, to,
                        student, reader.zone())));
    }

    public void onCancelled(LessonEvents.Cancelled cancelled, EventEnvelope envelope) {
        queue.cancelQueuedAbout("lesson", cancelled.lessonId(), REMINDERS, "lesson cancelled");
        Instant start = instant(cancelled.date());
        if (cancelled.attendanceStatus() == AttendanceStatus.UNEXCUSED_ABSENCE) {
            reports.marked(cancelled.lessonId(), cancelled.studentId(), cancelled.tutorId(), markedAt(envelope));
        }
        if (!WhoIsTold.cancellationIsNews(cancelled.previousAttendanceStatus(), start, notices.now())) {
            return;
        }
        String student = notices.name(cancelled.studentId());
        notices.tell(WhoIsTold.about(Occasion.LESSON_CANCELLED,
                        notices.family(cancelled.studentId(), cancelled.tutorId())),
                key(envelope), Notices.actor(envelope.userId()), cancelled.tutorId(),
                new Notices.Subject("lesson", cancelled.lessonId(), start), null,
                (addressee, reader) -> List.of(NoticeText.lessonCancelled(addressee.audience(), start, student,
                        reader.zone())));
    }

    public void onConducted(LessonEvents.Conducted conducted, EventEnvelope envelope) {
        reports.marked(conducted.lessonId(), conducted.studentId(), conducted.tutorId(), markedAt(envelope));
    }

    public void onUpdated(LessonEvents.Updated updated, EventEnvelope envelope) {
        if (updated.changes() == null) {
            return;
        }
        if (updated.changes().date() != null) {
            // An edit of start_at: the reminders queued for the old time are stale (the scheduler reminds the new one).
            queue.cancelQueuedAbout("lesson", updated.lessonId(), REMINDERS, "lesson start changed");
        }
        var attendance = updated.changes().attendanceStatus();
        if (attendance != null && LessonReport.isReported(attendance.newValue())) {
            reports.marked(updated.lessonId(), updated.studentId(), updated.tutorId(), markedAt(envelope));
        }
    }

    public void onDeleted(LessonEvents.Deleted deleted, EventEnvelope envelope) {
        queue.cancelQueuedAbout("lesson", deleted.lessonId(), REMINDERS, "lesson deleted");
    }

    private Instant markedAt(EventEnvelope envelope) {
        return envelope.timestamp() == null ? notices.now() : envelope.timestamp();
    }

    static String key(EventEnvelope envelope) {
        return "event:" + envelope.eventId();
    }

    static Instant instant(OffsetDateTime date) {
        return date == null ? null : date.toInstant();
    }

}
