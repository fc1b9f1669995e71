package ru.repitbot.notification.app.delivery;

import ru.repitbot.telegram.limits.TelegramSendLimits;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import ru.repitbot.events.EventCodec;
import ru.repitbot.events.EventEnvelope;
import ru.repitbot.events.outbox.Outbox;
import ru.repitbot.notification.db.DeliveryAttempts;
import ru.repitbot.notification.db.DeliveryQueue;
import ru.repitbot.notification.db.NewMessage;
import ru.repitbot.notification.db.OutgoingMessages;
import ru.repitbot.notification.db.UnreachableChats;
import ru.repitbot.notification.domain.NoticeKind;
import ru.repitbot.standin.Received;
import ru.repitbot.standin.StandInOptions;
import ru.repitbot.standin.TelegramStandIn;
import ru.repitbot.testsupport.AccessFixtures;
import ru.repitbot.testsupport.TestInfrastructure;

/**
 * Delivery engines under test: real PostgreSQL and Redis from the module's one Spring context (whose own engine is
 * off: it has no token), Telegram played by the Bot API stand-in with Telegram's limits on. Each test builds the
 * engines it needs (one or two "replicas" in this JVM), each with its own meter registry, and stops them after.
 */
@SpringBootTest
abstract class DeliveryHarness {

    /** This run's limit buckets in Redis, apart from any other run's (and from the real bot's). */
    static final String REDIS_PREFIX = "test-" + TestInfrastructure.get().runId() + ":bot";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    OutgoingMessages outgoing;
    @Autowired
    DeliveryQueue queue;
    @Autowired
    DeliveryAttempts attempts;
    @Autowired
    UnreachableChats unreachable;
    @Autowired
    Outbox outbox;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    LettuceConnectionFactory redis;
    @Autowired
    Clock clock;

    final EventCodec codec = new EventCodec();
    final List<DeliveryEngine> engines = new ArrayList<>();
    final Map<DeliveryEngine, MeterRegistry> registries = new HashMap<>();
    TelegramStandIn telegram;

    abstract TelegramStandIn startTelegram();

    @BeforeEach
    void quietQueue() {
        telegram = startTelegram();
        // Leftovers of other tests in this database are not this test's business.
        jdbc.update("UPDATE outgoing_message SET status = 'cancelled', lease_owner = NULL, lease_until = NULL, "
                + "finished_at = now() WHERE status IN ('queued', 'sending')");
    }

    @AfterEach
    void stopEngines() {
        engines.forEach(DeliveryEngine::stop);
        engines.clear();
        telegram.close();
    }

    TelegramSettings telegramSettings(int globalPerSecond, Duration readTimeout) {
        return new TelegramSettings(StandInOptions.DEFAULT_TOKEN, telegram.apiUrl(), Duration.ofSeconds(2),
                readTimeout, new TelegramSettings.Limits(globalPerSecond, 1, 3, 20));
    }

    DeliverySettings settings(String name, Duration lease, int maxInFlight) {
        return settings(name, lease, maxInFlight, 100);
    }

    DeliverySettings settings(String name, Duration lease, int maxInFlight, int batchSize) {
        return new DeliverySettings(Duration.ofMillis(50), batchSize, maxInFlight, lease, REDIS_PREFIX, name, 6,
                Duration.ofMillis(300), Duration.ofSeconds(2), Duration.ofMinutes(2), Duration.ofMillis(500));
    }

    DeliveryEngine engine(String name) {
        return engine(telegramSettings(30, Duration.ofSeconds(1)), settings(name, Duration.ofMinutes(2), 500));
    }

    DeliveryEngine engine(TelegramSettings telegramSettings, DeliverySettings settings) {
        MeterRegistry registry = new SimpleMeterRegistry();
        DeliveryMetrics metrics = new DeliveryMetrics(registry);
        DeliveryOutcomes outcomes = new DeliveryOutcomes(new TransactionTemplate(transactions), queue, attempts,
                unreachable, outbox, metrics, settings.lateReminder());
        TelegramSendLimits limits = new TelegramSendLimits(redis, settings.redisPrefix(),
                telegramSettings.limits().toLimits(), metrics::limitWait);
        DeliveryEngine engine = new DeliveryEngine(telegramSettings, settings, queue, outcomes,
                new TelegramClient(telegramSettings), limits, metrics, clock);
        engines.add(engine);
        registries.put(engine, registry);
        engine.start();
        return engine;
    }

    double sent(DeliveryEngine engine) {
        return registries.get(engine).find("notification.delivery.messages").tag("outcome", "sent").counters()
                .stream().mapToDouble(c -> c.count()).sum();
    }

    /** A person with a private chat in the stand-in (chat id = Telegram id = their RepitBot id, for brevity). */
    long person() {
        long id = AccessFixtures.newId();
        telegram.user(id, "Person " + id);
        jdbc.update("INSERT INTO recipient (user_id, telegram_chat_id) VALUES (?, ?)", id, id);
        return id;
    }

    long enqueue(long recipient, String text) {
        return outgoing.enqueue(NewMessage.to(recipient, NoticeKind.LESSON_SCHEDULED,
                "test:" + java.util.UUID.randomUUID(), text))
                .orElseThrow();
    }

    String status(long messageId) {
        return jdbc.queryForObject("SELECT status FROM outgoing_message WHERE id = ?", String.class, messageId);
    }

    List<String> statuses(List<Long> ids) {
        return ids.stream().map(this::status).toList();
    }

    /** The events of {@code type} about message {@code id} in the outbox. */
    long events(String type, long id) {
        return jdbc.queryForList("SELECT envelope FROM outbox_event WHERE event_type = ?", String.class, type)
                .stream().map(codec::decode).map(EventEnvelope::aggregateId)
                .filter(Long.toString(id)::equals).count();
    }

    /** Each received message's text, in the order the stand-in accepted them, for one chat. */
    List<String> received(long chatId) {
        return telegram.received().stream().filter(r -> r.chatId() == chatId).map(Received::text).toList();
    }

    static void await(BooleanSupplier condition, Duration timeout, String what) {
        Instant end = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /**
     * The most any stretch of {@code sends} exceeded a token bucket of {@code burst} refilled at {@code perSecond}
     * by, measured on the stand-in's clock: max over i ≤ j of (j − i + 1) − perSecond·(t_j − t_i) − burst, with
     * {@code slack} seconds of transit jitter granted. ≤ 0 means the limit held.
     */
    static double excess(List<Received> sends, double perSecond, int burst, double slack) {
        double worst = Double.NEGATIVE_INFINITY;
        double minPrefix = Double.POSITIVE_INFINITY;
        for (int k = 0; k < sends.size(); k++) {
            double t = sends.get(k).nanoTime() / 1e9;
            // f(k) = k − rate·t; a stretch i..j holds (j − i + 1) messages over t_j − t_i seconds.
            double f = k - perSecond * t;
            minPrefix = Math.min(minPrefix, f - 1);
            worst = Math.max(worst, f - minPrefix - burst - perSecond * slack);
        }
        return worst;
    }
}
