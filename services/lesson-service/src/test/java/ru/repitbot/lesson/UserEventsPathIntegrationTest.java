package ru.repitbot.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.repitbot.events.EventPayload;
import ru.repitbot.events.catalogue.UserEvents;
import ru.repitbot.testsupport.TestInfrastructure;

/**
 * The real way lesson-service learns who may see whom: user-service's events through the broker into the access
 * projection. (Other tests fill the projection directly, for speed.)
 */
class UserEventsPathIntegrationTest extends IntegrationTest {

    private void publish(EventPayload payload) throws Exception {
        TestInfrastructure infra = TestInfrastructure.get();
        try (Connection connection = infra.amqpConnectionFactory().newConnection();
                Channel channel = connection.createChannel()) {
            channel.confirmSelect();
            channel.basicPublish(infra.exchange(), payload.eventType(), new AMQP.BasicProperties.Builder()
                    .contentType("application/json").deliveryMode(2).build(), codec.encode(envelope(payload)));
            channel.waitForConfirmsOrDie(5000);
        }
    }

    @Test
    void usersAndLinksArriveAsEventsAndDecideAccess() throws Exception {
        long tutor = newId();
        long student = newId();
        long parent = newId();
        publish(new UserEvents.Created(tutor, "tutor", "Тьютор Событий", 1L, "tutor", "Europe/Kaliningrad", null,
                List.of(), List.of()));
        publish(new UserEvents.Created(student, "student", "Ученик Событий", 2L, "student", "Asia/Yekaterinburg",
                8, List.of(tutor), List.of()));
        publish(new UserEvents.Created(parent, "parent", "Родитель Событий", 3L, "parent", "Europe/Kaliningrad",
                null, List.of(), List.of()));

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() ->
                as(tutor, "tutor").get("/api/v1/lessons?student_id=" + student).status() == 200);
        long lesson = createLesson(tutor, student, "Через события", at(80, 0)).path("id").asLong();
        assertThat(lesson(tutor, lesson).path("time_zone").asString()).isEqualTo("Asia/Yekaterinburg");
        assertThat(as(parent, "parent").get("/api/v1/lessons/" + lesson).status()).isEqualTo(404);

        publish(new UserEvents.Linked(UserEvents.LinkKind.parent, parent, student));
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() ->
                as(parent, "parent").get("/api/v1/lessons/" + lesson).status() == 200);

        publish(new UserEvents.Updated(student, "student", Map.of("time_zone", "Europe/Moscow"),
                Map.of("time_zone", "Asia/Yekaterinburg")));
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() ->
                "Europe/Moscow".equals(lesson(tutor, lesson).path("time_zone").asString()));

        publish(new UserEvents.Unlinked(UserEvents.LinkKind.tutor, tutor, student));
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() ->
                as(tutor, "tutor").get("/api/v1/lessons/" + lesson).status() == 404);
        assertThat(as(tutor, "tutor").patch("/api/v1/lessons/" + lesson, Map.of("topic", "x")).status())
                .isEqualTo(404);
    }
}
