package ru.repitbot.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ru.repitbot.testsupport.AccessFixtures.publishUserEvents;
import static ru.repitbot.testsupport.AccessFixtures.userEvent;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.repitbot.testsupport.AccessFixtures;

/**
 * The real way lesson-service learns who may see whom: user-service's events through the broker into the access
 * projection. (Other tests fill the projection directly, for speed.)
 */
class UserEventsPathIntegrationTest extends IntegrationTest {

    @Test
    void usersAndLinksArriveAsEventsAndDecideAccess() {
        AccessFixtures events = AccessFixtures.viaEvents();
        long tutor = events.tutor();
        long student = events.studentIn("Asia/Yekaterinburg", tutor);
        long parent = events.parent();

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() ->
                as(tutor, "tutor").get("/api/v1/lessons?student_id=" + student).status() == 200);
        long lesson = createLesson(tutor, student, "Через события", at(80, 0)).path("id").asLong();
        assertThat(lesson(tutor, lesson).path("time_zone").asString()).isEqualTo("Asia/Yekaterinburg");
        assertThat(as(parent, "parent").get("/api/v1/lessons/" + lesson).status()).isEqualTo(404);

        events.link("parent", parent, student);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() ->
                as(parent, "parent").get("/api/v1/lessons/" + lesson).status() == 200);

        publishUserEvents(userEvent("user.updated", student, Map.of("user_id", student, "role", "student",
                "changes", Map.of("time_zone", "Europe/Moscow"),
                "previous", Map.of("time_zone", "Asia/Yekaterinburg"))));
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() ->
                "Europe/Moscow".equals(lesson(tutor, lesson).path("time_zone").asString()));

        publishUserEvents(userEvent("user.unlinked", student, Map.of("kind", "tutor", "user_id", tutor,
                "student_id", student)));
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() ->
                as(tutor, "tutor").get("/api/v1/lessons/" + lesson).status() == 404);
        assertThat(as(tutor, "tutor").patch("/api/v1/lessons/" + lesson, Map.of("topic", "x")).status())
                .isEqualTo(404);
    }
}
