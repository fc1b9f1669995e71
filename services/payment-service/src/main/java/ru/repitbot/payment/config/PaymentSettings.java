package ru.repitbot.payment.config;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import ru.repitbot.payment.domain.LowBalanceRule;
import ru.repitbot.payment.domain.Money;

/**
 * Settings of payment-service ({@code repitbot.payments.*}).
 *
 * @param currency ISO 4217 code of an amount or price given without one ({@code CURRENCY}, default RUB)
 * @param lowBalanceThreshold {@code balance.low} when a change lowers a balance to this or below
 *        ({@code LOW_BALANCE_THRESHOLD}, default 1)
 * @param defaultTimeZone zone for a student whose own zone is unknown ({@code DEFAULT_TIME_ZONE})
 */
@ConfigurationProperties("repitbot.payments")
public record PaymentSettings(String currency, Integer lowBalanceThreshold, String defaultTimeZone) {

    public PaymentSettings {
        currency = currency == null || currency.isBlank() ? "RUB" : currency.strip().toUpperCase(java.util.Locale.ROOT);
        if (!Money.isIso4217(currency)) {
            throw new IllegalStateException("repitbot.payments.currency (CURRENCY) must be an ISO 4217 code, not "
                    + currency);
        }
        lowBalanceThreshold = lowBalanceThreshold == null ? LowBalanceRule.DEFAULT_THRESHOLD : lowBalanceThreshold;
        defaultTimeZone = defaultTimeZone == null || defaultTimeZone.isBlank() ? "Europe/Kaliningrad"
                : defaultTimeZone.strip();
        ZoneId.of(defaultTimeZone);
    }

    public ZoneId zone() {
        return ZoneId.of(defaultTimeZone);
    }
}
