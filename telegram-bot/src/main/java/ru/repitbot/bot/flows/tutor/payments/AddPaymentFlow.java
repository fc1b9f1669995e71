package ru.repitbot.bot.flows.tutor.payments;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.stereotype.Component;
import ru.repitbot.bot.dialog.Access;
import ru.repitbot.bot.dialog.Button;
import ru.repitbot.bot.dialog.Flow;
import ru.repitbot.bot.dialog.FlowRegistry;
import ru.repitbot.bot.dialog.Keyboard;
import ru.repitbot.bot.dialog.Reply;
import ru.repitbot.bot.dialog.Screen;
import ru.repitbot.bot.dialog.Turn;
import ru.repitbot.bot.flows.Routes;
import ru.repitbot.bot.flows.tutor.payments.PaymentModels.NewPayment;
import ru.repitbot.bot.flows.tutor.payments.PaymentModels.Payment;
import ru.repitbot.bot.gateway.GatewayProblem;
import ru.repitbot.bot.gateway.model.User;
import ru.repitbot.bot.session.DialogState;
import ru.repitbot.models.PaymentMethod;
import ru.repitbot.models.Role;

/**
 * Recording a payment (docs/domain/bot.md#tutor-payments, docs/domain/payments.md#q11-money), from the profile's "💰 Добавить оплату"
 * ({@link Routes#PAYMENT_ADD}) or the payments screen: the number of lessons ("Введите число." for anything else; a
 * negative number is a correction, recorded only after a confirmation, without money) → the amount or /skip
 * ({@code 12000}, {@code 12 000,50}) → the method (cash, card, transfer, or none) → {@code POST /api/v1/payments}
 * with an {@code Idempotency-Key} from the update → "✅ Оплата на N уроков добавлена. 💰 Новый баланс: B".
 */
@Component
public class AddPaymentFlow implements Flow {

    static final String DIALOG = "payment.add";
    private static final Access TUTOR = Access.roles(Role.TUTOR);
    private static final String NO_METHOD = "none";

    private final PaymentViews views;

    public AddPaymentFlow(PaymentViews views) {
        this.views = views;
    }

    @Override
    public void register(FlowRegistry registry) {
        registry.callback(Routes.PAYMENT_ADD, TUTOR, this::start);
        registry.step(DIALOG, "lessons", this::lessons);
        registry.step(DIALOG, "correction", this::lessons);
        registry.step(DIALOG, "amount", this::amount);
        registry.step(DIALOG, "method", this::methodTyped);
        registry.dialogCallback(PaymentRoutes.CORRECTION_OK, DIALOG, TUTOR, this::correctionConfirmed);
        registry.dialogCallback(PaymentRoutes.AMOUNT_SKIP, DIALOG, TUTOR, this::amountSkipped);
        registry.dialogCallback(PaymentRoutes.METHOD, DIALOG, TUTOR, this::method);
    }

    private Reply start(Turn turn) {
        long studentId = turn.longArg(0);
        User student = views.student(turn, studentId);
        turn.startDialog(DIALOG, "lessons", Map.of("student", Long.toString(studentId)));
        return Reply.of(Screen.of(turn.t("pay.add.ask_lessons", student.fullName()), cancel(turn, studentId)));
    }

    private static Keyboard cancel(Turn turn, long studentId) {
        return Keyboard.inline().row(Button.of(turn.t("common.cancel"), Routes.STUDENT.data(studentId))).build();
    }

    private Reply lessons(Turn turn) {
        OptionalLong typed = PaymentInput.lessons(turn.text());
        if (typed.isEmpty()) {
            return Reply.text(turn.t("pay.add.not_a_number"));
        }
        long lessons = typed.getAsLong();
        if (lessons == 0) {
            return Reply.text(turn.t("pay.add.zero"));
        }
        if (Math.abs(lessons) > PaymentInput.MAX_LESSONS) {
            return Reply.text(turn.t("pay.add.too_many", String.valueOf(PaymentInput.MAX_LESSONS)));
        }
        long studentId = turn.state().getLong("student");
        if (lessons < 0) {
            turn.nextStep("correction", Map.of("lessons", Long.toString(lessons)));
            return Reply.of(Screen.of(turn.t("pay.add.confirm_correction", LessonCount.of(lessons, turn.t()),
                    LessonCount.of(-lessons, turn.t())), Keyboard.inline()
                    .row(Button.of(turn.t("pay.add.correction_yes"), PaymentRoutes.CORRECTION_OK.data()))
                    .row(Button.of(turn.t("common.cancel"), Routes.STUDENT.data(studentId)))
                    .build()));
        }
        turn.nextStep("amount", Map.of("lessons", Long.toString(lessons)));
        return Reply.of(Screen.of(turn.t("pay.add.ask_amount"), Keyboard.inline()
                .row(Button.of(turn.t("pay.add.skip"), PaymentRoutes.AMOUNT_SKIP.data()))
                .build()));
    }

