package ru.repitbot.telegram.limits;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
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

/**
 * Telegram's send limits for one bot token, the one implementation used by everything that sends with it —
 * telegram-bot's replies and notification-service's delivery engine, every replica of both: Bucket4j token buckets
 * in Redis (compare-and-swap over Lettuce) under {@code <prefix>:rl:global}, {@code <prefix>:rl:chat:<id>},
 * {@code <prefix>:rl:group:<id>}, prefix = the bot's {@code repitbot.bot.redis-prefix} (default {@code repitbot:bot}),
 * which notification-service reads too. A bucket's configuration is stored with it, so whichever sender creates a
 * bucket first sets its numbers; both read the same settings. A message waits (on its virtual thread) until every
 * bucket it needs gives a token: first the chat's (1 a second with a burst of 3, a group's 20 a minute), then the
 * global one (30 a second). Edits count like messages (Telegram throttles frequent edits); callback answers are not
 * messages and are not limited.
 */
public final class TelegramSendLimits implements DisposableBean {

    private final LettuceConnectionFactory connectionFactory;
    private final String prefix;
    private final WaitObserver metrics;
    private final BucketConfiguration global;
    private final BucketConfiguration perChat;
    private final BucketConfiguration perGroup;
    private final ReentrantLock lock = new ReentrantLock();
    private final ReentrantLock globalGate = new ReentrantLock(true);
    private final int globalChunk;
    // guarded by globalGate: global tokens taken from Redis and not yet handed to a sender
    private long globalTokens;
    private volatile BucketProxy globalBucket;
    private volatile StatefulRedisConnection<String, byte[]> connection;
    private volatile ProxyManager<String> buckets;

    /** Told how long each send waited for a bucket ({@code scope}: global, chat or group), for metrics. */
    @FunctionalInterface
    public interface WaitObserver {
        void limitWait(String scope, Duration waited);
    }

    /**
     * @param prefix the key prefix, the bot's {@code repitbot.bot.redis-prefix}: buckets are {@code <prefix>:rl:global},
     *        {@code <prefix>:rl:chat:<id>}, {@code <prefix>:rl:group:<id>}
     */
    public TelegramSendLimits(LettuceConnectionFactory connectionFactory, String prefix, Limits limits,
            WaitObserver metrics) {
        this.connectionFactory = connectionFactory;
        this.prefix = prefix;
        this.metrics = metrics;
        this.globalChunk = Math.max(1, limits.globalPerSecond() / 20);
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

    /** Telegram's groups and channels have negative chat ids; people's private chats positive ones. */
    public static boolean isGroup(long chatId) {
        return chatId < 0;
    }

    /** Waits until one message to {@code chatId} fits Telegram's limits. */
    public void acquire(long chatId) throws InterruptedException {
        acquire(chatId, isGroup(chatId));
    }

    /** Waits until one message to {@code chatId} (a group when {@code group}) fits Telegram's limits. */
    public void acquire(long chatId, boolean group) throws InterruptedException {
        take(group ? key("group:" + chatId) : key("chat:" + chatId), group ? perGroup : perChat,
                group ? "group" : "chat");
        // Hundreds of chats' senders wait for the one global bucket: in this JVM they queue here, in order, and only
        // the first asks Redis, for as many tokens as there are senders waiting (at most a twentieth of a second's
        // worth, so at Telegram's 30 a second it is always one), instead of all of them asking every millisecond.
        long started = System.nanoTime();
        globalGate.lockInterruptibly();
        try {
            while (globalTokens == 0) {
                var bucket = globalBucket();
                int want = Math.max(1, Math.min(globalGate.getQueueLength() + 1, globalChunk));
                long got = want > 1 ? bucket.tryConsumeAsMuchAsPossible(want) : 0;
                if (got > 0) {
                    globalTokens = got;
                    break;
                }
                ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
                if (probe.isConsumed()) {
                    globalTokens = 1;
                    break;
                }
                Thread.sleep(Duration.ofNanos(Math.max(1_000_000, probe.getNanosToWaitForRefill())));
            }
            globalTokens--;
        } finally {
            globalGate.unlock();
        }
        metrics.limitWait("global", Duration.ofNanos(System.nanoTime() - started));
    }

    private BucketProxy globalBucket() {
        BucketProxy bucket = globalBucket;
        if (bucket == null) {
            bucket = buckets().getProxy(key("global"), () -> global);
            globalBucket = bucket;
        }
        return bucket;
    }

    /** The Redis key of a bucket: the bot's {@code RedisKeys.rateLimit(bucket)}. */
    String key(String bucket) {
        return prefix + ":rl:" + bucket;
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
