package ru.repitbot.bot.flows.tutor.payments;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import ru.repitbot.bot.dialog.Button;
import ru.repitbot.bot.dialog.Keyboard;
import ru.repitbot.bot.dialog.Screen;
import ru.repitbot.bot.dialog.Turn;
import ru.repitbot.bot.flows.Routes;
import ru.repitbot.bot.flows.tutor.payments.PaymentModels.Line;
import ru.repitbot.bot.flows.tutor.payments.PaymentModels.Payment;
import ru.repitbot.bot.flows.tutor.payments.PaymentModels.Price;
import ru.repitbot.bot.flows.tutor.payments.PaymentModels.Prices;
import ru.repitbot.bot.flows.tutor.payments.PaymentModels.Statement;
import ru.repitbot.bot.flows.tutor.students.StudentViews;
import ru.repitbot.bot.gateway.GatewayProblem;
import ru.repitbot.bot.gateway.GatewayUnavailable;
import ru.repitbot.bot.gateway.model.Balances;
import ru.repitbot.bot.gateway.model.Lesson;
import ru.repitbot.bot.gateway.model.Page;
import ru.repitbot.bot.gateway.model.User;
import ru.repitbot.bot.time.DateTimeText;
import tools.jackson.core.type.TypeReference;

/**
 * The tutor's payment screens: a student's payments (balance in lessons and money, the lesson price, the payments
 * newest first, 10 a page, each not voided with "❌ Аннулировать") and the statement (every payment, charged lesson and
 * void with the running balance, 10 lines a page, the latest first). Drawn from the gateway each time.
 */
@Component
public class PaymentViews {

    static final int PAGE_SIZE = 10;
    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("dd.MM");
    private static final TypeReference<Page<Payment>> PAYMENT_PAGE = new TypeReference<>() {
    };
    private static final TypeReference<Page<Lesson>> LESSON_PAGE = new TypeReference<>() {
    };

    private final StudentViews students;

    public PaymentViews(StudentViews students) {
        this.students = students;
    }

    public User student(Turn turn, long studentId) {
        return students.student(turn, studentId);
    }

    /** The calling tutor's balance line with the student (a tutor sees only their own); empty before anything. */
    public Optional<Balances.Line> balance(Turn turn, long studentId) {
        Balances balances = turn.gateway().get(Balances.class, "/api/v1/balances/{id}", studentId);
        long me = turn.user().userId();
        return balances.balances().stream().filter(line -> line.tutorId() == me).findFirst()
                .or(() -> balances.balances().stream().findFirst());
    }

    /** The calling tutor's lesson price for the student; empty when none is set. */
    public Optional<Price> price(Turn turn, long studentId) {
        Prices prices = turn.gateway().get(Prices.class, "/api/v1/prices/{id}", studentId);
        long me = turn.user().userId();
        return prices.prices().stream().filter(price -> price.tutorId() == me).findFirst()
                .or(() -> prices.prices().stream().findFirst());
    }

    /** {@code 5 уроков (7500.00 RUB)}: the balance in lessons, with money when a price is set. */
    String balanceText(Turn turn, int lessons, BigDecimal money, String currency) {
        String text = LessonCount.of(lessons, turn.t());
        return money == null ? text : text + " " + turn.t("pay.money_in_brackets", money(money, currency));
    }

    static String money(BigDecimal amount, String currency) {
        return amount.toPlainString() + (currency == null || currency.isBlank() ? "" : " " + currency);
    }

    // ---- the payments screen ----

