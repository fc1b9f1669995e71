package ru.repitbot.events.catalogue;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import ru.repitbot.models.PaymentMethod;

/**
 * The changed fields of a payment ({@code payment.updated}'s {@code changes}): one {@link Change} per field,
 * {@code null} when that field did not change; only changed fields are on the wire. {@code amount} travels as a
 * decimal string, like every amount of the catalogue.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PaymentChanges(
        Change<Integer> lessonsPaid,
        Change<OffsetDateTime> paymentDate,
        Change<BigDecimal> amount,
        Change<String> currency,
        Change<PaymentMethod> method) {
}
