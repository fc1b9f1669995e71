package ru.repitbot.bot.flows.student;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import ru.repitbot.bot.dialog.Turn;
import ru.repitbot.bot.flows.student.FamilyApi.PaymentInfo;
import ru.repitbot.bot.gateway.GatewayProblem;
import ru.repitbot.bot.gateway.GatewayUnavailable;
import ru.repitbot.bot.gateway.model.Balances;
import ru.repitbot.bot.i18n.Lang;
import ru.repitbot.bot.time.DateTimeText;

/**
 * A student's balance and payments as the family sees them (docs/domain/analytics.md#student-and-parent-figures): one line per tutor (lessons, and money when
 * the tutor set a price), the last payments with voided ones marked. payment-service or user-service being down
 * shows "—" there instead of failing the whole screen.
 */
public final class BalanceText {

    private BalanceText() {
    }

    /**
     * One line per tutor: "👨‍🏫 Name: 4 ур. (6000.00 RUB)".
     *
     * @param childId null for the student's own balance (their tutors from {@code /users/me/tutors}), else the
     *        parent's child
     */
    public static String lines(Turn turn, long studentId, Long childId) {
        Lang t = turn.t();
        Balances balances;
        try {
            balances = FamilyApi.balances(turn, studentId);
        } catch (GatewayUnavailable | GatewayProblem unavailable) {
            return t.get("family.balance.unavailable");
        }
        if (balances.balances().isEmpty()) {
            return t.get("family.balance.none");
        }
        Map<Long, String> names = tutorNames(turn, childId);
        StringBuilder text = new StringBuilder();
        for (Balances.Line line : balances.balances()) {
            String tutor = names.getOrDefault(line.tutorId(), t.get("family.balance.tutor_unknown"));
            String lessons = t.get("family.balance.lessons", String.valueOf(line.balanceLessons()));
            if (line.balanceMoney() != null) {
                lessons = lessons + " " + t.get("family.balance.money", line.balanceMoney().toPlainString(),
                        line.currency() == null ? "" : line.currency());
            }
            text.append(t.raw("family.balance.line", FamilyTexts.html(tutor), lessons));
            if (line.balanceLessons() < 0) {
                text.append(' ').append(t.get("family.balance.debt"));
            }
            text.append('\n');
        }
        return text.toString().stripTrailing();
    }

    /** The lessons left with every tutor together, or null when payment-service does not answer. */
    public static Integer total(Turn turn, long studentId) {
        try {
            return FamilyApi.balances(turn, studentId).balances().stream().mapToInt(Balances.Line::balanceLessons)
                    .sum();
        } catch (GatewayUnavailable | GatewayProblem unavailable) {
            return null;
        }
    }

    /** The last {@code count} payments, newest first; voided ones stay, marked. */
    public static String payments(Turn turn, long studentId, int count) {
        Lang t = turn.t();
        List<PaymentInfo> payments;
        try {
            payments = FamilyApi.payments(turn, studentId, count).items();
        } catch (GatewayUnavailable | GatewayProblem unavailable) {
            return t.get("family.payments.unavailable");
        }
        if (payments.isEmpty()) {
            return t.get("family.payments.none");
        }
        StringBuilder text = new StringBuilder(t.get("family.payments.title")).append('\n');
        for (PaymentInfo payment : payments) {
            String lessons = (payment.lessonsPaid() > 0 ? "+" : "") + payment.lessonsPaid();
            String line = t.get("family.payments.line", DateTimeText.date(payment.paidAt(), turn.zone()), lessons);
            if (payment.amount() != null) {
                line = line + " " + t.get("family.balance.money", payment.amount().toPlainString(),
                        payment.currency() == null ? "" : payment.currency());
            }
            if (payment.voided()) {
                line = t.raw("family.payments.voided", line);
            }
            text.append(line).append('\n');
        }
        return text.toString().stripTrailing();
    }

    private static Map<Long, String> tutorNames(Turn turn, Long childId) {
        try {
            return FamilyApi.tutors(turn, childId).stream()
                    .collect(Collectors.toMap(FamilyApi.Person::id, FamilyApi.Person::fullName, (a, b) -> a));
        } catch (GatewayUnavailable | GatewayProblem unavailable) {
            return Map.of();
        }
    }
}
