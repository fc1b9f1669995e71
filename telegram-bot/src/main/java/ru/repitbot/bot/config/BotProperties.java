package ru.repitbot.bot.config;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the bot. The seed's names are mapped by shared/config: {@code API_GATEWAY_URL} ->
 * {@code repitbot.gateway-url}, {@code TELEGRAM_BOT_TOKEN} -> {@code repitbot.telegram.token},
 * {@code TELEGRAM_API_URL} -> {@code repitbot.telegram.api-url}.
 *
 * @param gatewayUrl the API gateway, the only service the bot talks to
 */
@ConfigurationProperties("repitbot")
public record BotProperties(@DefaultValue("http://127.0.0.1:8000") URI gatewayUrl, @DefaultValue Telegram telegram) {

    /**
     * @param token the bot's token from @BotFather; empty = the bot stays idle
     * @param apiUrl the Bot API base URL the token is appended to (a self-hosted Bot API server, or a fake in tests)
     * @param pollTimeout how long one {@code getUpdates} long poll may wait for updates
     * @param retryDelay the first wait after a failed poll; it doubles up to {@code maxRetryDelay}
     * @param maxRetryDelay the longest wait between failed polls
     */
    public record Telegram(String token, @DefaultValue("https://api.telegram.org/bot") String apiUrl,
            @DefaultValue("25s") Duration pollTimeout, @DefaultValue("1s") Duration retryDelay,
            @DefaultValue("30s") Duration maxRetryDelay) {

        public boolean enabled() {
            return token != null && !token.isBlank();
        }
    }
}
