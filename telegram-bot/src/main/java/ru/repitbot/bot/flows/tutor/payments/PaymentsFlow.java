package ru.repitbot.bot.flows.tutor.payments;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import ru.repitbot.bot.dialog.Access;
import ru.repitbot.bot.dialog.Button;
import ru.repitbot.bot.dialog.Flow;
import ru.repitbot.bot.dialog.FlowRegistry;
import ru.repitbot.bot.dialog.Keyboard;
import ru.repitbot.bot.dialog.Reply;
import ru.repitbot.bot.dialog.Screen;
import ru.repitbot.bot.dialog.Turn;
import ru.repitbot.bot.flows.tutor.payments.PaymentModels.NewPrice;
import ru.repitbot.bot.flows.tutor.payments.PaymentModels.Payment;
import ru.repitbot.bot.flows.tutor.payments.PaymentModels.Price;
import ru.repitbot.bot.gateway.GatewayProblem;
import ru.repitbot.bot.gateway.model.User;
import ru.repitbot.bot.time.DateTimeText;
import ru.repitbot.models.Role;

/**
 * A student's money for the tutor (docs/domain/payments.md, docs/domain/payments.md#q11-money): the payments screen ({@link
 * PaymentRoutes#OVERVIEW}: balance in lessons and money, the lesson price, the payments newest first, paged); voiding
 * a payment entered by mistake — never deleting it — after a confirmation with a reason or /skip
 * ({@code POST /api/v1/payments/{id}/void}; it stays listed, marked voided); the statement with the running balance
 * ({@code GET /api/v1/balances/{id}/statement}); the lesson price ({@code PUT/DELETE /api/v1/prices/{id}}).
 */
@Component
public class PaymentsFlow implements Flow {

    static final String VOID = "payment.void";
    static final String PRICE = "payment.price";
    private static final Access TUTOR = Access.roles(Role.TUTOR);
    private static final int MAX_REASON = 1000;

    private final PaymentViews views;

    public PaymentsFlow(PaymentViews views) {
        this.views = views;
    }

    @Override
    public void register(FlowRegistry registry) {
        registry.callback(PaymentRoutes.OVERVIEW, TUTOR,
                turn -> Reply.of(views.overview(turn, turn.longArg(0), 1, null)));
        registry.callback(PaymentRoutes.LIST, TUTOR,
                turn -> Reply.of(views.overview(turn, turn.longArg(0), turn.intArg(1), null)));
        registry.callback(PaymentRoutes.STATEMENT, TUTOR,
                turn -> Reply.of(views.statement(turn, turn.longArg(0), turn.intArg(1))));
        registry.callback(PaymentRoutes.VOID, TUTOR, this::askVoid);
        registry.step(VOID, "reason", this::reason);
        registry.dialogCallback(PaymentRoutes.VOID_SKIP, VOID, TUTOR, this::voidWithoutReason);
        registry.callback(PaymentRoutes.PRICE, TUTOR, this::askPrice);
        registry.step(PRICE, "amount", this::setPrice);
        registry.callback(PaymentRoutes.PRICE_REMOVE, TUTOR, this::removePrice);
    }

    // ---- voiding ----

    private Reply askVoid(Turn turn) {
        long paymentId = turn.longArg(0);
        Payment payment;
        try {
            payment = turn.gateway().get(Payment.class, "/api/v1/payments/{id}", paymentId);
        } catch (GatewayProblem problem) {
            if (problem.isNotFound()) {
                return Reply.alertOnly(turn.t("pay.gone"));
            }
            throw problem;
        }
        if (payment.voided()) {
            String notice = turn.t("pay.void.already", DateTimeText.date(payment.voidedAt(), turn.zone()));
            return Reply.of(views.overview(turn, payment.studentId(), 1, notice)).withToast(notice);
        }
        turn.startDialog(VOID, "reason", Map.of("payment", Long.toString(paymentId),
                "student", Long.toString(payment.studentId())));
        String amount = payment.amount() == null ? ""
                : turn.t("pay.void.amount", PaymentViews.money(payment.amount(), payment.currency()));
        return Reply.of(Screen.of(turn.t("pay.void.confirm", DateTimeText.date(payment.paidAt(), turn.zone()),
                LessonCount.of(payment.lessonsPaid(), turn.t()), amount), Keyboard.inline()
                .row(Button.of(turn.t("pay.void.no_reason"), PaymentRoutes.VOID_SKIP.data()))
                .row(Button.of(turn.t("common.cancel"), PaymentRoutes.LIST.data(payment.studentId(), 1)))
                .build()));
    }

