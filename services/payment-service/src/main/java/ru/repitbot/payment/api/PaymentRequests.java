package ru.repitbot.payment.api;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import ru.repitbot.models.PaymentMethod;
import ru.repitbot.payment.domain.NewPayment;
import ru.repitbot.payment.domain.PaymentVoiding;

/** Request bodies of payment-service. */
public final class PaymentRequests {

    private PaymentRequests() {
    }

    /** A payment to record. */
    @Schema(description = "A payment: lessons_paid is required and not 0 (negative = a correction); money is optional")
    public record Create(
            @NotNull @Positive @Schema(example = "42") Long studentId,
            @Positive @Schema(description = "Required for an admin or a service; a tutor records for themselves")
            Long tutorId,
            @NotNull @Min(-NewPayment.MAX_LESSONS) @Max(NewPayment.MAX_LESSONS)
            @Schema(description = "Whole number of lessons, not 0; negative corrects an earlier payment",
                    format = "int32", example = "8") Long lessonsPaid,
            @DecimalMin(value = "0.00", message = "must be 0 or more")
            @Digits(integer = 10, fraction = 2, message = "must have at most 10 digits and 2 decimal places")
            @Schema(type = "string", format = "decimal", description = "Money received, 2 decimals; a JSON number "
                    + "or a decimal string", example = "12000.00") BigDecimal amount,
            @Size(max = 3, message = "must be an ISO 4217 code")
            @Schema(description = "ISO 4217; default the installation's (RUB), only with an amount",
                    example = "RUB") String currency,
            @Schema(description = "cash, card or transfer") PaymentMethod method,
            @Size(max = 40) @Schema(description = "ISO-8601 date-time or date; default now",
                    example = "2025-03-03T16:30:00+02:00") String paidAt,
            @Size(max = 1000) @Schema(example = "За март") String comment) {
    }

    /** Voiding a payment entered by mistake; the reason is shown on the statement beside the reversal. */
    @Schema(description = "Why the payment is voided (optional; shown to the family on the statement)")
    public record Voiding(
            @Size(max = PaymentVoiding.MAX_REASON) @Schema(example = "Записан дважды") String reason) {
    }

    /** A lesson price. */
    @Schema(description = "The price of one lesson of this student with a tutor")
    public record Price(
            @NotNull @DecimalMin(value = "0.00", message = "must be 0 or more")
            @Digits(integer = 10, fraction = 2, message = "must have at most 10 digits and 2 decimal places")
            @Schema(type = "string", format = "decimal", example = "1500.00") BigDecimal amount,
            @Size(max = 3, message = "must be an ISO 4217 code")
            @Schema(description = "ISO 4217; default the installation's (RUB)", example = "RUB") String currency,
            @Positive @Schema(description = "Required for an admin or a service; a tutor sets their own price")
            Long tutorId) {
    }
}
