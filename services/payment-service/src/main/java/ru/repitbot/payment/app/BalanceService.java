package ru.repitbot.payment.app;

import ru.repitbot.payment.api.BalanceResponses;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.repitbot.config.security.CurrentUser;
import ru.repitbot.models.AttendanceStatus;
import ru.repitbot.models.PageQuery;
import ru.repitbot.models.PageResponse;
import ru.repitbot.models.Role;
import ru.repitbot.models.time.DateRange;
import ru.repitbot.models.errors.ForbiddenException;
import ru.repitbot.models.errors.InvalidFieldException;
import ru.repitbot.models.errors.NotFoundException;
import ru.repitbot.payment.db.Balances;
import ru.repitbot.payment.db.LessonCharges;
import ru.repitbot.payment.db.LessonPrices;
import ru.repitbot.payment.db.Payments;
import ru.repitbot.payment.domain.LessonBalance;
import ru.repitbot.payment.domain.LessonPrice;
import ru.repitbot.payment.domain.LowBalanceRule;
import ru.repitbot.payment.domain.Payment;
import ru.repitbot.payment.domain.Statement;

/** Balances and statements, derived on every read from payments and the lesson charge projection. */
@Service
public class BalanceService {

    private final Balances balances;
    private final Payments payments;
    private final LessonCharges charges;
    private final LessonPrices prices;
    private final Ownership ownership;
    private final LowBalanceRule lowBalance;

    public BalanceService(Balances balances, Payments payments, LessonCharges charges, LessonPrices prices,
            Ownership ownership, LowBalanceRule lowBalance) {
        this.balances = balances;
        this.payments = payments;
        this.charges = charges;
        this.prices = prices;
        this.ownership = ownership;
        this.lowBalance = lowBalance;
    }

    /** A student's balance with each tutor; a tutor sees only their own line (0 when nothing happened yet). */
    @Transactional(readOnly = true)
    public BalanceResponses.StudentBalances balances(CurrentUser caller, long studentId) {
        ownership.requireVisible(caller, studentId);
        Map<Long, LessonBalance> lines = new java.util.TreeMap<>(balances.ofStudent(studentId));
        if (caller.is(Role.TUTOR)) {
            LessonBalance own = lines.getOrDefault(caller.id(), LessonBalance.ZERO);
            lines.clear();
            lines.put(caller.id(), own);
        }
        Map<Long, LessonPrices.Stored> priceByTutor = prices.ofStudent(studentId);
        List<BalanceResponses.TutorBalance> result = new ArrayList<>();
        lines.forEach((tutorId, balance) -> {
            LessonPrices.Stored stored = priceByTutor.get(tutorId);
            LessonPrice price = stored == null ? null : stored.price();
            result.add(new BalanceResponses.TutorBalance(tutorId, balance.lessons(), balance.paidLessons(),
                    balance.chargedLessons(), price == null ? null : price.amount(),
                    price == null ? null : price.currency(), price == null ? null : balance.money(price)));
        });
        return new BalanceResponses.StudentBalances(studentId, result);
    }

