package ru.repitbot.payment.events;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import ru.repitbot.events.EventEnvelope;
import ru.repitbot.events.catalogue.LessonChanges;
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

    private final LessonCharges charges;
    private final Balances balances;
    private final BalanceLocks locks;
    private final PaymentEventPublisher events;
    private final Clock clock;

    public LessonProjection(LessonCharges charges, Balances balances, BalanceLocks locks,
            PaymentEventPublisher events, Clock clock) {
        this.charges = charges;
        this.balances = balances;
        this.locks = locks;
        this.events = events;
        this.clock = clock;
    }

    public void onCreated(LessonEvents.Created c, EventEnvelope event) {
        apply(event, c.lessonId(), c.tutorId(), c.studentId(),
                LessonFacts.created(c.attendanceStatus(), instant(c.date()), c.isMakeup()));
    }

    public void onUpdated(LessonEvents.Updated u, EventEnvelope event) {
        LessonChanges changes = u.changes() == null ? LessonChanges.NONE : u.changes();
        LessonFacts facts = LessonFacts.none();
        if (changes.attendanceStatus() != null) {
            facts = facts.withAttendance(changes.attendanceStatus().newValue());
        }
        if (changes.date() != null) {
            facts = facts.withDate(instant(changes.date().newValue()));
        }
        if (changes.isMakeup() != null) {
            facts = facts.withMakeup(changes.isMakeup().newValue());
        }
        apply(event, u.lessonId(), u.tutorId(), u.studentId(), facts);
    }

    public void onConducted(LessonEvents.Conducted c, EventEnvelope event) {
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
    public void onCancelled(LessonEvents.Cancelled c, EventEnvelope event) {
        apply(event, c.lessonId(), c.tutorId(), c.studentId(), LessonFacts.attendance(c.attendanceStatus()));
    }

    public void onRescheduled(LessonEvents.Rescheduled r, EventEnvelope event) {
        apply(event, r.lessonId(), r.tutorId(), r.studentId(), LessonFacts.movedTo(instant(r.newDate())));
    }

    public void onDeleted(LessonEvents.Deleted d, EventEnvelope event) {
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
}
