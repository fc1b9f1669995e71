package ru.repitbot.homework;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import ru.repitbot.testsupport.ApiClient;
import ru.repitbot.testsupport.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * What scheduler-service reads to remind of deadlines (docs/domain/notifications.md#reminders): every tutor's pending
 * homework whose deadline falls in a window, with {@code deadline_set_at}.
 */
class DeadlineWindowIntegrationTest extends IntegrationTest {

    /** Random, weeks ahead, so other tests' homework (deadlines a few days ahead) never falls into the window. */
    private static Instant window() {
        return Instant.now().plus(Duration.ofDays(30)).plus(Duration.ofHours(
                ThreadLocalRandom.current().nextInt(30_000))).truncatedTo(ChronoUnit.HOURS);
    }

    private ApiClient scheduler() {
        return ApiClient.local(port).withToken(TestTokens.get().service("scheduler-service"));
    }

    private long assignDue(long tutor, long lesson, String description, Instant deadline) {
        ApiClient.ApiResponse created = assign(tutor, lesson, description, Map.of("deadline", deadline.toString()));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return created.json().path("id").asLong();
    }

    @Test
    void deadlineSetAtIsTheMomentTheDeadlineGotItsValue() {
        Instant w = window();
        long tutor = givenTutor();
        long student = givenStudent(tutor);
        long lesson = givenLesson(tutor, student, "Дроби");
        Instant before = Instant.now().truncatedTo(ChronoUnit.MICROS);
        ApiClient.ApiResponse created = assign(tutor, lesson, "№1-5", Map.of("deadline", w.toString()));
        long id = created.json().path("id").asLong();
        Instant setAtAssignment = instant(created.json().path("deadline_set_at"));
        assertThat(setAtAssignment).isBetween(before, Instant.now());
        assertThat(offset(created.json().path("deadline_set_at"))).as("in the student's zone")
                .isEqualTo(offset(created.json().path("deadline")));

        JsonNode kept = as(tutor, "tutor").patch("/api/v1/homework/" + id,
                Map.of("description", "№1-10", "deadline", w.toString())).json();
        assertThat(instant(kept.path("deadline_set_at"))).isEqualTo(setAtAssignment);
        assertThat(instant(as(student, "student").get("/api/v1/homework/" + id).json().path("deadline_set_at")))
                .isEqualTo(setAtAssignment);

        JsonNode moved = as(tutor, "tutor").patch("/api/v1/homework/" + id,
                Map.of("deadline", w.plus(Duration.ofDays(1)).toString())).json();
        assertThat(instant(moved.path("deadline_set_at"))).isAfterOrEqualTo(setAtAssignment)
                .isBefore(Instant.now().plusSeconds(1));
        assertThat(instant(moved.path("deadline"))).isEqualTo(w.plus(Duration.ofDays(1)));
    }

    @Test
    void theSchedulerListsEveryTutorsPendingHomeworkDueInAWindow() {
        Instant w = window();
        long anna = givenTutor();
        long a1 = givenStudent(anna);
        long annasLesson = givenLesson(anna, a1, "Дроби");
        long boris = givenTutor();
        long b1 = givenStudent(boris);
        long borisLesson = givenLesson(boris, b1, "Степени");

        long due = assignDue(anna, annasLesson, "В окне", w.plus(Duration.ofHours(1)));
        long handedIn = assignDue(anna, annasLesson, "Сдано", w.plus(Duration.ofHours(2)));
        long movedOut = assignDue(anna, annasLesson, "Срок перенесён из окна", w.plus(Duration.ofHours(3)));
        long movedIn = assignDue(anna, annasLesson, "Срок перенесён в окно", w.plus(Duration.ofDays(3)));
        long atTheStart = assignDue(boris, borisLesson, "На границе", w);
        long atTheEnd = assignDue(boris, borisLesson, "На другой границе", w.plus(Duration.ofHours(6)));
        assignDue(boris, borisLesson, "Раньше окна", w.minusSeconds(1));
        assignDue(boris, borisLesson, "Позже окна", w.plus(Duration.ofHours(6)).plusSeconds(1));

        assertThat(as(a1, "student").post("/api/v1/homework/" + handedIn + "/submission",
                Map.of("text", "Готово")).status()).isEqualTo(200);
        assertThat(as(anna, "tutor").patch("/api/v1/homework/" + movedOut,
                Map.of("deadline", w.plus(Duration.ofDays(2)).toString())).status()).isEqualTo(200);
        assertThat(as(anna, "tutor").patch("/api/v1/homework/" + movedIn,
                Map.of("deadline", w.plus(Duration.ofHours(4)).toString())).status()).isEqualTo(200);

        String from = w.atOffset(ZoneOffset.ofHours(3)).toString().replace("+", "%2B");
        String to = w.plus(Duration.ofHours(6)).toString();
        String window = "/api/v1/homework?deadline_from=" + from + "&deadline_to=" + to + "&page=1&size=100";

        JsonNode pending = scheduler().get(window + "&status=pending").json();
        assertThat(ids(pending)).containsExactlyInAnyOrder(due, movedIn, atTheStart, atTheEnd);
        assertThat(pending.path("total").asLong()).isEqualTo(4);
        JsonNode item = pending.path("items").valueStream().filter(n -> n.path("id").asLong() == movedIn)
                .findFirst().orElseThrow();
        assertThat(item.path("student_id").asLong()).isEqualTo(a1);
        assertThat(item.path("tutor_id").asLong()).isEqualTo(anna);
        assertThat(item.path("lesson_id").asLong()).isEqualTo(annasLesson);
        assertThat(item.path("description").asString()).isEqualTo("Срок перенесён в окно");
        assertThat(instant(item.path("deadline"))).isEqualTo(w.plus(Duration.ofHours(4)));
        assertThat(item.path("status").asString()).isEqualTo("pending");
        assertThat(instant(item.path("deadline_set_at"))).isNotNull();

        assertThat(ids(scheduler().get(window).json())).as("without status the handed-in one is there too")
                .containsExactlyInAnyOrder(due, handedIn, movedIn, atTheStart, atTheEnd);
        assertThat(ids(scheduler().get(window + "&status=pending&lesson_id=" + annasLesson).json()))
                .containsExactlyInAnyOrder(due, movedIn);
        assertThat(ids(as(boris, "tutor").get(window + "&status=pending").json()))
                .as("a tutor sees only their own").containsExactlyInAnyOrder(atTheStart, atTheEnd);
        assertThat(ids(scheduler().get("/api/v1/homework?deadline_from=" + w.plus(Duration.ofHours(5))
                + "&status=pending&size=100&tutor_id=" + boris).json()))
                .as("one bound alone").contains(atTheEnd).doesNotContain(atTheStart);
    }

    @Test
    void badBoundsAreA400NamingTheParameter() {
        ApiClient.ApiResponse garbage = scheduler().get("/api/v1/homework?deadline_from=tomorrow");
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(field(garbage)).isEqualTo("deadline_from");

        ApiClient.ApiResponse year = scheduler().get("/api/v1/homework?deadline_to=99999-01-01");
        assertThat(year.status()).isEqualTo(400);
        assertThat(field(year)).isEqualTo("deadline_to");

        ApiClient.ApiResponse backwards = scheduler().get(
                "/api/v1/homework?deadline_from=2030-01-02T00:00:00Z&deadline_to=2030-01-01T00:00:00Z");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(field(backwards)).isEqualTo("deadline_to");
    }

    private static String field(ApiClient.ApiResponse response) {
        return response.json().path("errors").get(0).path("field").asString();
    }

    private static Instant instant(JsonNode node) {
        return node == null || node.isNull() ? null : OffsetDateTime.parse(node.asString()).toInstant();
    }

    private static ZoneOffset offset(JsonNode node) {
        return OffsetDateTime.parse(node.asString()).getOffset();
    }
}