    /**
     * Every payment, charged lesson and payment reversal (a void) of a student with one tutor between {@code from} and
     * {@code to}, each with the running balance. Without {@code tutor_id}: a tutor's own; otherwise the student's
     * only tutor (400 when there are several). A {@code tutor_id} that is not the student's tutor is 404 for a student
     * or a parent (and for a tutor anyone but themselves).
     */
    @Transactional(readOnly = true)
    public BalanceResponses.Statement statement(CurrentUser caller, long studentId, Long tutorId, String from,
            String to) {
        ownership.requireVisible(caller, studentId);
        long tutor = statementTutor(caller, studentId, tutorId);
        ZoneId zone = ownership.zoneOf(studentId);
        DateRange range = DateRange.parse(from, to, zone);
        Instant fromInstant = range.from();
        Instant toInstant = range.to();

        Map<Long, Payment> paymentById = new HashMap<>();
        Map<Long, AttendanceStatus> lessonStatus = new HashMap<>();
        List<Statement.Entry> entries = new ArrayList<>();
        for (Payment p : payments.of(studentId, tutor)) {
            paymentById.put(p.id(), p);
            entries.add(Statement.Entry.payment(p.id(), p.paidAt(), p.lessonsPaid()));
            if (p.voided()) {
                entries.add(Statement.Entry.reversal(p.id(), p.voidedAt(), p.lessonsPaid()));
            }
        }
        for (LessonCharges.ChargedLesson l : charges.charged(studentId, tutor)) {
            lessonStatus.put(l.lessonId(), l.attendanceStatus());
            entries.add(Statement.Entry.lesson(l.lessonId(), l.at()));
        }
        Statement.Window window = Statement.of(entries, fromInstant, toInstant);
        LessonPrice price = prices.of(studentId, tutor).orElse(null);

        List<BalanceResponses.StatementLine> lines = window.lines().stream().map(line -> {
            Statement.Entry e = line.entry();
            BigDecimal moneyAfter = price == null ? null : price.times(line.balanceAfter());
            if (e.kind() == Statement.Kind.PAYMENT) {
                Payment p = paymentById.get(e.id());
                return new BalanceResponses.StatementLine("payment", p.id(), null,
                        p.paidAt().atZone(zone).toOffsetDateTime(), p.lessonsPaid(), p.amount(), p.currency(),
                        p.method(), null, p.comment(), p.voided(), null, line.balanceAfter(), moneyAfter);
            }
            if (e.kind() == Statement.Kind.VOID) {
                Payment p = paymentById.get(e.id());
                return new BalanceResponses.StatementLine("payment_void", p.id(), null,
                        p.voidedAt().atZone(zone).toOffsetDateTime(), e.change(),
                        p.amount() == null ? null : p.amount().negate(), p.currency(), p.method(), null, null, true,
                        p.voidReason(), line.balanceAfter(), moneyAfter);
            }
            return new BalanceResponses.StatementLine("lesson", null, e.id(), e.at().atZone(zone).toOffsetDateTime(),
                    e.change(), price == null ? null : price.amount(), price == null ? null : price.currency(), null,
                    lessonStatus.get(e.id()), null, false, null, line.balanceAfter(), moneyAfter);
        }).toList();
        return new BalanceResponses.Statement(studentId, tutor,
                fromInstant == null ? null : fromInstant.atZone(zone).toOffsetDateTime(),
                toInstant == null ? null : toInstant.atZone(zone).toOffsetDateTime(),
                window.opening(), window.closing(), price == null ? null : price.amount(),
                price == null ? null : price.currency(), price == null ? null : price.times(window.closing()), lines);
    }

    private long statementTutor(CurrentUser caller, long studentId, Long tutorId) {
        if (caller.is(Role.TUTOR)) {
            if (tutorId != null && tutorId != caller.id()) {
                throw new NotFoundException("balance of student " + studentId + " with tutor", tutorId);
            }
            return caller.id();
        }
        if (tutorId != null) {
            ownership.requireTutorFilter(caller, tutorId, studentId);
            return tutorId;
        }
        List<Long> tutors = balances.tutorsOf(studentId);
        if (tutors.size() == 1) {
            return tutors.getFirst();
        }
        throw new InvalidFieldException("tutor_id", tutors.isEmpty() ? "is required: the student has no tutor yet"
                : "is required: the student has " + tutors.size() + " tutors " + tutors);
    }

    /** Balances at the threshold or below (default the configured one), for reminders; services only. */
    @Transactional(readOnly = true)
    public PageResponse<BalanceResponses.LowBalance> low(CurrentUser caller, Integer threshold, PageQuery paging) {
        if (!caller.isService()) {
            throw new ForbiddenException("internal endpoints take service tokens only");
        }
        int limit = threshold == null ? lowBalance.threshold() : threshold;
        Balances.LowPage page = balances.low(limit, paging);
        return PageResponse.of(page.items().stream()
                .map(l -> new BalanceResponses.LowBalance(l.studentId(), l.tutorId(), l.balance(), limit)).toList(),
                page.total(), paging.page(), paging.size());
    }
}
