package ru.repitbot.bot.gateway;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The bot's own service token (contracts.md "Login through the bot"): client credentials {@code telegram-bot} +
 * {@code TELEGRAM_BOT_SECRET_KEY} at {@code POST /api/v1/auth/token}, kept until a minute before it expires. It goes
 * with login and refresh, so auth-service counts wrong codes per Telegram id only (all logins come from the bot's
 * address). Without a secret the bot still works; logins are then counted per address too.
 */
public final class ServiceTokens {

    private static final Logger log = LoggerFactory.getLogger(ServiceTokens.class);

    private final GatewayHttp http;
    private final String clientId;
    private final String clientSecret;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile String token;
    private volatile Instant renewAt = Instant.MIN;
    private volatile boolean warnedMissing;

    public ServiceTokens(GatewayHttp http, String clientId, String clientSecret, Clock clock) {
        this.http = http;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.clock = clock;
    }

    /** The current token; empty without a secret or while auth-service refuses or is unreachable (logged). */
    public Optional<String> bearer() {
        if (clientSecret == null || clientSecret.isBlank()) {
            if (!warnedMissing) {
                warnedMissing = true;
                log.warn("TELEGRAM_BOT_SECRET_KEY is not set: logins go to auth-service without the bot's service "
                        + "token, so wrong codes are also counted per address (all users share the bot's)");
            }
            return Optional.empty();
        }
        if (token != null && clock.instant().isBefore(renewAt)) {
            return Optional.of(token);
        }
        lock.lock();
        try {
            if (token == null || !clock.instant().isBefore(renewAt)) {
                fetch();
            }
            return Optional.ofNullable(token);
        } finally {
            lock.unlock();
        }
    }

    /** Forget the token (auth-service refused it: rotated keys, changed secret); the next call fetches a new one. */
    public void invalidate() {
        renewAt = Instant.MIN;
    }

    private void fetch() {
        Map<String, String> body = Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", clientSecret);
        try {
            GatewayHttp.Response response = http.send("POST", "/api/v1/auth/token", new Object[0], body, null, Map.of());
            if (!response.ok()) {
                log.warn("auth-service refused the bot's service token request with {} (check TELEGRAM_BOT_SECRET_KEY)",
                        response.status());
                token = null;
                return;
            }
            JsonNode answer = http.json().readTree(response.body());
            long expiresIn = answer.path("expires_in").asLong(300);
            token = answer.path("access_token").asString();
            renewAt = clock.instant().plus(Duration.ofSeconds(Math.max(30, expiresIn - 60)));
        } catch (GatewayUnavailable e) {
            log.warn("Could not get the bot's service token: {}", e.getMessage());
            token = null;
        }
    }
}
