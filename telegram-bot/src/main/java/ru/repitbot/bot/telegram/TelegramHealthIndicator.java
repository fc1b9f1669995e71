package ru.repitbot.bot.telegram;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code telegram} component of {@code /health}: {@code mode: disabled} without a token; otherwise
 * {@code polling}, {@code standby} (the other replica polls) or {@code webhook}, with the latest attempt's outcome.
 * It stays UP while Telegram is unreachable: restarting the bot would not bring Telegram back, and the bot retries by
 * itself; the details say what is wrong.
 */
public class TelegramHealthIndicator implements HealthIndicator {

    private final PollingState state;
    private final String apiUrl;

    public TelegramHealthIndicator(PollingState state, String apiUrl) {
        this.state = state;
        this.apiUrl = apiUrl;
    }

    @Override
    public Health health() {
        if (!state.enabled()) {
            return Health.up()
                    .withDetail("mode", "disabled")
                    .withDetail("hint", "set TELEGRAM_BOT_TOKEN to start polling Telegram")
                    .build();
        }
        Health.Builder health = Health.up().withDetail("mode", state.mode()).withDetail("api_url", apiUrl);
        if (state.lastPoll() != null) {
            health.withDetail("last_poll", state.lastPoll().toString());
        }
        if (state.lastError() != null) {
            health.withDetail("last_error", state.lastError())
                    .withDetail("last_error_at", state.lastErrorAt().toString())
                    .withDetail("failed_polls_in_a_row", state.failuresInARow());
        }
        return health.build();
    }
}
