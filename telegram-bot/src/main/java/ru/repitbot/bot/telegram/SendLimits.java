package ru.repitbot.bot.telegram;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import ru.repitbot.bot.config.BotProperties;
import ru.repitbot.bot.session.RedisKeys;

/**
 * Telegram's send limits, shared by every replica: token buckets in Redis (Bucket4j, compare-and-swap over Lettuce) —
 * about 30 messages a second in all, one a second per chat with a small burst, 20 a minute per group. A message sent
 * or edited waits (on its virtual thread) until every bucket it needs gives a token. Edits are counted like messages
 * (Telegram documents no separate limit for them and does throttle frequent edits); callback answers are not messages
 * and are not limited.
 */
public final class SendLimits implements DisposableBean {

    private final LettuceConnectionFactory connectionFactory;
    private final RedisKeys keys;
    private final BotMetrics metrics;
    private final BucketConfiguration global;
    private final BucketConfiguration perChat;
    private final BucketConfiguration perGroup;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile StatefulRedisConnection<String, byte[]> connection;
    private volatile ProxyManager<String> buckets;

    public SendLimits(LettuceConnectionFactory connectionFactory, RedisKeys keys, BotProperties.Limits limits,
            BotMetrics metrics) {
        this.connectionFactory = connectionFactory;
        this.keys = keys;
        this.metrics = metrics;
        this.global = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(limits.globalPerSecond())
                        .refillGreedy(limits.globalPerSecond(), Duration.ofSeconds(1)))
                .build();
        this.perChat = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(Math.max(1, limits.perChatBurst()))
                        .refillGreedy(limits.perChatPerSecond(), Duration.ofSeconds(1)))
                .build();
        this.perGroup = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(limits.groupPerMinute())
                        .refillGreedy(limits.groupPerMinute(), Duration.ofMinutes(1)))
                .build();
    }

    /** Waits until one message to {@code chatId} fits Telegram's limits. */
    public void acquire(long chatId, boolean group) throws InterruptedException {
        take(group ? keys.rateLimit("group:" + chatId) : keys.rateLimit("chat:" + chatId), group ? perGroup : perChat,
                group ? "group" : "chat");
        take(keys.rateLimit("global"), global, "global");
    }

    private void take(String key, BucketConfiguration configuration, String scope) throws InterruptedException {
        var bucket = buckets().getProxy(key, () -> configuration);
        long waited = 0;
        while (true) {
            ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
            if (probe.isConsumed()) {
                metrics.limitWait(scope, Duration.ofNanos(waited));
                return;
            }
            long wait = Math.max(1_000_000, probe.getNanosToWaitForRefill());
            Thread.sleep(Duration.ofNanos(wait));
            waited += wait;
        }
    }

    private ProxyManager<String> buckets() {
        ProxyManager<String> manager = buckets;
        if (manager != null) {
            return manager;
        }
        lock.lock();
        try {
            if (buckets == null) {
                AbstractRedisClient client = connectionFactory.getNativeClient();
                if (!(client instanceof RedisClient redisClient)) {
                    throw new IllegalStateException("Send limits need a standalone Redis (REDIS_URL), not "
                            + (client == null ? "none" : client.getClass().getSimpleName()));
                }
                connection = redisClient.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
                buckets = Bucket4jLettuce.casBasedBuilder(connection)
                        // A bucket left alone refills fully within a minute; then its key may go.
                        .expirationAfterWrite(ExpirationAfterWriteStrategy
                                .basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                        .build();
            }
            return buckets;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void destroy() {
        StatefulRedisConnection<String, byte[]> open = connection;
        if (open != null && open.isOpen()) {
            open.close();
        }
    }
}
