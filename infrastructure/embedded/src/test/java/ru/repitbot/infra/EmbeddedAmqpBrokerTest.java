package ru.repitbot.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.MessageProperties;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the event backbone needs from a broker, checked through the RabbitMQ Java client: on the embedded Qpid
 * broker always, and on a local RabbitMQ (guest/guest on 5672) when one answers, so that the topology declared by
 * {@link Topology} is proven on both.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbeddedAmqpBrokerTest {

    /** No path: the client's default vhost "/" (a bare trailing "/" means vhost "" to this client). */
    private static final String LOCAL_RABBITMQ = "amqp://guest:guest@127.0.0.1:5672";

    private EmbeddedAmqpBroker broker;

    @BeforeAll
    void startBroker() {
        broker = EmbeddedAmqpBroker.start(0, null);
    }

    @AfterAll
    void stopBroker() {
        broker.close();
    }

    Stream<String> brokers() {
        return Stream.of("embedded", "rabbitmq");
    }

    Stream<Arguments> brokersAndQueueTypes() {
        return brokers().flatMap(b -> Stream.of(Arguments.of(b, "classic"), Arguments.of(b, "quorum")));
    }

    private String urlOf(String which) {
        if (which.equals("embedded")) {
            return broker.url();
        }
        assumeTrue(Reachability.tcp("127.0.0.1", 5672, Duration.ofMillis(300)), "no local RabbitMQ on 5672");
        return LOCAL_RABBITMQ;
    }

    @Test
    void listensOnItsOwnPortAndItsUrlNamesTheDefaultVhost() {
        assertThat(broker.port()).isPositive().isNotEqualTo(5672);
        assertThat(broker.url()).isEqualTo("amqp://guest:guest@127.0.0.1:" + broker.port() + "/");
        assertThat(Reachability.tcp("127.0.0.1", broker.port(), Duration.ofSeconds(1))).isTrue();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("brokersAndQueueTypes")
    void confirmedPersistentEventsReachTheConsumerAndANackedOneLandsInTheDeadLetterQueue(String which,
            String queueType) throws Exception {
        try (Connection connection = connect(urlOf(which));
             Topology topology = Topology.declare(connection, queueType)) {
            Channel publisher = connection.createChannel();
            publisher.confirmSelect();
            publish(publisher, topology.exchange, "lesson.updated", "{\"n\":1}");
            publish(publisher, topology.exchange, "lesson.cancelled", "{\"n\":2}");
            publish(publisher, topology.exchange, "payment.created", "{\"n\":3}"); // not bound here: dropped
            publisher.waitForConfirmsOrDie(5_000);

            Channel consumer = connection.createChannel();
            consumer.basicQos(10);
            BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();
            consumer.basicConsume(topology.queue, false, new DefaultConsumer(consumer) {
                @Override
                public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties props, byte[] body) {
                    deliveries.add(new Delivery(envelope, props, new String(body, StandardCharsets.UTF_8)));
                }
            });

            Delivery first = deliveries.poll(5, TimeUnit.SECONDS);
            Delivery second = deliveries.poll(5, TimeUnit.SECONDS);
            assertThat(first).isNotNull();
            assertThat(second).isNotNull();
            assertThat(List.of(first.body(), second.body())).containsExactly("{\"n\":1}", "{\"n\":2}");
            assertThat(first.properties().getDeliveryMode()).isEqualTo(2);
            assertThat(first.properties().getContentType()).isEqualTo("application/json");
            assertThat(first.envelope().getRoutingKey()).isEqualTo("lesson.updated");

            consumer.basicAck(first.envelope().getDeliveryTag(), false);
            consumer.basicNack(second.envelope().getDeliveryTag(), false, false);

            Channel dlqReader = connection.createChannel();
            GetResponse dead = pollGet(dlqReader, topology.deadLetterQueue);
            assertThat(dead).as("nacked message in %s", topology.deadLetterQueue).isNotNull();
            assertThat(new String(dead.getBody(), StandardCharsets.UTF_8)).isEqualTo("{\"n\":2}");
            assertThat(dead.getProps().getDeliveryMode()).isEqualTo(2);
            assertThat(dead.getEnvelope().getRoutingKey()).as("original routing key kept").isEqualTo("lesson.cancelled");
            dlqReader.basicAck(dead.getEnvelope().getDeliveryTag(), false);

            assertThat(deliveries.poll(300, TimeUnit.MILLISECONDS)).as("nothing else delivered").isNull();
            assertThat(messageCount(connection, topology.queue)).isZero();
            assertThat(messageCount(connection, topology.deadLetterQueue)).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokers")
    void aConsumerThatDiesBeforeAckingGetsTheMessageRedeliveredNotDeadLettered(String which) throws Exception {
        try (Connection connection = connect(urlOf(which));
             Topology topology = Topology.declare(connection, "classic")) {
            Channel publisher = connection.createChannel();
            publisher.confirmSelect();
            publish(publisher, topology.exchange, "lesson.updated", "{\"n\":1}");
            publisher.waitForConfirmsOrDie(5_000);

            Channel dying = connection.createChannel();
            assertThat(pollGet(dying, topology.queue)).isNotNull();
            dying.close(); // unacked: back to the queue

            Channel survivor = connection.createChannel();
            GetResponse again = pollGet(survivor, topology.queue);
            assertThat(again).isNotNull();
            assertThat(again.getEnvelope().isRedeliver()).isTrue();
            survivor.basicNack(again.getEnvelope().getDeliveryTag(), false, true); // requeue: still not dead
            GetResponse third = pollGet(survivor, topology.queue);
            assertThat(third).isNotNull();
            survivor.basicAck(third.getEnvelope().getDeliveryTag(), false);
            assertThat(messageCount(connection, topology.deadLetterQueue)).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokers")
    void anEventNobodyIsBoundToIsStillConfirmedWhenPublishedWithoutMandatory(String which) throws Exception {
        try (Connection connection = connect(urlOf(which))) {
            Channel channel = connection.createChannel();
            String exchange = "repitbot.it-unbound." + UUID.randomUUID();
            channel.exchangeDeclare(exchange, BuiltinExchangeType.TOPIC, true);
            try {
                channel.confirmSelect();
                channel.basicPublish(exchange, "nobody.listens", false, MessageProperties.PERSISTENT_BASIC,
                        "{}".getBytes(StandardCharsets.UTF_8));
                channel.waitForConfirmsOrDie(5_000);
            } finally {
                channel.exchangeDelete(exchange);
            }
        }
    }

    @Test
    void qpidNacksAnUnroutableMandatoryPublishWhereRabbitMqAcksIt() throws Exception {
        // An outbox relay must not publish with mandatory=true, or Qpid makes it retry such an event forever.
        try (Connection connection = connect(broker.url())) {
            Channel channel = connection.createChannel();
            channel.exchangeDeclare("repitbot.it-mandatory", BuiltinExchangeType.TOPIC, true);
            channel.confirmSelect();
            channel.basicPublish("repitbot.it-mandatory", "nobody.listens", true, MessageProperties.PERSISTENT_BASIC,
                    "{}".getBytes(StandardCharsets.UTF_8));
            assertThatThrownBy(() -> channel.waitForConfirmsOrDie(5_000)).hasMessageContaining("nacks received");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokers")
    void quorumQueueArgumentIsAcceptedAndTheQueueWorks(String which) throws Exception {
        try (Connection connection = connect(urlOf(which))) {
            Channel channel = connection.createChannel();
            String queue = "repitbot.it-quorum." + UUID.randomUUID();
            try {
                channel.queueDeclare(queue, true, false, false, Map.of("x-queue-type", "quorum"));
                channel.confirmSelect();
                channel.basicPublish("", queue, MessageProperties.PERSISTENT_TEXT_PLAIN, "q".getBytes());
                channel.waitForConfirmsOrDie(5_000);
                GetResponse got = pollGet(channel, queue);
                assertThat(got).isNotNull();
                channel.basicAck(got.getEnvelope().getDeliveryTag(), false);
            } finally {
                channel.queueDelete(queue);
            }
        }
    }

    @Test
    void onQpidTheRabbitDeadLetterArgumentsAloneDropANackedMessage() throws Exception {
        // Why the topology also passes "alternateExchange": Qpid has no x-dead-letter-* support.
        try (Connection connection = connect(broker.url())) {
            Channel channel = connection.createChannel();
            String queue = "repitbot.it-rabbit-only." + UUID.randomUUID();
            String dlx = queue + ".dlx";
            String dlq = queue + ".dlq";
            channel.exchangeDeclare(dlx, BuiltinExchangeType.FANOUT, true);
            channel.queueDeclare(dlq, true, false, false, null);
            channel.queueBind(dlq, dlx, "");
            channel.queueDeclare(queue, true, false, false, Map.of("x-dead-letter-exchange", dlx));
            channel.basicPublish("", queue, MessageProperties.PERSISTENT_TEXT_PLAIN, "x".getBytes());
            GetResponse got = pollGet(channel, queue);
            assertThat(got).isNotNull();
            channel.basicNack(got.getEnvelope().getDeliveryTag(), false, false);
            assertThat(messageCount(connection, queue)).isZero();
            assertThat(messageCount(connection, dlq)).isZero();
        }
    }

    @Test
    void withQpidsDefaultUnknownArgumentPolicyRabbitOnlyArgumentsCloseTheConnection() throws Exception {
        // Why the embedded broker logs and ignores unknown arguments instead of Qpid's default FAIL.
        try (EmbeddedAmqpBroker strict =
                     EmbeddedAmqpBroker.start(0, null, EmbeddedAmqpBroker.UnknownArgument.FAIL)) {
            for (Map<String, Object> rabbitOnly : List.<Map<String, Object>>of(
                    Map.of("x-queue-type", "quorum"), Map.of("x-dead-letter-exchange", "amq.fanout"))) {
                Connection connection = connect(strict.url());
                Channel channel = connection.createChannel();
                assertThatThrownBy(() -> channel.queueDeclare("q-" + UUID.randomUUID(), true, false, false,
                        rabbitOnly))
                        .isInstanceOf(IOException.class)
                        .hasStackTraceContaining("Unsupported queue declare argument");
                assertThat(connection.isOpen()).isFalse();
            }
            try (Connection connection = connect(strict.url())) {
                Channel channel = connection.createChannel();
                channel.exchangeDeclare("dlx", BuiltinExchangeType.FANOUT, true);
                channel.queueDeclare("q-alt", true, false, false, Map.of("alternateExchange", "dlx"));
            }
        }
    }

    @Test
    void alternateExchangeMustNameAnExistingExchangeOnQpid() throws Exception {
        // So the dead-letter exchange is declared before the queue (RabbitMQ does not care about the order).
        try (EmbeddedAmqpBroker fresh = EmbeddedAmqpBroker.start(0, null)) {
            Connection connection = connect(fresh.url());
            Channel channel = connection.createChannel();
            assertThatThrownBy(() -> channel.queueDeclare("q-early", true, false, false,
                    Map.of("alternateExchange", "not-yet-declared")))
                    .isInstanceOf(IOException.class);
            try {
                connection.close();
            } catch (AlreadyClosedException expected) {
                // Qpid answers a failed declare by closing the connection
            }
        }
    }

    @Test
    void acceptsTheEmptyVhostThatABareTrailingSlashMeansToTheJavaClient() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(broker.url());
        assertThat(factory.getVirtualHost()).isEmpty();
        try (Connection connection = factory.newConnection()) {
            assertThat(connection.isOpen()).isTrue();
        }
    }

    private static Connection connect(String url) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(url);
        factory.setVirtualHost("/"); // what Spring Boot sends for ".../" and for no path
        factory.setConnectionTimeout(5_000);
        factory.setAutomaticRecoveryEnabled(false);
        return factory.newConnection("embedded-infra-test");
    }

    private static void publish(Channel channel, String exchange, String routingKey, String body) throws IOException {
        AMQP.BasicProperties props = MessageProperties.PERSISTENT_BASIC.builder()
                .contentType("application/json")
                .messageId(UUID.randomUUID().toString())
                .build();
        channel.basicPublish(exchange, routingKey, false, props, body.getBytes(StandardCharsets.UTF_8));
    }

    private static GetResponse pollGet(Channel channel, String queue) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            GetResponse response = channel.basicGet(queue, false);
            if (response != null) {
                return response;
            }
            Thread.sleep(50);
        }
        return null;
    }

    /** Ready messages after the broker has settled the last ack/nack (both brokers process them asynchronously). */
    private static long messageCount(Connection connection, String queue) throws Exception {
        Thread.sleep(200);
        try (Channel channel = connection.createChannel()) {
            return channel.queueDeclarePassive(queue).getMessageCount();
        }
    }

    private record Delivery(Envelope envelope, AMQP.BasicProperties properties, String body) {
    }

    /**
     * The per-service topology of docs/architecture/README.md "Events" with queue arguments that work on RabbitMQ and Qpid alike: each service
     * has its own fanout dead-letter exchange bound to its DLQ. RabbitMQ dead-letters through
     * {@code x-dead-letter-exchange}, Qpid through its alternate binding ({@code alternateExchange}); each ignores
     * the other's argument and both keep the message's original routing key. The DLX is declared before the queue.
     */
    private static final class Topology implements AutoCloseable {
        final Channel channel;
        final String exchange;
        final String deadLetterExchange;
        final String queue;
        final String deadLetterQueue;

        private Topology(Channel channel, String suffix) {
            this.channel = channel;
            this.exchange = "repitbot.it." + suffix;
            this.queue = "repitbot.it-lesson." + suffix;
            this.deadLetterExchange = queue + ".dlx";
            this.deadLetterQueue = queue + ".dlq";
        }

        static Topology declare(Connection connection, String queueType) throws IOException {
            Topology t = new Topology(connection.createChannel(), UUID.randomUUID().toString());
            t.channel.exchangeDeclare(t.exchange, BuiltinExchangeType.TOPIC, true);
            t.channel.exchangeDeclare(t.deadLetterExchange, BuiltinExchangeType.FANOUT, true);
            t.channel.queueDeclare(t.deadLetterQueue, true, false, false, null);
            t.channel.queueBind(t.deadLetterQueue, t.deadLetterExchange, "");
            Map<String, Object> args = new HashMap<>();
            args.put("x-dead-letter-exchange", t.deadLetterExchange); // RabbitMQ
            args.put("alternateExchange", t.deadLetterExchange);      // Qpid
            args.put("x-queue-type", queueType);                     // RabbitMQ; Qpid: classic, logged
            t.channel.queueDeclare(t.queue, true, false, false, args);
            t.channel.queueBind(t.queue, t.exchange, "lesson.*");
            return t;
        }

        @Override
        public void close() throws IOException {
            List<IOException> failures = new ArrayList<>();
            for (String q : List.of(queue, deadLetterQueue)) {
                try {
                    channel.queueDelete(q);
                } catch (IOException e) {
                    failures.add(e);
                }
            }
            for (String x : List.of(exchange, deadLetterExchange)) {
                try {
                    channel.exchangeDelete(x);
                } catch (IOException e) {
                    failures.add(e);
                }
            }
            if (!failures.isEmpty()) {
                throw failures.getFirst();
            }
        }
    }
}
