package ru.repitbot.bot.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;
import ru.repitbot.bot.TelegramBotApplication;
import ru.repitbot.bot.telegram.Leases;
import ru.repitbot.bot.telegram.PollingState;
import ru.repitbot.standin.ChatDriver;

/** Two replicas on one Redis: one polls, the other stands by; locks are leases that are renewed and released. */
class ReplicasTest extends BotIntegrationTest {

    @Autowired
    StringRedisTemplate redis;

    @Test
    void aSecondReplicaStandsByWhileTheFirstPollsAndEveryUpdateIsAnsweredOnce() {
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(TelegramBotApplication.class).run(
                "--server.port=0",
                "--repitbot.telegram.token=" + TELEGRAM.token(),
                "--repitbot.telegram.api-url=" + TELEGRAM.apiUrl(),
                "--repitbot.telegram.poll-timeout=2s",
                "--repitbot.gateway-url=" + GATEWAY.baseUrl(),
                "--repitbot.bot.redis-prefix=" + REDIS_PREFIX,
                "--repitbot.bot.sweep-interval=500ms")) {
            PollingState state = second.getBean(PollingState.class);
            await().atMost(WAIT).until(() -> "standby".equals(state.mode()));

            ChatDriver chat = newChat("Гость");
            for (int i = 0; i < 3; i++) {
                chat.send("/start");
                chat.awaitBotMessage(WAIT);
            }
            await().pollDelay(Duration.ofSeconds(1)).atMost(WAIT).until(() -> chat.botMessages().size() >= 3);
            assertThat(chat.botMessages()).as(chat.transcript()).hasSize(3);
            assertThat(state.mode()).isEqualTo("standby");
        }
    }

    @Test
    void aLeaseIsExclusiveRenewedAndReleased() {
        Leases leases = new Leases(redis, Duration.ofSeconds(2));
        String key = REDIS_PREFIX + ":lock:test:" + nextId();

        Leases.Lease first = leases.tryAcquire(key);
        assertThat(first).isNotNull();
        assertThat(leases.tryAcquire(key)).as("held").isNull();

        redis.expire(key, Duration.ofMillis(500));
        leases.renewAll();
        assertThat(redis.getExpire(key)).as("renewed to the full lease").isGreaterThanOrEqualTo(1);
        assertThat(first.lost()).isFalse();

        first.close();
        Leases.Lease again = leases.tryAcquire(key);
        assertThat(again).as("released").isNotNull();
        redis.delete(key);
        leases.renewAll();
        assertThat(again.lost()).as("expired before renewal").isTrue();
    }
}
