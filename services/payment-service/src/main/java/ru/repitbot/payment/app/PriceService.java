package ru.repitbot.payment.app;

import ru.repitbot.payment.api.BalanceResponses;
import ru.repitbot.payment.api.PaymentRequests;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.repitbot.config.security.CurrentUser;
import ru.repitbot.models.errors.NotFoundException;
import ru.repitbot.payment.config.PaymentSettings;
import ru.repitbot.payment.db.LessonPrices;
import ru.repitbot.payment.domain.LessonPrice;
import ru.repitbot.payment.domain.Money;

/** Lesson prices per tutor and student (docs/domain/payments.md#q11-money). */
@Service
public class PriceService {

    private final LessonPrices prices;
    private final Ownership ownership;
    private final PaymentSettings settings;
    private final Clock clock;

    public PriceService(LessonPrices prices, Ownership ownership, PaymentSettings settings, Clock clock) {
        this.prices = prices;
        this.ownership = ownership;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional
    public BalanceResponses.PriceResponse put(CurrentUser caller, long studentId, PaymentRequests.Price request) {
        long tutorId = ownership.tutorForWrite(caller, request.tutorId(), studentId);
        LessonPrice price = new LessonPrice(Money.amount("amount", request.amount()),
                Money.currency("currency", request.currency(), settings.currency()));
        return response(prices.put(tutorId, studentId, price, clock.instant(), caller.actorId()),
                ownership.zoneOf(studentId));
    }

    @Transactional
    public void remove(CurrentUser caller, long studentId, Long tutorId) {
        long tutor = ownership.tutorForWrite(caller, tutorId, studentId);
        if (!prices.remove(tutor, studentId)) {
            throw new NotFoundException("price of student " + studentId + " with tutor", tutor);
        }
    }

    /**
     * The student's prices the caller may see (a tutor only their own; optionally one tutor's). A {@code tutor_id}
     * the caller may not ask about is 404.
     */
    @Transactional(readOnly = true)
    public BalanceResponses.StudentPrices list(CurrentUser caller, long studentId, Long tutorId) {
        ownership.requireVisible(caller, studentId);
        ownership.requireTutorFilter(caller, tutorId, studentId);
        ZoneId zone = ownership.zoneOf(studentId);
        List<BalanceResponses.PriceResponse> visible = prices.listOf(studentId).stream()
                .filter(p -> ownership.seesTutorLine(caller, p.tutorId()))
                .filter(p -> tutorId == null || p.tutorId() == tutorId)
                .map(p -> response(p, zone)).toList();
        return new BalanceResponses.StudentPrices(studentId, visible);
    }

    private static BalanceResponses.PriceResponse response(LessonPrices.Stored p, ZoneId zone) {
        return new BalanceResponses.PriceResponse(p.studentId(), p.tutorId(), p.price().amount(),
                p.price().currency(), p.updatedAt().atZone(zone).toOffsetDateTime(), p.updatedBy());
    }
}
