package ru.repitbot.telegram.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import ru.repitbot.testsupport.TestInfrastructure;

/**
 * Two senders (the bot and the delivery engine, or two replicas) on one Redis share one set of buckets: a chat gets
 * its burst and then one message a second, and the global limit holds for both together.
 */
class TelegramSendLimitsTest {

    private LettuceConnectionFactory redis;
    private final List<TelegramSendLimits> opened = new ArrayList<>();
    private final String prefix = "limits-test:" + UUID.randomUUID();

    @BeforeEach
    void connect() {
        URI url = URI.create(TestInfrastructure.get().redisUrl());
        RedisStandaloneConfiguration config = new RedisStandaloneConfiguration(url.getHost(), url.getPort());
        String path = url.getPath() == null ? "" : url.getPath().replace("/", "");
        if (!path.isEmpty()) {
            config.setDatabase(Integer.parseInt(path));
        }
        redis = new LettuceConnectionFactory(config);
        redis.afterPropertiesSet();
        redis.start();
    }

    @AfterEach
    void close() {
        opened.forEach(TelegramSendLimits::destroy);
        redis.destroy();
    }

    private TelegramSendLimits sender(Limits limits, List<String> waits) {
        TelegramSendLimits l = new TelegramSendLimits(redis, prefix, limits,
                (scope, waited) -> waits.add(scope + ":" + waited.toMillis()));
        opened.add(l);
        return l;
    }

    @Test
    void aChatGetsItsBurstThenOneASecondAcrossTwoSenders() throws Exception {
        List<String> waits = Collections.synchronizedList(new ArrayList<>());
        TelegramSendLimits bot = sender(Limits.TELEGRAM, waits);
        TelegramSendLimits engine = sender(Limits.TELEGRAM, waits);
        long started = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            (i % 2 == 0 ? bot : engine).acquire(4242L);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        // 3 at once (the burst), then the 4th and 5th one second apart.
        assertThat(took).isBetween(Duration.ofMillis(1_800), Duration.ofMillis(3_500));
        assertThat(waits).anyMatch(w -> w.startsWith("chat:") && !w.equals("chat:0"));
    }

    @Test
    void theGlobalLimitHoldsForEverySenderTogether() throws Exception {
        Limits tenASecond = new Limits(10, 100, 100, 20);
        List<String> waits = Collections.synchronizedList(new ArrayList<>());
        TelegramSendLimits a = sender(tenASecond, waits);
        TelegramSendLimits b = sender(tenASecond, waits);
        long started = System.nanoTime();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 30; i++) {
                long chat = 1000 + i;
                TelegramSendLimits sender = i % 2 == 0 ? a : b;
                pool.submit(() -> {
                    sender.acquire(chat);
                    return null;
                });
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        // 10 at once, then 10 a second: 30 messages need about 2 s, never less than ~1.8 s.
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(1_800)).isLessThan(Duration.ofSeconds(6));
    }

    @Test
    void groupsHaveNegativeIdsAndTheirOwnBucket() {
        assertThat(TelegramSendLimits.isGroup(-100123)).isTrue();
        assertThat(TelegramSendLimits.isGroup(42)).isFalse();
        assertThat(sender(Limits.TELEGRAM, new ArrayList<>()).key("group:-5")).isEqualTo(prefix + ":rl:group:-5");
    }
}