    private Reply correctionConfirmed(Turn turn) {
        if (!inDialog(turn, "correction")) {
            return Reply.alertOnly(turn.t("error.outdated_button"));
        }
        return save(turn, null, null);
    }

    private Reply amount(Turn turn) {
        if (turn.isSkip()) {
            return askMethod(turn, null);
        }
        Optional<BigDecimal> amount = PaymentInput.amount(turn.text());
        if (amount.isEmpty()) {
            return Reply.text(turn.t("pay.add.bad_amount"));
        }
        return askMethod(turn, PaymentInput.wire(amount.get()));
    }

    private Reply amountSkipped(Turn turn) {
        if (!inDialog(turn, "amount")) {
            return Reply.alertOnly(turn.t("error.outdated_button"));
        }
        return askMethod(turn, null);
    }

    private Reply askMethod(Turn turn, String amount) {
        Map<String, String> changes = new HashMap<>();
        changes.put("amount", amount);
        turn.nextStep("method", changes);
        return Reply.of(Screen.of(turn.t("pay.add.ask_method"), methods(turn)));
    }

    private static Keyboard methods(Turn turn) {
        return Keyboard.inline()
                .row(Button.of(turn.t("pay.method.btn.cash"), PaymentRoutes.METHOD.data(PaymentMethod.CASH.value())),
                        Button.of(turn.t("pay.method.btn.card"), PaymentRoutes.METHOD.data(PaymentMethod.CARD.value())))
                .row(Button.of(turn.t("pay.method.btn.transfer"),
                                PaymentRoutes.METHOD.data(PaymentMethod.TRANSFER.value())),
                        Button.of(turn.t("pay.add.skip"), PaymentRoutes.METHOD.data(NO_METHOD)))
                .build();
    }

    private Reply methodTyped(Turn turn) {
        if (turn.isSkip()) {
            return save(turn, turn.state().get("amount"), null);
        }
        return Reply.of(Screen.of(turn.t("pay.add.choose_method"), methods(turn)));
    }

    private Reply method(Turn turn) {
        if (!inDialog(turn, "method")) {
            return Reply.alertOnly(turn.t("error.outdated_button"));
        }
        String chosen = turn.callback().arg(0);
        String method = NO_METHOD.equals(chosen) ? null : PaymentMethod.fromValue(chosen).value();
        return save(turn, turn.state().get("amount"), method);
    }

    private static boolean inDialog(Turn turn, String step) {
        return turn.dialog().isPresent() && DIALOG.equals(turn.state().name()) && step.equals(turn.state().step());
    }

    /**
     * Records the payment: the dialog ends first (a crash midway never records it twice on a retry), and the request
     * carries an {@code Idempotency-Key} from this update (a redelivered update gets the first payment back).
     */
    private Reply save(Turn turn, String amount, String method) {
        DialogState state = turn.state();
        long studentId = state.getLong("student");
        long lessons = state.getLong("lessons");
        turn.endDialog();
        Payment payment;
        try {
            payment = turn.gateway().postIdempotent(Payment.class, "tg-" + turn.event().updateId(),
                    "/api/v1/payments", new NewPayment(studentId, lessons, amount, method));
        } catch (GatewayProblem problem) {
            if (problem.isBadRequest()) {
                return Reply.of(Screen.of(turn.t("pay.add.refused", fieldName(turn, problem)), again(turn, studentId)));
            }
            throw problem;
        }
        int balance = payment.balanceAfter() != null ? payment.balanceAfter()
                : views.balance(turn, studentId).map(line -> line.balanceLessons()).orElse(0);
        String done = turn.t(lessons > 0 ? "pay.add.done" : "pay.add.done_correction",
                LessonCount.of(lessons, turn.t()), LessonCount.of(balance, turn.t()));
        return Reply.of(Screen.of(done, Keyboard.inline()
                .row(Button.of(turn.t("pay.btn.payments"), PaymentRoutes.OVERVIEW.data(studentId)),
                        Button.of(turn.t("common.to_student"), Routes.STUDENT.data(studentId)))
                .build()));
    }

    private static Keyboard again(Turn turn, long studentId) {
        return Keyboard.inline()
                .row(Button.of(turn.t("pay.btn.add"), Routes.PAYMENT_ADD.data(studentId)),
                        Button.of(turn.t("common.to_student"), Routes.STUDENT.data(studentId)))
                .build();
    }

    /** The field payment-service refused, in words: "сумма", "количество уроков"… */
    private static String fieldName(Turn turn, GatewayProblem problem) {
        String field = problem.errors().isEmpty() ? null : problem.errors().getFirst().field();
        String key = "pay.field." + (field == null ? "unknown" : field);
        return turn.t().has(key) ? turn.t(key) : turn.t("pay.field.unknown");
    }
}
