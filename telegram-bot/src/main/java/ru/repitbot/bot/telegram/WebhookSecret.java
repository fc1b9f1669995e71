package ru.repitbot.bot.telegram;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import org.springframework.data.redis.core.StringRedisTemplate;
import ru.repitbot.bot.session.RedisKeys;

/**
 * The {@code secret_token} Telegram echoes in {@code X-Telegram-Bot-Api-Secret-Token}: {@code TELEGRAM_WEBHOOK_SECRET}
 * when set, else a random one created once in Redis so that every replica (each may call {@code setWebhook}) uses the
 * same. Without a webhook and without a configured secret there is none, and the endpoint accepts nothing.
 */
public final class WebhookSecret {

    private final String configured;
    private final boolean webhook;
    private final StringRedisTemplate redis;
    private final RedisKeys keys;
    private volatile String resolved;

    public WebhookSecret(String configured, boolean webhook, StringRedisTemplate redis, RedisKeys keys) {
        this.configured = configured == null || configured.isBlank() ? null : configured.strip();
        this.webhook = webhook;
        this.redis = redis;
        this.keys = keys;
    }

    /** The secret, or null when webhooks are off and none is configured. */
    public String value() {
        if (configured != null) {
            return configured;
        }
        if (!webhook) {
            return null;
        }
        String known = resolved;
        if (known == null) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            // Telegram allows 1-256 of A-Z a-z 0-9 _ -.
            redis.opsForValue().setIfAbsent(keys.webhookSecret(), HexFormat.of().formatHex(random),
                    Duration.ofDays(3650));
            known = redis.opsForValue().get(keys.webhookSecret());
            resolved = known;
        }
        return known;
    }

    /** Constant-time comparison: a wrong secret tells nothing about the right one. */
    public boolean matches(String presented) {
        String expected = value();
        return expected != null && presented != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }
}
