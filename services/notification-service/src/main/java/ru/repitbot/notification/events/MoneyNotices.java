package ru.repitbot.notification.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import ru.repitbot.events.EventEnvelope;
import ru.repitbot.events.catalogue.PaymentEvents;
import ru.repitbot.events.catalogue.SchedulerEvents;
import ru.repitbot.notification.app.Notices;
import ru.repitbot.notification.db.LowBalanceWatches;
import ru.repitbot.notification.db.People;
import ru.repitbot.notification.domain.Addressee;
import ru.repitbot.notification.domain.Family;
import ru.repitbot.notification.domain.LowBalanceDigest;
import ru.repitbot.notification.domain.LowBalanceWatch;
import ru.repitbot.notification.domain.NoticeText;
import ru.repitbot.notification.domain.NoticeKind;
import ru.repitbot.notification.domain.Occasion;
import ru.repitbot.notification.domain.Person;
import ru.repitbot.notification.domain.ReminderText;
import ru.repitbot.notification.domain.WhoIsTold;

/**
 * Money notices to the payers (docs/domain/notifications.md#low-balance): a recorded payment; a balance that fell to
 * the threshold, told once while it stays there ({@link LowBalanceWatch}, fed by {@code balance.low} and every
 * payment event's {@code balance_after}); and the daily digest at 10:00 on each reader's clock.
 */
@Component
public class MoneyNotices {

    private final Notices notices;
    private final LowBalanceWatches watches;
    private final People people;

    public MoneyNotices(Notices notices, LowBalanceWatches watches, People people) {
        this.notices = notices;
        this.watches = watches;
        this.people = people;
    }

    public void onPaymentCreated(PaymentEvents.Created created, EventEnvelope envelope) {
        String student = notices.name(created.studentId());
        String tutor = notices.name(created.tutorId());
        notices.tell(WhoIsTold.about(Occasion.PAYMENT_CREATED, notices.family(created.studentId(), created.tutorId())),
                LessonNotices.key(envelope), Notices.actor(envelope.userId()), created.tutorId(),
                new Notices.Subject("payment", created.paymentId(), null), null,
                (addressee, reader) -> List.of(NoticeText.paymentRecorded(student, created.lessonsPaid(), tutor,
                        created.balanceAfter())));
        observe(created.studentId(), created.tutorId(), created.balanceAfter(), null, envelope);
    }

    public void onPaymentUpdated(PaymentEvents.Updated updated, EventEnvelope envelope) {
        observe(updated.studentId(), updated.tutorId(), updated.balanceAfter(), null, envelope);
    }

    public void onPaymentVoided(PaymentEvents.Voided voided, EventEnvelope envelope) {
        observe(voided.studentId(), voided.tutorId(), voided.balanceAfter(), null, envelope);
    }

    public void onBalanceLow(PaymentEvents.BalanceLow low, EventEnvelope envelope) {
        observe(low.studentId(), low.tutorId(), low.balance(), low.threshold(), low.balanceBefore(), envelope);
    }

    /** One balance learned: kept for the digest, and told at once when the watch says so. */
    private void observe(long studentId, long tutorId, int balance, Integer threshold, EventEnvelope envelope) {
        observe(studentId, tutorId, balance, threshold, null, envelope);
    }

    /**
     * @param before the balance just before this change when the event says it: above the threshold, the balance
     *        had risen since the last warning (a lesson change such as attended → excused raises it without a
     *        payment event), so the watch is armed again and the family told
     */
    private void observe(long studentId, long tutorId, int balance, Integer threshold, Integer before,
            EventEnvelope envelope) {
        LowBalanceWatches.Row row = watches.lock(studentId, tutorId).orElseThrow();
        int limit = threshold == null ? row.threshold() : threshold;
        boolean told = row.told() && (before == null || before <= limit);
        LowBalanceWatch.Step step = new LowBalanceWatch(told).observe(balance, limit);
        watches.save(studentId, tutorId, balance, limit, step.next().told());
        if (!step.tellNow()) {
            return;
        }
        String student = notices.name(studentId);
        String tutor = notices.name(tutorId);
        notices.tell(WhoIsTold.about(Occasion.BALANCE_LOW, notices.family(studentId, tutorId)),
                "balance_low:" + studentId + ":" + tutorId + ":" + envelope.eventId(), Notices.actor(envelope.userId()),
                tutorId, new Notices.Subject("student", studentId, null), null,
                (addressee, reader) -> List.of(ReminderText.balanceLow(student, balance, tutor)));
    }

    /**
     * The digest job ran: every reader whose clock shows 10:00–20:00 gets the day's digest of their low children,
     * once per day ({@link LowBalanceDigest#idempotencyKey()}).
     */
    public void onDigestDue(SchedulerEvents.DigestDue due, EventEnvelope envelope) {
        Instant at = due.at() == null ? notices.now() : due.at().toInstant();
        List<LowBalanceWatches.Row> low = watches.low();
        if (low.isEmpty()) {
            return;
        }
        Set<Long> ids = new HashSet<>();
        low.forEach(r -> {
            ids.add(r.studentId());
            ids.add(r.tutorId());
        });
        Map<Long, Family> families = new LinkedHashMap<>();
        low.forEach(r -> families.computeIfAbsent(r.studentId(), s -> notices.family(s, null)));
        families.values().forEach(f -> ids.addAll(f.parentIds()));
        Map<Long, String> names = notices.names(ids);
        Map<Long, List<LowBalanceDigest.ChildBalance>> byReader = new LinkedHashMap<>();
        for (LowBalanceWatches.Row row : low) {
            for (Addressee payer : WhoIsTold.about(Occasion.BALANCE_DIGEST, families.get(row.studentId()))) {
                byReader.computeIfAbsent(payer.userId(), r -> new ArrayList<>()).add(new LowBalanceDigest.ChildBalance(
                        row.studentId(), names.getOrDefault(row.studentId(), "—"), row.tutorId(),
                        names.getOrDefault(row.tutorId(), "—"), row.balance(), row.threshold()));
            }
        }
        Map<Long, Person> readers = people.people(byReader.keySet());
        byReader.forEach((readerId, balances) -> {
            Person reader = readers.get(readerId);
            Optional<LocalDate> day = LowBalanceDigest.dueDay(at, reader.zone());
            if (day.isEmpty()) {
                return;
            }
            LowBalanceDigest.compose(readerId, day.get(), balances).ifPresent(digest -> notices.tell(
                    List.of(new Addressee(readerId, payerAudience(readerId, families), NoticeKind.BALANCE_DIGEST)),
                    digest.idempotencyKey(), null, null, null, null, (addressee, person) -> digest.lines()));
        });
    }

    private static ru.repitbot.notification.domain.Audience payerAudience(long readerId, Map<Long, Family> families) {
        return families.containsKey(readerId) ? ru.repitbot.notification.domain.Audience.STUDENT
                : ru.repitbot.notification.domain.Audience.PARENT;
    }
}
