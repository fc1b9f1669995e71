package ru.repitbot.payment.web;

import ru.repitbot.payment.api.BalanceResponses;
import ru.repitbot.payment.app.BalanceService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.repitbot.config.security.CurrentUser;
import ru.repitbot.models.PageQuery;
import ru.repitbot.models.PageResponse;

@RestController
@Tag(name = "Balances", description = "Prepaid lessons left = Σ lessons_paid − charged lessons (attended, "
        + "unexcused absence; make-up lessons are not charged), per student and tutor; may be negative. Derived on "
        + "every read.")
public class BalanceController {

    private final BalanceService service;

    public BalanceController(BalanceService service) {
        this.service = service;
    }

    @GetMapping("/api/v1/balances/{studentId}")
    @Operation(summary = "A student's balances, one line per tutor",
            description = "A tutor sees only their own line; the student, their parents and admins see every tutor's. "
                    + "With a lesson price set, lesson_price and balance_money show the money beside the lessons.")
    public BalanceResponses.StudentBalances balances(@Parameter(hidden = true) CurrentUser caller,
            @PathVariable long studentId) {
        return service.balances(caller, studentId);
    }

    @GetMapping("/api/v1/balances/{studentId}/statement")
    @Operation(summary = "Statement: every payment and charged lesson with the running balance",
            description = "In time order (payments at paid_at, lessons at their start). from/to: ISO-8601 date-time "
                    + "or date (to is inclusive for a date); opening_balance counts everything before from. tutor_id "
                    + "defaults to the calling tutor, or to the student's only tutor.")
    public BalanceResponses.Statement statement(@Parameter(hidden = true) CurrentUser caller,
            @PathVariable long studentId,
            @RequestParam(name = "tutor_id", required = false) Long tutorId,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        return service.statement(caller, studentId, tutorId, from, to);
    }

    @GetMapping("/internal/v1/balances/low")
    @Operation(summary = "Balances at the low-balance threshold or below (services only)",
            description = "For the daily low-balance digest (docs/domain/notifications.md#q7-reminders): every student and tutor with some payment "
                    + "or charged lesson whose balance is at threshold (default the configured one) or below.")
    public PageResponse<BalanceResponses.LowBalance> low(@Parameter(hidden = true) CurrentUser caller,
            @RequestParam(required = false) Integer threshold,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return service.low(caller, threshold, PageQuery.of(page, size));
    }
}
