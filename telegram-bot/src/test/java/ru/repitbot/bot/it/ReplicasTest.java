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

    @Test
    void aLockOfADeadProcessOfThisMachineIsTakenOverAtOnceAndNoOtherIs() throws Exception {
        Leases.Holder self = Leases.Holder.current();
        org.junit.jupiter.api.Assumptions.assumeFalse(self.namespace().isEmpty(), "Linux only (/proc)");
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        Process living = new ProcessBuilder("sleep", "60").start();
        Duration lease = Duration.ofSeconds(30);
        Leases mine = new Leases(redis, lease);
        String key = REDIS_PREFIX + ":lock:test:" + nextId();
        try {
            // A bot killed on this machine (its pid gone): taken over at once, no waiting for the lease.
            new Leases(redis, lease, new Leases.Holder(self.namespace(), finished.pid(), self.alive())).tryAcquire(key);
            Leases.Lease taken = mine.tryAcquire(key);
            assertThat(taken).as("taken over from a dead process").isNotNull();
            assertThat(new Leases(redis, lease, new Leases.Holder(self.namespace(), finished.pid(), self.alive()))
                    .tryAcquire(key)).as("and now held by this process, which is alive").isNull();
            taken.close();

            // A living process of this machine (another replica), a process in another container or on another
            // host (even if its pid means nothing here), this very process: all left to their leases.
            for (Leases.Holder other : java.util.List.of(
                    new Leases.Holder(self.namespace(), living.pid(), self.alive()),
                    new Leases.Holder("another-boot-id/pid:[4026531836]", finished.pid(), self.alive()),
                    self)) {
                assertThat(new Leases(redis, lease, other).tryAcquire(key)).isNotNull();
                assertThat(mine.tryAcquire(key)).as("held by %s", other.pid()).isNull();
                redis.delete(key);
            }
        } finally {
            living.destroy();
            redis.delete(key);
        }
    }
}
