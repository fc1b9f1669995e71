package ru.repitbot.payment.api;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import ru.repitbot.models.AttendanceStatus;
import ru.repitbot.models.PaymentMethod;

/** Response bodies about balances, statements and prices. Money is a decimal string. */
public final class BalanceResponses {

    private BalanceResponses() {
    }

    @Schema(description = "A student's balances, one line per tutor (a tutor sees only their own line)")
    public record StudentBalances(long studentId, List<TutorBalance> balances) {
    }

    @Schema(description = "Balance in lessons = paid_lessons − charged_lessons (may be negative); money where a "
            + "lesson price is set")
    public record TutorBalance(long tutorId, int balanceLessons, long paidLessons, long chargedLessons,
            @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = "string", format = "decimal")
            BigDecimal lessonPrice,
            String currency,
            @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = "string", format = "decimal")
            BigDecimal balanceMoney) {
    }

    @Schema(description = "Every payment, charged lesson and payment reversal (void) of a student with one tutor, in "
            + "time order, each with the balance after it; opening_balance counts everything before from")
    public record Statement(long studentId, long tutorId, OffsetDateTime from, OffsetDateTime to,
            int openingBalance, int closingBalance,
            @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = "string", format = "decimal")
            BigDecimal lessonPrice,
            String currency,
            @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = "string", format = "decimal")
            BigDecimal closingBalanceMoney,
            List<StatementLine> entries) {
    }

    @Schema(description = "kind = payment (payment_id, lessons = lessons_paid, amount as paid; voided = true when it "
            + "was voided later), payment_void (the reversal of a voided payment at the void date: payment_id, "
            + "lessons = -lessons_paid, amount = -amount, void_reason) or lesson (lesson_id, lessons = -1, amount = the "
            + "lesson price)")
    public record StatementLine(
            @Schema(allowableValues = {"payment", "payment_void", "lesson"}) String kind, Long paymentId,
            Long lessonId, OffsetDateTime at, int lessons,
            @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = "string", format = "decimal")
            BigDecimal amount,
            String currency, PaymentMethod method, AttendanceStatus attendanceStatus, String comment,
            boolean voided, String voidReason,
            int balanceAfter,
            @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = "string", format = "decimal")
            BigDecimal balanceMoneyAfter) {
    }

    @Schema(description = "A student's lesson prices, one per tutor (a tutor sees only their own)")
    public record StudentPrices(long studentId, List<PriceResponse> prices) {
    }

    @Schema(description = "The price of one lesson")
    public record PriceResponse(long studentId, long tutorId,
            @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = "string", format = "decimal")
            BigDecimal amount,
            String currency, OffsetDateTime updatedAt, String updatedBy) {
    }

    @Schema(description = "A balance at the low-balance threshold or below")
    public record LowBalance(long studentId, long tutorId, int balanceLessons, int threshold) {
    }
}
