package ru.repitbot.bot.config;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the bot. The seed's names are mapped by shared/config ({@code API_GATEWAY_URL} ->
 * {@code repitbot.gateway-url}, {@code TELEGRAM_BOT_TOKEN} -> {@code repitbot.telegram.token},
 * {@code TELEGRAM_API_URL} -> {@code repitbot.telegram.api-url}); the bot's own ones ({@code TELEGRAM_WEBHOOK_URL},
 * {@code TELEGRAM_WEBHOOK_SECRET}, {@code TELEGRAM_BOT_SECRET_KEY}) in {@code application.yml}.
 *
 * @param gatewayUrl the API gateway, the only service the bot talks to
 */
@ConfigurationProperties("repitbot")
public record BotProperties(@DefaultValue("http://127.0.0.1:8000") URI gatewayUrl, @DefaultValue Telegram telegram,
        @DefaultValue Bot bot) {

    /**
     * @param token the bot's token from @BotFather; empty = the bot stays idle
     * @param apiUrl the Bot API base URL the token is appended to (a self-hosted Bot API server, or a fake in tests)
     * @param pollTimeout how long one {@code getUpdates} long poll may wait for updates
     * @param retryDelay the first wait after a failed poll or send; it doubles up to {@code maxRetryDelay}
     * @param maxRetryDelay the longest wait between failed attempts
     * @param webhookUrl set: Telegram pushes updates to this public URL (ending in {@code /telegram/webhook}) instead
     *        of the bot polling
     * @param webhookSecret the {@code secret_token} Telegram sends back in {@code X-Telegram-Bot-Api-Secret-Token};
     *        empty = a random one, shared by the replicas through Redis
     * @param sendDeadline how long one outgoing message is retried (429, 5xx, network) before it is given up
     * @param limits Telegram's send limits, enforced across replicas
     */
    public record Telegram(String token, @DefaultValue("https://api.telegram.org/bot") String apiUrl,
            @DefaultValue("25s") Duration pollTimeout, @DefaultValue("1s") Duration retryDelay,
            @DefaultValue("30s") Duration maxRetryDelay, String webhookUrl, String webhookSecret,
            @DefaultValue("2m") Duration sendDeadline, @DefaultValue Limits limits) {

        public boolean enabled() {
            return token != null && !token.isBlank();
        }

        public boolean webhook() {
            return webhookUrl != null && !webhookUrl.isBlank();
        }
    }

    /**
     * Telegram's documented limits (about 30 messages a second in all, one a second per chat with a small burst,
     * 20 a minute per group).
     */
    public record Limits(@DefaultValue("30") int globalPerSecond, @DefaultValue("1") int perChatPerSecond,
            @DefaultValue("3") int perChatBurst, @DefaultValue("20") int groupPerMinute) {
    }

    /**
     * @param clientId the bot's client id for service tokens
     * @param clientSecret {@code TELEGRAM_BOT_SECRET_KEY}: the bot's client secret; empty = logins go without a
     *        service token (auth-service then also counts wrong codes per address)
     * @param redisPrefix every Redis key of the bot starts with it
     * @param dialogTtl how long an unfinished dialog is kept
     * @param updateTtl how long an update id is remembered to drop a second delivery
     * @param defaultTimeZone the zone of a person whose own zone is unknown
     * @param gatewayTimeout one call to the gateway
     * @param lockLease how long a per-chat or poller lock lives without renewal (a crashed replica's locks expire)
     * @param sweepInterval how often chats with waiting updates are looked for (after a restart or a crash)
     */
    public record Bot(@DefaultValue("telegram-bot") String clientId, String clientSecret,
            @DefaultValue("repitbot:bot") String redisPrefix, @DefaultValue("24h") Duration dialogTtl,
            @DefaultValue("48h") Duration updateTtl, @DefaultValue("Europe/Kaliningrad") String defaultTimeZone,
            @DefaultValue("10s") Duration gatewayTimeout, @DefaultValue("30s") Duration lockLease,
            @DefaultValue("2s") Duration sweepInterval) {
    }
}
