package ru.repitbot.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;
import ru.repitbot.events.catalogue.EventTypes;
import ru.repitbot.events.inbox.QueueDepths;
import ru.repitbot.events.outbox.Outbox;
import ru.repitbot.events.outbox.OutboxRelay;
import ru.repitbot.testsupport.TestInfrastructure;

/**
 * The backbone's promises on the real broker and database: nothing is lost while the broker is unreachable, a
 * redelivered event changes nothing, and a handler that keeps failing ends in the dead-letter queue.
 */
@SpringBootTest(classes = EventBackboneTest.App.class, properties = {
    "spring.application.name=events-test",
    "repitbot.events.relay-interval=200ms",
    "repitbot.events.max-attempts=3",
    "repitbot.events.initial-backoff=20ms",
    "spring.flyway.schemas=events_test",
    "spring.flyway.default-schema=events_test",
    "spring.flyway.locations=classpath:db/migration,classpath:db/shared",
    "spring.rabbitmq.publisher-confirm-type=simple",
    "spring.rabbitmq.connection-timeout=2s"})
class EventBackboneTest {

    static final String RECORDED = "test.recorded";
    static final String FAILING = "test.failing";
    static final AtomicInteger failingAttempts = new AtomicInteger();
    static ToggleableTcpProxy proxy;

    @Autowired
    Outbox outbox;
    @Autowired
    OutboxRelay relay;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    EventsProperties properties;
    @Autowired
    EventCodec codec;
    @Autowired
    QueueDepths queueDepths;

    @BeforeAll
    static void startProxy() throws Exception {
        TestInfrastructure.get().alsoCleanUp("events-test");
        URI broker = URI.create(TestInfrastructure.get().amqpUrl());
        proxy = new ToggleableTcpProxy(broker.getHost(), broker.getPort());
    }

    @AfterAll
    static void stopProxy() throws Exception {
        proxy.close();
    }

    @AfterEach
    void brokerBack() {
        proxy.up();
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure infra = TestInfrastructure.get();
        registry.add("spring.datasource.url", () -> infra.jdbcUrl() + "&currentSchema=events_test");
        registry.add("spring.rabbitmq.addresses", () -> "amqp://guest:guest@127.0.0.1:" + proxy.port());
        registry.add("repitbot.events.exchange", infra::exchange);
        registry.add("repitbot.events.queue-prefix", infra::queuePrefix);
        registry.add("repitbot.events.queue-type", () -> infra.embeddedBroker() ? "classic" : "quorum");
    }

    @Test
    void anEventWrittenWhileTheBrokerIsDownIsDeliveredOnceItIsBack() throws Exception {
        try (Connection connection = TestInfrastructure.get().amqpConnectionFactory().newConnection();
                Channel channel = connection.createChannel()) {
            String tap = channel.queueDeclare().getQueue();
            channel.queueBind(tap, properties.exchange(), "test.outage");

            proxy.down();
            EventEnvelope written = tx.execute(s -> outbox.publish(new TestPayload("test.outage", "while-down")));
            // The relay keeps trying while the broker is away; the event stays in the outbox.
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                    .until(() -> relay.pending() == 1);
            assertThat(channel.basicGet(tap, true)).isNull();
            // What the "outbox rows waiting longer than a minute" alert reads (repitbot_outbox_oldest_age_seconds).
            assertThat(relay.oldestAgeSeconds()).isGreaterThanOrEqualTo(1.0).isLessThan(30.0);

            proxy.up();
            GetResponse received = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                    .until(() -> channel.basicGet(tap, true), r -> r != null);
            EventEnvelope delivered = codec.decode(received.getBody());
            assertThat(delivered.eventId()).isEqualTo(written.eventId());
            assertThat(delivered.data().path("note").asString()).isEqualTo("while-down");
            assertThat(received.getProps().getDeliveryMode()).isEqualTo(2);
            await().atMost(Duration.ofSeconds(5)).until(() -> relay.pending() == 0);
            assertThat(channel.basicGet(tap, true)).as("delivered once").isNull();
            assertThat(relay.oldestAgeSeconds()).isZero();
        }
    }

