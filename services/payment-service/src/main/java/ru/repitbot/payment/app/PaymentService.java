package ru.repitbot.payment.app;

import ru.repitbot.payment.api.PaymentRequests;
import ru.repitbot.payment.api.PaymentResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.repitbot.idempotency.Idempotency;
import ru.repitbot.idempotency.IdempotencyKeys;
import ru.repitbot.config.security.CurrentUser;
import ru.repitbot.models.PageQuery;
import ru.repitbot.models.PageResponse;
import ru.repitbot.models.Role;
import ru.repitbot.models.errors.NotFoundException;
import ru.repitbot.payment.config.PaymentSettings;
import ru.repitbot.payment.db.BalanceLocks;
import ru.repitbot.payment.db.Balances;
import ru.repitbot.payment.db.Payments;
import ru.repitbot.models.time.DateTimeInput;
import ru.repitbot.payment.domain.NewPayment;
import ru.repitbot.payment.domain.Payment;
import ru.repitbot.payment.domain.PaymentVoiding;
import ru.repitbot.payment.events.PaymentEventPublisher;

/** Recording, voiding and reading payments. */
@Service
public class PaymentService {

    private final Payments payments;
    private final Balances balances;
    private final BalanceLocks locks;
    private final IdempotencyKeys keys;
    private final Ownership ownership;
    private final PaymentEventPublisher events;
    private final PaymentSettings settings;
    private final Clock clock;

    public PaymentService(Payments payments, Balances balances, BalanceLocks locks, IdempotencyKeys keys,
            Ownership ownership, PaymentEventPublisher events, PaymentSettings settings, Clock clock) {
        this.payments = payments;
        this.balances = balances;
        this.locks = locks;
        this.keys = keys;
        this.ownership = ownership;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    /** A payment recorded now, or the earlier one replayed for the same Idempotency-Key. */
    public record Creation(PaymentResponse payment, boolean replayed) {
    }

    /**
     * Records a payment, publishes {@code payment.created} with the new balance and, when it lowers the balance to
     * the threshold or below (a correction), {@code balance.low} — all in one transaction.
     */
    @Transactional
    public Creation create(CurrentUser caller, String rawKey, PaymentRequests.Create request) {
        String key = Idempotency.parseKey(rawKey);
        long studentId = request.studentId();
        long tutorId = ownership.tutorForWrite(caller, request.tutorId(), studentId);
        ZoneId zone = ownership.zoneOf(studentId);
        Instant now = clock.instant();
        Instant paidAt = request.paidAt() == null ? null : DateTimeInput.startOf("paid_at", request.paidAt(), zone);
        Integer lessonsPaid = request.lessonsPaid() == null ? null : Math.toIntExact(request.lessonsPaid());
        NewPayment draft = NewPayment.of(studentId, tutorId, lessonsPaid, request.amount(), request.currency(),
                request.method(), paidAt, request.comment(), settings.currency(), now);

        IdempotencyKeys.Claim claim = keys.claim(caller.actorId(), key, draft.fingerprint());
        if (claim.isReplay()) {
            Payment first = payments.find(claim.replayId()).orElseThrow();
            int balance = balances.of(first.studentId(), first.tutorId()).lessons();
            return new Creation(PaymentResponse.of(first, zone, balance), true);
        }

        locks.lock(studentId, tutorId);
        int before = balances.of(studentId, tutorId).lessons();
        Payment payment = payments.insert(draft, draft.paidAtOr(now), now, caller.actorId());
        int after = before + payment.lessonsPaid();
        keys.complete(claim, payment.id());
        events.created(payment, after, zone);
        events.balanceChanged(studentId, tutorId, before, after, null);
        return new Creation(PaymentResponse.of(payment, zone, after), false);
    }

    /** One payment the caller may see (a tutor only their own), else 404. */
    @Transactional(readOnly = true)
    public PaymentResponse get(CurrentUser caller, long id) {
        Payment p = visible(caller, id);
        return PaymentResponse.of(p, ownership.zoneOf(p.studentId()), null);
    }

    /**
     * Voids a payment entered by mistake (its tutor or an admin): the payment stays, marked voided, and no longer
     * counts; {@code payment.voided} is published with the new balance and, when the void lowers the balance to the
     * threshold or below, {@code balance.low} — all in one transaction. Order of answers: 403 (role), 404 (not the
     * caller's payment), 400 (reason too long), 409 (already voided).
     */
    @Transactional
    public PaymentResponse voidPayment(CurrentUser caller, long id, PaymentRequests.Voiding request) {
        caller.require(Role.TUTOR, Role.ADMIN);
        Payment seen = visible(caller, id);
        String reason = PaymentVoiding.reason(request == null ? null : request.reason());
        ZoneId zone = ownership.zoneOf(seen.studentId());
        locks.lock(seen.studentId(), seen.tutorId());
        Payment payment = payments.findForUpdate(id).orElseThrow(() -> new NotFoundException("payment", id));
        PaymentVoiding.requireVoidable(payment, zone);
        int before = balances.of(payment.studentId(), payment.tutorId()).lessons();
        Payment voided = payments.markVoided(id, clock.instant(), caller.actorId(), reason)
                .orElseThrow(() -> new IllegalStateException("payment " + id + " was locked but not voidable"));
        int after = PaymentVoiding.balanceAfter(voided, before);
        events.voided(voided, after, zone);
        events.balanceChanged(voided.studentId(), voided.tutorId(), before, after, null);
        return PaymentResponse.of(voided, zone, after);
    }

    /**
     * Payments the caller may see, newest first (voided ones included, flagged): a student their own, a parent their
     * children's, a tutor their own students' payments to them, an admin all. A filter naming a student or a tutor
     * the caller may not see is 404, as a path id would be.
     */
    @Transactional(readOnly = true)
    public PageResponse<PaymentResponse> list(CurrentUser caller, Long studentId, Long tutorId, PageQuery paging) {
        List<Long> students;
        if (studentId != null) {
            ownership.requireVisible(caller, studentId);
            students = List.of(studentId);
        } else if (caller.seesEverything()) {
            students = null;
        } else {
            students = ownership.visibleStudents(caller);
        }
        ownership.requireTutorFilter(caller, tutorId, studentId);
        Long tutor = caller.is(Role.TUTOR) ? Long.valueOf(caller.id()) : tutorId;
        if (students != null && students.isEmpty()) {
            return PageResponse.of(List.of(), 0, paging.page(), paging.size());
        }
        Payments.Page page = payments.page(new Payments.Filter(students, tutor), paging);
        java.util.Map<Long, ZoneId> zones = new java.util.HashMap<>();
        return PageResponse.of(page.items().stream()
                .map(p -> PaymentResponse.of(p, zones.computeIfAbsent(p.studentId(), ownership::zoneOf), null))
                .toList(),
                page.total(), paging.page(), paging.size());
    }

    private Payment visible(CurrentUser caller, long id) {
        return payments.find(id).filter(found -> ownership.canSee(caller, found.studentId())
                && ownership.seesTutorLine(caller, found.tutorId()))
                .orElseThrow(() -> new NotFoundException("payment", id));
    }
}