    private Reply reason(Turn turn) {
        if (turn.isSkip()) {
            return voidPayment(turn, null);
        }
        String reason = turn.text();
        if (reason.isEmpty()) {
            return Reply.text(turn.t("pay.void.ask_text"));
        }
        if (reason.length() > MAX_REASON) {
            return Reply.text(turn.t("pay.void.too_long"));
        }
        return voidPayment(turn, reason);
    }

    private Reply voidWithoutReason(Turn turn) {
        if (turn.dialog().isEmpty() || !VOID.equals(turn.state().name())) {
            return Reply.alertOnly(turn.t("error.outdated_button"));
        }
        return voidPayment(turn, null);
    }

    private Reply voidPayment(Turn turn, String reason) {
        long paymentId = turn.state().getLong("payment");
        long studentId = turn.state().getLong("student");
        turn.endDialog();
        Payment voided;
        try {
            voided = turn.gateway().post(Payment.class, "/api/v1/payments/{id}/void",
                    reason == null ? Map.of() : Map.of("reason", reason), paymentId);
        } catch (GatewayProblem problem) {
            if (problem.isNotFound()) {
                return Reply.text(turn.t("pay.gone"));
            }
            throw problem;
        }
        String notice = voided.balanceAfter() == null ? turn.t("pay.void.done")
                : turn.t("pay.void.done_balance", LessonCount.of(voided.balanceAfter(), turn.t()));
        return Reply.of(views.overview(turn, studentId, 1, notice)).withToast(turn.t("pay.void.done"));
    }

    // ---- the lesson price ----

    private Reply askPrice(Turn turn) {
        long studentId = turn.longArg(0);
        User student = views.student(turn, studentId);
        Optional<Price> price = views.price(turn, studentId);
        turn.startDialog(PRICE, "amount", Map.of("student", Long.toString(studentId)));
        String now = price.map(p -> PaymentViews.money(p.amount(), p.currency()))
                .orElseGet(() -> turn.t("pay.price.none"));
        Keyboard.InlineBuilder keyboard = Keyboard.inline();
        if (price.isPresent()) {
            keyboard.row(Button.of(turn.t("pay.price.remove"), PaymentRoutes.PRICE_REMOVE.data(studentId)));
        }
        keyboard.row(Button.of(turn.t("common.cancel"), PaymentRoutes.LIST.data(studentId, 1)));
        return Reply.of(Screen.of(turn.t("pay.price.ask", student.fullName(), now), keyboard.build()));
    }

    private Reply setPrice(Turn turn) {
        Optional<BigDecimal> amount = PaymentInput.amount(turn.text());
        if (amount.isEmpty()) {
            return Reply.text(turn.t("pay.add.bad_amount"));
        }
        long studentId = turn.state().getLong("student");
        turn.endDialog();
        Price price = turn.gateway().put(Price.class, "/api/v1/prices/{id}", new NewPrice(PaymentInput.wire(
                amount.get())), studentId);
        String notice = turn.t("pay.price.set", PaymentViews.money(price == null ? amount.get() : price.amount(),
                price == null ? null : price.currency()));
        return Reply.of(views.overview(turn, studentId, 1, notice));
    }

    private Reply removePrice(Turn turn) {
        long studentId = turn.longArg(0);
        turn.endDialog();
        try {
            turn.gateway().delete("/api/v1/prices/{id}", studentId);
        } catch (GatewayProblem problem) {
            if (!problem.isNotFound()) {
                throw problem;
            }
            // No price to remove (removed elsewhere meanwhile): the screen below shows that.
        }
        String notice = turn.t("pay.price.removed");
        return Reply.of(views.overview(turn, studentId, 1, notice)).withToast(notice);
    }
}