    @Test
    void anEventRolledBackWithItsChangeIsNeverSent() {
        long before = jdbc.queryForObject("SELECT count(*) FROM outbox_event", Long.class);
        assertThatThrownBy(() -> tx.execute(s -> {
            outbox.publish(new TestPayload("test.rolled-back", "x"));
            throw new IllegalStateException("the change failed");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM outbox_event", Long.class)).isEqualTo(before);
    }

    @Test
    void anEventWrittenDuringARequestCarriesTheRequestIdAsItsCorrelation() {
        org.slf4j.MDC.put("request_id", "req-correlation-1");
        try {
            EventEnvelope written = tx.execute(s -> outbox.publish(new TestPayload("test.correlated", "x")));
            assertThat(written.correlationId()).isEqualTo("req-correlation-1");
        } finally {
            org.slf4j.MDC.remove("request_id");
        }
    }

    @Test
    void publishingOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> outbox.publish(new TestPayload("test.no-tx", "x")))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void aRedeliveredEventChangesNothing() throws Exception {
        EventEnvelope event = envelope(RECORDED, "once");
        publishRaw(event);
        publishRaw(event);
        publishRaw(event);
        await().atMost(Duration.ofSeconds(15)).until(() -> handledCount(event.eventId()) >= 1);
        // Give the two duplicates time to arrive and be recognised.
        await().atMost(Duration.ofSeconds(10)).until(() -> queueDepth(properties.queueFor("events-test")) == 0);
        Thread.sleep(300);
        assertThat(handledCount(event.eventId())).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM inbox_event WHERE event_id = ?", Long.class,
                event.eventId())).isEqualTo(1);
    }

    @Test
    void aHandlerThatKeepsFailingSendsTheEventToTheDeadLetterQueue() throws Exception {
        failingAttempts.set(0);
        EventEnvelope event = envelope(FAILING, "boom");
        publishRaw(event);
        String dlq = properties.deadLetterQueueFor("events-test");
        try (Connection connection = TestInfrastructure.get().amqpConnectionFactory().newConnection();
                Channel channel = connection.createChannel()) {
            // The dead-letter alert's gauge (repitbot_events_queue_depth{kind="dlq"}) sees it before anyone reads it.
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
                queueDepths.refresh();
                return queueDepths.depth(dlq) == 1;
            });
            GetResponse dead = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                    .until(() -> channel.basicGet(dlq, true), r -> r != null);
            assertThat(codec.decode(dead.getBody()).eventId()).isEqualTo(event.eventId());
        }
        queueDepths.refresh();
        assertThat(queueDepths.depth(dlq)).isZero();
        assertThat(queueDepths.depth(properties.queueFor("events-test"))).isZero();
        assertThat(failingAttempts.get()).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM inbox_event WHERE event_id = ?", Long.class,
                event.eventId())).as("a failed event is not recorded as processed").isZero();
    }

    private EventEnvelope envelope(String type, String note) {
        return new EventEnvelope(UUID.randomUUID(), type, "test", Instant.now(), null, null, null, "1", 1,
                codec.toTree(Map.of("note", note)), Map.of());
    }

    private void publishRaw(EventEnvelope event) throws Exception {
        try (Connection connection = TestInfrastructure.get().amqpConnectionFactory().newConnection();
                Channel channel = connection.createChannel()) {
            channel.confirmSelect();
            channel.basicPublish(properties.exchange(), event.eventType(), new AMQP.BasicProperties.Builder()
                    .contentType("application/json").deliveryMode(2).build(), codec.encode(event));
            channel.waitForConfirmsOrDie(5000);
        }
    }

    private long queueDepth(String queue) throws Exception {
        try (Connection connection = TestInfrastructure.get().amqpConnectionFactory().newConnection();
                Channel channel = connection.createChannel()) {
            return channel.queueDeclarePassive(queue).getMessageCount();
        }
    }

    private long handledCount(UUID eventId) {
        return jdbc.queryForObject("SELECT count(*) FROM handled WHERE event_id = ?", Long.class, eventId);
    }

    /** The payload the recording handler subscribes to. */
    @EventTypes.Named(RECORDED)
    record Recorded(String note) implements EventPayload {
        @Override
        public String aggregateId() {
            return "1";
        }
    }

    /** The payload of the handler that always fails. */
    @EventTypes.Named(FAILING)
    record Failing(String note) implements EventPayload {
        @Override
        public String aggregateId() {
            return "1";
        }
    }

    record TestPayload(String eventType, String note) implements EventPayload {
        @Override
        public String aggregateId() {
            return "1";
        }
    }

    @SpringBootApplication
    static class App {

        @Bean
        EventSubscription<Recorded> recorded(JdbcTemplate jdbc) {
            return EventSubscription.on(Recorded.class, (recorded, e) -> jdbc.update(
                    "INSERT INTO handled (event_id, note) VALUES (?, ?)", e.eventId(), recorded.note()));
        }

        @Bean
        EventSubscription<Failing> failing() {
            return EventSubscription.on(Failing.class, (failing, e) -> {
                failingAttempts.incrementAndGet();
                throw new IllegalStateException("this handler always fails");
            });
        }

        @Bean
        TransactionTemplate transactionTemplate(org.springframework.transaction.PlatformTransactionManager tm) {
            return new TransactionTemplate(tm);
        }
    }
}
