package ru.repitbot.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ru.repitbot.testsupport.AccessFixtures.publishUserEvents;
import static ru.repitbot.testsupport.AccessFixtures.userEvent;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import ru.repitbot.testsupport.AccessFixtures;
import ru.repitbot.testsupport.ApiClient;

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

    /**
     * A tutor books a lesson for a student created in user-service a moment ago, while lesson-service has not yet
     * seen {@code user.created}: the request waits for the event (bounded) instead of answering 404.
     */
    @Test
    void aLessonForAStudentWhoseCreationIsStillOnItsWayIsBooked() throws Exception {
        long tutor = givenTutor();
        long student = newId();
        Map<String, Object> body = Map.of("student_id", student, "topic", "Сразу после создания",
                "start_at", at(81, 0).toString(), "duration_minutes", 60);
        CompletableFuture<ApiClient.ApiResponse> booking = CompletableFuture.supplyAsync(() ->
                as(tutor, "tutor").post("/api/v1/lessons", body));
        Thread.sleep(300);
        assertThat(booking).as("waiting for user.created").isNotDone();

        Map<String, Object> created = new LinkedHashMap<>();
        created.put("user_id", student);
        created.put("role", "student");
        created.put("full_name", "Новый ученик");
        created.put("time_zone", "Asia/Omsk");
        created.put("grade", 7);
        created.put("tutor_ids", List.of(tutor));
        created.put("parent_ids", List.of());
        publishUserEvents(userEvent("user.created", student, created));

        ApiClient.ApiResponse response = booking.get(30, TimeUnit.SECONDS);
        assertThat(response.status()).as("%s", response).isEqualTo(201);
        assertThat(response.json().path("time_zone").asString()).isEqualTo("Asia/Omsk");
        assertThat(as(newId(), "tutor").get("/api/v1/lessons?student_id=" + student).status())
                .as("still 404 for another tutor").isEqualTo(404);
    }
}