    public Screen overview(Turn turn, long studentId, int page, String notice) {
        User student = student(turn, studentId);
        StringBuilder text = new StringBuilder();
        if (notice != null) {
            text.append(notice).append("\n\n");
        }
        text.append(turn.t("pay.overview.title", student.fullName())).append('\n');
        Optional<Balances.Line> balance = balance(turn, studentId);
        text.append(turn.t("pay.overview.balance", balance
                .map(line -> balanceText(turn, line.balanceLessons(), line.balanceMoney(), line.currency()))
                .orElseGet(() -> LessonCount.of(0, turn.t())))).append('\n');
        balance.ifPresent(line -> text.append(turn.t("pay.overview.paid_charged", String.valueOf(line.paidLessons()),
                String.valueOf(line.chargedLessons()))).append('\n'));
        text.append(priceLine(turn, studentId)).append("\n\n");

        Page<Payment> payments = turn.gateway().get(PAYMENT_PAGE,
                "/api/v1/payments?student_id={student}&page={page}&size={size}", studentId, Math.max(1, page),
                PAGE_SIZE);
        if (payments.items().isEmpty() && payments.pages() > 0 && page > payments.pages()) {
            payments = turn.gateway().get(PAYMENT_PAGE, "/api/v1/payments?student_id={student}&page={page}&size={size}",
                    studentId, payments.pages(), PAGE_SIZE);
        }
        Keyboard.InlineBuilder keyboard = Keyboard.inline();
        if (payments.total() == 0) {
            text.append(turn.t("pay.overview.none"));
        } else {
            text.append(turn.t("pay.overview.payments", String.valueOf(payments.total())));
            for (Payment payment : payments.items()) {
                text.append('\n').append(paymentLine(turn, payment));
                if (!payment.voided()) {
                    keyboard.row(Button.of(turn.t().raw("pay.btn.void", day(turn, payment.paidAt()),
                            LessonCount.signed(payment.lessonsPaid(), true)), PaymentRoutes.VOID.data(payment.id())));
                }
            }
        }
        if (payments.pages() > 1) {
            List<Button> nav = new ArrayList<>();
            if (payments.page() > 1) {
                nav.add(Button.of(turn.t("common.prev"), PaymentRoutes.LIST.data(studentId, payments.page() - 1)));
            }
            nav.add(Button.of(turn.t("common.page", String.valueOf(payments.page()),
                    String.valueOf(payments.pages())), Routes.NOOP.data()));
            if (payments.page() < payments.pages()) {
                nav.add(Button.of(turn.t("common.next"), PaymentRoutes.LIST.data(studentId, payments.page() + 1)));
            }
            keyboard.row(nav);
        }
        keyboard.row(Button.of(turn.t("pay.btn.add"), Routes.PAYMENT_ADD.data(studentId)),
                Button.of(turn.t("pay.btn.statement"), PaymentRoutes.STATEMENT.data(studentId, 0)));
        keyboard.row(Button.of(turn.t("pay.btn.price"), PaymentRoutes.PRICE.data(studentId)));
        keyboard.row(Button.of(turn.t("common.to_student"), Routes.STUDENT.data(studentId)));
        return Screen.of(text.toString().stripTrailing(), keyboard.build());
    }

    private String priceLine(Turn turn, long studentId) {
        try {
            return price(turn, studentId).map(p -> turn.t("pay.overview.price", money(p.amount(), p.currency())))
                    .orElseGet(() -> turn.t("pay.overview.no_price"));
        } catch (GatewayProblem | GatewayUnavailable unavailable) {
            return turn.t("pay.overview.price", "—");
        }
    }

    /** {@code • 03.12.2026 · +8 уроков · 12000.50 RUB · карта}; a voided one struck through and marked. */
    String paymentLine(Turn turn, Payment payment) {
        StringBuilder line = new StringBuilder(DateTimeText.date(payment.paidAt(), turn.zone())).append(" · ")
                .append(LessonCount.signed(payment.lessonsPaid(), true)).append(' ')
                .append(turn.t("pay.lessons.word." + LessonCount.form(payment.lessonsPaid(), turn.t().language())));
        if (payment.amount() != null) {
            line.append(" · ").append(money(payment.amount(), payment.currency()));
        }
        if (payment.method() != null) {
            line.append(" · ").append(turn.t("pay.method." + payment.method().value()));
        }
        if (!payment.voided()) {
            return turn.t().raw("pay.overview.line", line.toString());
        }
        String reason = payment.voidReason() == null || payment.voidReason().isBlank() ? ""
                : turn.t("pay.overview.void_reason", payment.voidReason());
        return turn.t().raw("pay.overview.line_voided", line.toString(),
                DateTimeText.date(payment.voidedAt(), turn.zone()), reason);
    }

    static String day(Turn turn, OffsetDateTime moment) {
        return moment == null ? "—" : DAY_MONTH.format(moment.toInstant().atZone(turn.zone()));
    }

    // ---- the statement ----

