package ru.repitbot.payment.api;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import ru.repitbot.models.PaymentMethod;
import ru.repitbot.payment.domain.Payment;

/**
 * A payment. Money is a decimal string ({@code "12000.00"}); dates are in the student's zone with its offset.
 *
 * @param voided whether the payment was voided (it stays listed, but no longer counts towards the balance)
 * @param balanceAfter only in the answer to {@code POST} (and to a void): the student's balance with this tutor, in
 *        lessons, right after the change (for a replay: as it is now)
 */
@Schema(description = "A payment; amount is a decimal string. A voided payment is kept and shown, flagged voided, "
        + "with voided_at, voided_by and void_reason; it no longer counts towards the balance")
public record PaymentResponse(long id, long tutorId, long studentId, int lessonsPaid,
        @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = "string", format = "decimal") BigDecimal amount,
        String currency, PaymentMethod method, OffsetDateTime paidAt, String comment, OffsetDateTime createdAt,
        String createdBy, boolean voided, OffsetDateTime voidedAt, String voidedBy, String voidReason,
        Integer balanceAfter) {

    public static PaymentResponse of(Payment p, ZoneId zone, Integer balanceAfter) {
        return new PaymentResponse(p.id(), p.tutorId(), p.studentId(), p.lessonsPaid(), p.amount(), p.currency(),
                p.method(), p.paidAt().atZone(zone).toOffsetDateTime(), p.comment(),
                p.createdAt().atZone(zone).toOffsetDateTime(), p.createdBy(), p.voided(),
                p.voidedAt() == null ? null : p.voidedAt().atZone(zone).toOffsetDateTime(), p.voidedBy(),
                p.voidReason(), balanceAfter);
    }
}
