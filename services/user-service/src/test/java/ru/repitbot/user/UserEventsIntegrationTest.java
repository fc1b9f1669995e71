package ru.repitbot.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.repitbot.events.EventCodec;
import ru.repitbot.events.EventEnvelope;
import ru.repitbot.testsupport.TestInfrastructure;
import tools.jackson.databind.JsonNode;

/** Changes leave events in the outbox in their own transaction, and the relay delivers them to the exchange. */
class UserEventsIntegrationTest extends IntegrationTest {

    private final EventCodec codec = new EventCodec();

    private List<EventEnvelope> outboxFor(long aggregateId) {
        return jdbc.queryForList("SELECT envelope FROM outbox_event ORDER BY id", String.class).stream()
                .map(codec::decode).filter(e -> e.aggregateId().equals(Long.toString(aggregateId))).toList();
    }

    @Test
    void creatingAndLinkingLeaveEventsInTheOutbox() {
        long tutor = createTutor("Тьютор Событий").path("id").asLong();
        long student = createStudent(tutor, "Ученик Событий").path("id").asLong();
        long parent = createParent(tutor, "Родитель Событий", student).path("id").asLong();

        EventEnvelope created = outboxFor(student).stream().filter(e -> e.eventType().equals("user.created"))
                .findFirst().orElseThrow();
        assertThat(created.serviceName()).isEqualTo("user-service");
        assertThat(created.userId()).isEqualTo(Long.toString(tutor));
        assertThat(created.aggregateVersion()).isEqualTo(1);
        JsonNode data = created.data();
        assertThat(data.path("role").asString()).isEqualTo("student");
        assertThat(data.path("full_name").asString()).isEqualTo("Ученик Событий");
        assertThat(data.path("tutor_ids").get(0).asLong()).isEqualTo(tutor);
        assertThat(data.path("time_zone").asString()).isEqualTo("Europe/Kaliningrad");

        EventEnvelope linked = outboxFor(student).stream().filter(e -> e.eventType().equals("user.linked"))
                .findFirst().orElseThrow();
        assertThat(linked.data().path("kind").asString()).isEqualTo("parent");
        assertThat(linked.data().path("user_id").asLong()).isEqualTo(parent);
        assertThat(linked.data().path("student_id").asLong()).isEqualTo(student);
        assertThat(outboxFor(parent)).extracting(EventEnvelope::eventType).contains("user.created");

        as(tutor, "tutor").patch("/api/v1/users/" + student, Map.of("grade", 5));
        EventEnvelope updated = outboxFor(student).stream().filter(e -> e.eventType().equals("user.updated"))
                .findFirst().orElseThrow();
        assertThat(updated.data().path("changes").path("grade").asInt()).isEqualTo(5);
        assertThat(updated.data().path("previous").has("grade")).isTrue();
        assertThat(updated.aggregateVersion()).as("the user's row version grows").isEqualTo(2);

        as(tutor, "tutor").delete("/api/v1/users/" + student + "/parents/" + parent);
        as(tutor, "tutor").delete("/api/v1/users/" + student);
        assertThat(outboxFor(student)).extracting(EventEnvelope::eventType)
                .containsSubsequence("user.created", "user.linked", "user.updated", "user.unlinked",
                        "user.deleted");
    }

    @Test
    void aRejectedChangeLeavesNoEvent() {
        long tutor = createTutor("Тьютор Без Событий").path("id").asLong();
        Long before = jdbc.queryForObject("SELECT count(*) FROM outbox_event", Long.class);
        assertThat(as(tutor, "tutor").post("/api/v1/users",
                Map.of("role", "parent", "full_name", "Родитель Ничей", "student_ids", List.of(999_999_999L)))
                .status()).isEqualTo(404);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM outbox_event", Long.class)).isEqualTo(before);
    }

    @Test
    void eventsReachTheExchange() throws Exception {
        TestInfrastructure infra = TestInfrastructure.get();
        try (Connection connection = infra.amqpConnectionFactory().newConnection();
                Channel channel = connection.createChannel()) {
            channel.exchangeDeclare(infra.exchange(), "topic", true);
            String queue = channel.queueDeclare().getQueue();
            channel.queueBind(queue, infra.exchange(), "user.*");

            long tutor = createTutor("Тьютор Кролика").path("id").asLong();
            long student = createStudent(tutor, "Ученик Кролика").path("id").asLong();
            createParent(tutor, "Родитель Кролика", student);

            List<EventEnvelope> received = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                GetResponse message;
                while ((message = channel.basicGet(queue, true)) != null) {
                    received.add(codec.decode(new String(message.getBody(), StandardCharsets.UTF_8)));
                }
                assertThat(received).anySatisfy(e -> {
                    assertThat(e.eventType()).isEqualTo("user.created");
                    assertThat(e.aggregateId()).isEqualTo(Long.toString(student));
                });
                assertThat(received).anySatisfy(e -> {
                    assertThat(e.eventType()).isEqualTo("user.linked");
                    assertThat(e.data().path("student_id").asLong()).isEqualTo(student);
                });
            });
            await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                    "SELECT count(*) FROM outbox_event WHERE published_at IS NULL", Long.class) == 0);
        }
    }
}
