package ru.repitbot.bot.telegram;

import java.time.Duration;
import org.springframework.data.redis.core.StringRedisTemplate;
import ru.repitbot.bot.dialog.SentMessages;
import ru.repitbot.bot.session.RedisKeys;

/**
 * The ids of the messages the bot's dialogs sent to each chat, the newest {@value #KEPT} of the last
 * {@link #REMEMBER}, in Redis (a sorted set per chat, shared by the replicas). A reply to any other message of the
 * bot was delivered by notification-service (same bot token) and is forwarded to it. A reply to a dialog message
 * older than that is taken as a reply to a delivered one, and notification-service answers that it is none.
 */
public final class DialogMessages implements SentMessages {

    static final int KEPT = 500;
    static final Duration REMEMBER = Duration.ofDays(60);

    private final StringRedisTemplate redis;
    private final RedisKeys keys;

    public DialogMessages(StringRedisTemplate redis, RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    public void record(long chatId, int messageId) {
        String key = keys.dialogMessages(chatId);
        redis.opsForZSet().add(key, Integer.toString(messageId), messageId);
        redis.opsForZSet().removeRange(key, 0, -KEPT - 1);
        redis.expire(key, REMEMBER);
    }

    @Override
    public boolean sentByDialog(long chatId, int messageId) {
        return redis.opsForZSet().score(keys.dialogMessages(chatId), Integer.toString(messageId)) != null;
    }
}
