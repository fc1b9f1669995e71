package ru.repitbot.bot.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Logins, preferences and dialog states in Redis, so that two replicas share them and a restarted bot continues a
 * dialog where the person left it. Logins live as long as their refresh token; dialogs {@code dialogTtl} (24 h).
 */
public final class SessionStore {

    private final StringRedisTemplate redis;
    private final RedisKeys keys;
    private final JsonMapper json;
    private final Duration dialogTtl;

    public SessionStore(StringRedisTemplate redis, RedisKeys keys, JsonMapper json, Duration dialogTtl) {
        this.redis = redis;
        this.keys = keys;
        this.json = json;
        this.dialogTtl = dialogTtl;
    }

    public Optional<Login> login(long telegramUserId) {
        return Optional.ofNullable(redis.opsForValue().get(keys.login(telegramUserId)))
                .map(value -> json.readValue(value, Login.class));
    }

    public void saveLogin(long telegramUserId, Login login) {
        Duration ttl = Duration.between(Instant.now(), login.refreshExpiresAt());
        if (ttl.isNegative() || ttl.isZero()) {
            forgetLogin(telegramUserId);
            return;
        }
        redis.opsForValue().set(keys.login(telegramUserId), json.writeValueAsString(login), ttl);
    }

    public void forgetLogin(long telegramUserId) {
        redis.delete(keys.login(telegramUserId));
    }

    public Preferences preferences(long telegramUserId) {
        Map<Object, Object> hash = redis.opsForHash().entries(keys.preferences(telegramUserId));
        return new Preferences((String) hash.get("language"), (String) hash.get("time_zone"));
    }

    public void savePreferences(long telegramUserId, Preferences preferences) {
        String key = keys.preferences(telegramUserId);
        put(key, "language", preferences.language());
        put(key, "time_zone", preferences.timeZone());
    }

    private void put(String key, String field, String value) {
        if (value == null) {
            redis.opsForHash().delete(key, field);
        } else {
            redis.opsForHash().put(key, field, value);
        }
    }

    public Optional<DialogState> dialog(long telegramUserId, long chatId) {
        return Optional.ofNullable(redis.opsForValue().get(keys.dialog(telegramUserId, chatId)))
                .map(value -> json.readValue(value, DialogState.class));
    }

    public void saveDialog(long telegramUserId, long chatId, DialogState state) {
        String key = keys.dialog(telegramUserId, chatId);
        redis.opsForValue().set(key, json.writeValueAsString(state), dialogTtl);
        redis.opsForZSet().add(keys.activeDialogs(), key, Instant.now().plus(dialogTtl).toEpochMilli());
    }

    public void clearDialog(long telegramUserId, long chatId) {
        String key = keys.dialog(telegramUserId, chatId);
        redis.delete(key);
        redis.opsForZSet().remove(keys.activeDialogs(), key);
    }

    /**
     * Claims telling notification-service that {@code userId}'s chat is {@code chatId}: true (and marked for
     * {@code every}) when it was not told in that time — the caller tells it, and {@link #forgetChatRegistration}s
     * when that failed.
     */
    public boolean claimChatRegistration(long userId, long chatId, Duration every) {
        return Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(keys.chatRegistered(userId, chatId), "1", every));
    }

    public void forgetChatRegistration(long userId, long chatId) {
        redis.delete(keys.chatRegistered(userId, chatId));
    }

    /** Dialogs started and neither finished nor expired (across replicas), for the metrics. */
    public long activeDialogs() {
        long now = Instant.now().toEpochMilli();
        redis.opsForZSet().removeRangeByScore(keys.activeDialogs(), 0, now);
        Long count = redis.opsForZSet().zCard(keys.activeDialogs());
        return count == null ? 0 : count;
    }
}
