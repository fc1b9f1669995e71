package ru.repitbot.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.MessageProperties;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `./repitbot down` / `up` with the embedded broker: what the broker confirmed and nobody consumed yet is still
 * there after a restart on the same work directory, and what was consumed and acked does not come back.
 */
class EmbeddedAmqpBrokerPersistenceTest {

    private static final String EXCHANGE = "repitbot.persistence-test";
    private static final String QUEUE = "repitbot.persistence-test.consumer";

    @Test
    void confirmedButUnconsumedMessagesSurviveARestartAndAckedOnesDoNotComeBack(@TempDir Path workDir)
            throws Exception {
        try (EmbeddedAmqpBroker broker = EmbeddedAmqpBroker.start(0, workDir);
                Connection connection = connect(broker);
                Channel channel = connection.createChannel()) {
            channel.exchangeDeclare(EXCHANGE, BuiltinExchangeType.TOPIC, true);
            channel.queueDeclare(QUEUE, true, false, false, Map.of());
            channel.queueBind(QUEUE, EXCHANGE, "lesson.#");
            channel.confirmSelect();
            for (String body : new String[] {"consumed-before-down", "pending-at-down"}) {
                channel.basicPublish(EXCHANGE, "lesson.updated", MessageProperties.PERSISTENT_TEXT_PLAIN,
                        body.getBytes(StandardCharsets.UTF_8));
            }
            channel.waitForConfirmsOrDie(5_000);

            GetResponse first = channel.basicGet(QUEUE, false);
            assertThat(body(first)).isEqualTo("consumed-before-down");
            channel.basicAck(first.getEnvelope().getDeliveryTag(), false);
        }

        try (EmbeddedAmqpBroker again = EmbeddedAmqpBroker.start(0, workDir);
                Connection connection = connect(again);
                Channel channel = connection.createChannel()) {
            // Published again after the restart: the exchange and the binding came back too, not only the queue.
            channel.confirmSelect();
            channel.basicPublish(EXCHANGE, "lesson.created", MessageProperties.PERSISTENT_TEXT_PLAIN,
                    "after-up".getBytes(StandardCharsets.UTF_8));
            channel.waitForConfirmsOrDie(5_000);

            assertThat(body(channel.basicGet(QUEUE, true))).isEqualTo("pending-at-down");
            assertThat(body(channel.basicGet(QUEUE, true))).isEqualTo("after-up");
            assertThat(channel.basicGet(QUEUE, true)).as("nothing else, nothing twice").isNull();
        }
    }

    @Test
    void aThrowAwayBrokerStartsEmptyEveryTime() throws Exception {
        try (EmbeddedAmqpBroker broker = EmbeddedAmqpBroker.start(0, null);
                Connection connection = connect(broker);
                Channel channel = connection.createChannel()) {
            channel.queueDeclare(QUEUE, true, false, false, Map.of());
            channel.basicPublish("", QUEUE, MessageProperties.PERSISTENT_TEXT_PLAIN, new byte[] {1});
        }
        try (EmbeddedAmqpBroker broker = EmbeddedAmqpBroker.start(0, null);
                Connection connection = connect(broker);
                Channel channel = connection.createChannel()) {
            channel.queueDeclare(QUEUE, true, false, false, Map.of());
            assertThat(channel.basicGet(QUEUE, true)).isNull();
        }
    }

    private static Connection connect(EmbeddedAmqpBroker broker) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(broker.url());
        return factory.newConnection();
    }

    private static String body(GetResponse response) {
        assertThat(response).as("a message in " + QUEUE).isNotNull();
        return new String(response.getBody(), StandardCharsets.UTF_8);
    }
}
