package ru.repitbot.notification.app.delivery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the delivery engine reaches Telegram. {@code TELEGRAM_BOT_TOKEN} and {@code TELEGRAM_API_URL} are mapped here
 * by shared/config; the limits have the same names, defaults and Redis buckets as telegram-bot's, so the bot's
 * replies and the engine's messages share one budget.
 *
 * @param token the bot's token; empty = the engine does not run
 * @param apiUrl the Bot API base the token is appended to ({@code {apiUrl}{token}/{method}})
 * @param connectTimeout connecting to the Bot API
 * @param readTimeout waiting for one answer; after it the attempt is "no answer" (retried with back-off)
 */
@ConfigurationProperties("repitbot.telegram")
public record TelegramSettings(String token, @DefaultValue("https://api.telegram.org/bot") String apiUrl,
        @DefaultValue("5s") Duration connectTimeout, @DefaultValue("15s") Duration readTimeout,
        @DefaultValue Limits limits) {

    public boolean enabled() {
        return token != null && !token.isBlank();
    }

    /**
     * Telegram's limits (about 30 messages a second in all, one a second per chat with a small burst, 20 a minute
     * per group), as telegram-bot's {@code repitbot.telegram.limits}.
     */
    public record Limits(@DefaultValue("30") int globalPerSecond, @DefaultValue("1") int perChatPerSecond,
            @DefaultValue("3") int perChatBurst, @DefaultValue("20") int groupPerMinute) {

        public ru.repitbot.telegram.limits.Limits toLimits() {
            return new ru.repitbot.telegram.limits.Limits(globalPerSecond, perChatPerSecond, perChatBurst,
                    groupPerMinute);
        }
    }
}