    /** Page {@code page} of the statement (1 = the oldest lines; 0 or past the end = the latest). */
    public Screen statement(Turn turn, long studentId, int page) {
        User student = student(turn, studentId);
        Statement statement = turn.gateway().get(Statement.class, "/api/v1/balances/{id}/statement", studentId);
        List<Line> entries = statement.entries();
        int pages = Math.max(1, (entries.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = page < 1 || page > pages ? pages : page;
        List<Line> shown = entries.subList((current - 1) * PAGE_SIZE, Math.min(entries.size(), current * PAGE_SIZE));
        Map<Long, String> topics = topics(turn, studentId, shown);

        StringBuilder text = new StringBuilder(turn.t("pay.statement.title", student.fullName())).append('\n');
        text.append(turn.t("pay.statement.now", balanceText(turn, statement.closingBalance(),
                statement.closingBalanceMoney(), statement.currency()))).append("\n\n");
        if (entries.isEmpty()) {
            text.append(turn.t("pay.statement.empty"));
        } else {
            if (current == 1) {
                text.append(turn.t("pay.statement.opening", LessonCount.signed(statement.openingBalance(), false)))
                        .append('\n');
            }
            for (Line line : shown) {
                text.append(statementLine(turn, line, topics)).append('\n');
            }
        }
        Keyboard.InlineBuilder keyboard = Keyboard.inline();
        if (pages > 1) {
            List<Button> nav = new ArrayList<>();
            if (current > 1) {
                nav.add(Button.of(turn.t("common.prev"), PaymentRoutes.STATEMENT.data(studentId, current - 1)));
            }
            nav.add(Button.of(turn.t("common.page", String.valueOf(current), String.valueOf(pages)),
                    Routes.NOOP.data()));
            if (current < pages) {
                nav.add(Button.of(turn.t("common.next"), PaymentRoutes.STATEMENT.data(studentId, current + 1)));
            }
            keyboard.row(nav);
        }
        keyboard.row(Button.of(turn.t("pay.btn.to_payments"), PaymentRoutes.LIST.data(studentId, 1)),
                Button.of(turn.t("common.to_student"), Routes.STUDENT.data(studentId)));
        return Screen.of(text.toString().stripTrailing(), keyboard.build());
    }

    /** {@code 03.12 💰 оплата +8 → 12}, {@code 05.12 📚 урок −1 (Дроби) → 11}, {@code 06.12 ❌ аннулирование −8 → 3}. */
    String statementLine(Turn turn, Line line, Map<Long, String> topics) {
        String day = day(turn, line.at());
        String change = LessonCount.signed(line.lessons(), true);
        String after = LessonCount.signed(line.balanceAfter(), false);
        return switch (line.kind() == null ? "" : line.kind()) {
            case "payment" -> {
                String amount = line.amount() == null ? "" : " · " + money(line.amount(), line.currency());
                yield turn.t(line.voided() ? "pay.statement.payment_voided" : "pay.statement.payment", day,
                        change + amount, after);
            }
            case "payment_void" -> turn.t("pay.statement.void", day, change
                    + (line.voidReason() == null || line.voidReason().isBlank() ? ""
                            : turn.t().raw("pay.statement.reason", line.voidReason())), after);
            case "lesson" -> {
                String topic = line.lessonId() == null ? null : topics.get(line.lessonId());
                String about = topic == null ? "" : " (" + topic + ")";
                if ("unexcused_absence".equals(line.attendanceStatus())) {
                    about += " · " + turn.t().raw("pay.statement.unexcused");
                }
                yield turn.t("pay.statement.lesson", day, change + about, after);
            }
            default -> turn.t("pay.statement.other", day, change, after);
        };
    }

    /**
     * The topics of the page's lessons, in one call for the page's time span; none when lesson-service does not
     * answer (the lines still show dates and balances).
     */
    private Map<Long, String> topics(Turn turn, long studentId, List<Line> shown) {
        List<Line> lessons = shown.stream().filter(l -> "lesson".equals(l.kind()) && l.lessonId() != null
                && l.at() != null).toList();
        Map<Long, String> topics = new HashMap<>();
        if (lessons.isEmpty()) {
            return topics;
        }
        OffsetDateTime from = lessons.getFirst().at().minusMinutes(1);
        OffsetDateTime to = lessons.getLast().at().plusMinutes(1);
        try {
            Page<Lesson> page = turn.gateway().get(LESSON_PAGE,
                    "/api/v1/lessons?student_id={student}&from={from}&to={to}&order=asc&size=100", studentId,
                    DateTimeFormatter.ISO_INSTANT.format(from.withOffsetSameInstant(ZoneOffset.UTC)),
                    DateTimeFormatter.ISO_INSTANT.format(to.withOffsetSameInstant(ZoneOffset.UTC)));
            for (Lesson lesson : page.items()) {
                if (lesson.topic() != null && !lesson.topic().isBlank()) {
                    topics.put(lesson.id(), lesson.topic().strip());
                }
            }
        } catch (GatewayProblem | GatewayUnavailable unavailable) {
            // Dates and balances are enough to read the statement.
        }
        return topics;
    }
}
