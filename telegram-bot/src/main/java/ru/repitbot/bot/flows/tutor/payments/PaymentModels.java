package ru.repitbot.bot.flows.tutor.payments;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import ru.repitbot.models.PaymentMethod;

/**
 * payment-service through the gateway, as its README shows it: money is a decimal string on the wire, dates in the
 * student's zone; what the bot sends leaves nulls out (the service refuses unknown fields).
 */
public final class PaymentModels {

    private PaymentModels() {
    }

    /** A payment; {@code balanceAfter} only in the answers to the POSTs (record, void). */
    public record Payment(long id, long tutorId, long studentId, int lessonsPaid, BigDecimal amount, String currency,
            PaymentMethod method, OffsetDateTime paidAt, String comment, boolean voided, OffsetDateTime voidedAt,
            String voidReason, Integer balanceAfter) {
    }

    /** {@code POST /api/v1/payments}: the amount as a decimal string with two decimals ({@code "12000.50"}). */
    public record NewPayment(long studentId, long lessonsPaid, String amount, String method) {
    }

    /** {@code GET /api/v1/balances/{studentId}/statement}. */
    public record Statement(long studentId, long tutorId, int openingBalance, int closingBalance,
            BigDecimal lessonPrice, String currency, BigDecimal closingBalanceMoney, List<Line> entries) {
        public Statement {
            entries = entries == null ? List.of() : List.copyOf(entries);
        }
    }

    /** One line: {@code kind} payment, payment_void or lesson; {@code lessons} its effect on the balance. */
    public record Line(String kind, Long paymentId, Long lessonId, OffsetDateTime at, int lessons, BigDecimal amount,
            String currency, PaymentMethod method, String attendanceStatus, String comment, boolean voided,
            String voidReason, int balanceAfter, BigDecimal balanceMoneyAfter) {
    }

    /** {@code GET /api/v1/prices/{studentId}}: a tutor sees only their own price. */
    public record Prices(long studentId, List<Price> prices) {
        public Prices {
            prices = prices == null ? List.of() : List.copyOf(prices);
        }
    }

    public record Price(long studentId, long tutorId, BigDecimal amount, String currency) {
    }

    /** {@code PUT /api/v1/prices/{studentId}}: the currency is the installation's. */
    public record NewPrice(String amount) {
    }
}
