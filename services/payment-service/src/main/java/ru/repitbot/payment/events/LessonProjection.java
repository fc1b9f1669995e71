package ru.repitbot.payment.events;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import ru.repitbot.events.EventCodec;
import ru.repitbot.events.EventEnvelope;
import ru.repitbot.events.catalogue.FieldChange;
import ru.repitbot.events.catalogue.LessonEvents;
import ru.repitbot.models.AttendanceStatus;
import ru.repitbot.payment.db.BalanceLocks;
import ru.repitbot.payment.db.Balances;
import ru.repitbot.payment.db.LessonCharges;
import ru.repitbot.payment.domain.LessonCharge;
import ru.repitbot.payment.domain.LessonFacts;

/**
 * Keeps {@code lesson_charges} in step with lesson-service's events. Each handler runs inside the inbox transaction
 * (so a redelivered event is already recorded and skipped), turns its event into {@link LessonFacts} and applies
 * them through {@link LessonCharge#apply}: an event older than the version held changes nothing. When a lesson
 * becomes charged, the balance has just dropped by one, and {@code balance.low} may follow, caused by the event.
 */
@Component
public class LessonProjection {

    private static final Logger log = LoggerFactory.getLogger(LessonProjection.class);

    private final EventCodec codec;
    private final LessonCharges charges;
    private final Balances balances;
    private final BalanceLocks locks;
    private final PaymentEventPublisher events;
    private final Clock clock;

    public LessonProjection(EventCodec codec, LessonCharges charges, Balances balances, BalanceLocks locks,
            PaymentEventPublisher events, Clock clock) {
        this.codec = codec;
        this.charges = charges;
        this.balances = balances;
        this.locks = locks;
        this.events = events;
        this.clock = clock;
    }

    public void onCreated(EventEnvelope event) {
        LessonEvents.Created c = codec.data(event, LessonEvents.Created.class);
        apply(event, c.lessonId(), c.tutorId(), c.studentId(),
                LessonFacts.created(c.attendanceStatus(), instant(c.date()), c.isMakeup()));
    }

    public void onUpdated(EventEnvelope event) {
        LessonEvents.Updated u = codec.data(event, LessonEvents.Updated.class);
        Map<String, FieldChange> changes = u.changes() == null ? Map.of() : u.changes();
        LessonFacts facts = LessonFacts.none();
        if (changes.containsKey("attendance_status")) {
            facts = facts.withAttendance(AttendanceStatus.fromValue(text(changes.get("attendance_status"))));
        }
        if (changes.containsKey("date")) {
            String date = text(changes.get("date"));
            facts = facts.withDate(date == null ? null : OffsetDateTime.parse(date).toInstant());
        }
        if (changes.containsKey("is_makeup")) {
            facts = facts.withMakeup(bool(changes.get("is_makeup")));
        }
        apply(event, u.lessonId(), u.tutorId(), u.studentId(), facts);
    }

    public void onConducted(EventEnvelope event) {
        LessonEvents.Conducted c = codec.data(event, LessonEvents.Conducted.class);
        LessonFacts facts = LessonFacts.attendance(AttendanceStatus.ATTENDED);
        if (c.date() != null) {
            facts = facts.withDate(instant(c.date()));
        }
        apply(event, c.lessonId(), c.tutorId(), c.studentId(), facts);
    }

    /**
     * The cancelled lesson takes its new attendance status, nothing else: it stays at its date (docs/domain/payments.md#charging),
     * and is charged when the rule says so (an unexcused absence). Only its topic moves, which
     * does not concern the balance; the make-up lesson comes with its own {@code lesson.created}, and no other
     * lesson's charge changes because of this one's cancellation.
     */
    public void onCancelled(EventEnvelope event) {
        LessonEvents.Cancelled c = codec.data(event, LessonEvents.Cancelled.class);
        apply(event, c.lessonId(), c.tutorId(), c.studentId(), LessonFacts.attendance(c.attendanceStatus()));
    }

    public void onRescheduled(EventEnvelope event) {
        LessonEvents.Rescheduled r = codec.data(event, LessonEvents.Rescheduled.class);
        apply(event, r.lessonId(), r.tutorId(), r.studentId(), LessonFacts.movedTo(instant(r.newDate())));
    }

    public void onDeleted(EventEnvelope event) {
        LessonEvents.Deleted d = codec.data(event, LessonEvents.Deleted.class);
        apply(event, d.lessonId(), d.tutorId(), d.studentId(), LessonFacts.deletion());
    }

    private void apply(EventEnvelope event, long lessonId, long tutorId, long studentId, LessonFacts facts) {
        long version = event.aggregateVersion();
        locks.lock(studentId, tutorId);
        LessonCharge existing = charges.find(lessonId).orElse(null);
        LessonCharge.Change change = LessonCharge.apply(existing, lessonId, tutorId, studentId, facts, version);
        if (!change.applied()) {
            log.info("Ignored stale {} of lesson {} (version {}, have {})", event.eventType(), lessonId, version,
                    existing.version());
            return;
        }
        charges.upsert(change.after(), clock.instant());
        if (change.lowersBalance()) {
            LessonCharge after = change.after();
            int balance = balances.of(after.studentId(), after.tutorId()).lessons();
            events.balanceChanged(after.studentId(), after.tutorId(), balance + 1, balance, event);
        }
    }

    private static Instant instant(OffsetDateTime dateTime) {
        return dateTime == null ? null : dateTime.toInstant();
    }

    private static String text(FieldChange change) {
        return change == null || change.newValue() == null ? null : change.newValue().toString();
    }

    private static Boolean bool(FieldChange change) {
        if (change == null || change.newValue() == null) {
            return null;
        }
        return change.newValue() instanceof Boolean b ? b : Boolean.parseBoolean(change.newValue().toString());
    }
}
