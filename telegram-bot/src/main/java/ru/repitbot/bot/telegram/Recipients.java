package ru.repitbot.bot.telegram;

import java.time.Duration;
import org.springframework.data.redis.core.StringRedisTemplate;
import ru.repitbot.bot.session.RedisKeys;

/**
 * Chats that blocked the bot (Telegram's 403): marked in Redis, nothing more is sent to them, until the person writes
 * to the bot again (they unblocked it). Notification-service may read the same mark later.
 */
public final class Recipients {

    private static final Duration REMEMBER = Duration.ofDays(30);

    private final StringRedisTemplate redis;
    private final RedisKeys keys;

    public Recipients(StringRedisTemplate redis, RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    public void markUnreachable(long chatId, String reason) {
        redis.opsForValue().set(keys.unreachable(chatId), reason, REMEMBER);
    }

    public boolean unreachable(long chatId) {
        return Boolean.TRUE.equals(redis.hasKey(keys.unreachable(chatId)));
    }

    /** The person wrote to the bot: they can be reached again. */
    public void reachable(long chatId) {
        redis.delete(keys.unreachable(chatId));
    }
}
