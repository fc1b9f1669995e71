package ru.repitbot.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import ru.repitbot.events.EventEnvelope;
import ru.repitbot.testsupport.ApiClient;
import tools.jackson.databind.JsonNode;

/**
 * What one cancellation writes to the outbox (docs/domain/lessons.md, "Cancelling a lesson";
 * docs/domain/events.md#lesson-events), as consumers see it: the events in the order they go out, their whole
 * payloads and the versions they carry. The lesson aggregate decides them ({@code Lesson.cancel}); this pins the wire.
 */
class CancellationEventsIntegrationTest extends IntegrationTest {

    @Test
    void aCancellationThatShiftsTopicsTellsTheMakeupThenEachReceiverThenTheCancelledLesson() {
        long tutor = givenTutor();
        long student = givenStudent(tutor, "Asia/Yekaterinburg");
        long c = createLesson(tutor, student, "Тема 1", at(4, 0)).path("id").asLong();
        long l1 = createLesson(tutor, student, "Тема 2", at(7, 0)).path("id").asLong();
        long l2 = createLesson(tutor, student, "Тема 3", at(11, 0), 90).path("id").asLong();
        as(tutor, "tutor").patch("/api/v1/lessons/" + l2, Map.of("skills_developed", "Графики")).json();
        long mark = lastOutboxId();

        JsonNode body = as(tutor, "tutor").post("/api/v1/lessons/" + c + "/cancel",
                Map.of("attendance_status", "excused_absence", "reason", "Болеет")).json();

        long makeup = body.path("makeup_lesson_id").asLong();
        List<EventEnvelope> sent = outboxAfter(mark, Set.of(c, l1, l2, makeup));
        assertThat(sent).extracting(e -> e.eventType() + " " + e.aggregateId()).containsExactly(
                "lesson.created " + makeup, "lesson.updated " + l1, "lesson.updated " + l2, "lesson.cancelled " + c);

        EventEnvelope created = sent.get(0);
        assertThat(created.aggregateVersion()).isEqualTo(1);
        assertThat(created.data().path("student_id").asLong()).isEqualTo(student);
        assertThat(created.data().path("tutor_id").asLong()).isEqualTo(tutor);
        assertThat(created.data().path("topic").asString()).isEqualTo("Тема 3");
        assertThat(created.data().path("skills_developed").asString()).isEqualTo("Графики");
        assertThat(created.data().path("date").isNull()).as("an undated make-up").isTrue();
        assertThat(created.data().path("duration_minutes").asInt()).isEqualTo(90);
        assertThat(created.data().path("attendance_status").asString()).isEqualTo("scheduled");
        assertThat(created.data().path("is_makeup").asBoolean()).isTrue();

        JsonNode first = sent.get(1).data().path("changes");
        assertThat(sent.get(1).aggregateVersion()).isEqualTo(2);
        assertThat(names(first)).containsExactlyInAnyOrder("topic");
        assertThat(first.path("topic").path("old").asString()).isEqualTo("Тема 2");
        assertThat(first.path("topic").path("new").asString()).isEqualTo("Тема 1");
        JsonNode second = sent.get(2).data().path("changes");
        assertThat(sent.get(2).aggregateVersion()).as("created, skills edited, topic taken").isEqualTo(3);
        assertThat(names(second)).containsExactlyInAnyOrder("topic", "skills_developed");
        assertThat(second.path("topic").path("new").asString()).isEqualTo("Тема 2");
        assertThat(second.path("skills_developed").path("old").asString()).isEqualTo("Графики");
        assertThat(second.path("skills_developed").path("new").isNull()).isTrue();

        EventEnvelope cancelled = sent.get(3);
        assertThat(cancelled.aggregateVersion()).as("one version for one change: status, reason and where the topic went")
                .isEqualTo(2).isEqualTo(lesson(tutor, c).path("version").asLong());
        JsonNode data = cancelled.data();
        assertThat(data.path("lesson_id").asLong()).isEqualTo(c);
        assertThat(java.time.OffsetDateTime.parse(data.path("date").asString())).as("in the student's zone")
                .isEqualTo(at(4, 0).atZone(java.time.ZoneId.of("Asia/Yekaterinburg")).toOffsetDateTime());
        assertThat(data.path("attendance_status").asString()).isEqualTo("excused_absence");
        assertThat(data.path("previous_attendance_status").asString()).isEqualTo("scheduled");
        assertThat(data.path("reason").asString()).isEqualTo("Болеет");
        assertThat(data.path("makeup_lesson_id").asLong()).isEqualTo(makeup);
        assertThat(moves(data.path("topic_moves"))).containsExactly(
                c + ">" + l1 + " Тема 1", l1 + ">" + l2 + " Тема 2", l2 + ">" + makeup + " Тема 3");
        assertThat(moves(body.path("topic_moves"))).as("the answer tells the same moves")
                .isEqualTo(moves(data.path("topic_moves")));
    }

    @Test
    void switchingBetweenCancellationStatusesTellsOnlyTheCancelledLesson() {
        long tutor = givenTutor();
        long student = givenStudent(tutor);
        long c = createLesson(tutor, student, "Тема 1", at(40, 0)).path("id").asLong();
        long later = createLesson(tutor, student, "Тема 2", at(41, 0)).path("id").asLong();
        as(tutor, "tutor").post("/api/v1/lessons/" + c + "/cancel", Map.of("reason", "Болеет"));
        long mark = lastOutboxId();

        ApiClient.ApiResponse response = as(tutor, "tutor").post("/api/v1/lessons/" + c + "/cancel",
                Map.of("attendance_status", "unexcused_absence"));

        assertThat(response.status()).as("%s", response).isEqualTo(200);
        List<EventEnvelope> sent = outboxAfter(mark, Set.of(c, later));
        assertThat(sent).extracting(EventEnvelope::eventType).containsExactly("lesson.cancelled");
        JsonNode data = sent.getFirst().data();
        assertThat(data.path("attendance_status").asString()).isEqualTo("unexcused_absence");
        assertThat(data.path("previous_attendance_status").asString()).isEqualTo("excused_absence");
        assertThat(data.path("reason").asString()).as("the reason stays").isEqualTo("Болеет");
        assertThat(data.path("topic_moves")).as("a topic moves once").isEmpty();
        assertThat(data.path("makeup_lesson_id").isNull()).isTrue();
        assertThat(sent.getFirst().aggregateVersion()).isEqualTo(lesson(tutor, c).path("version").asLong());
        assertThat(lesson(tutor, later).path("topic").asString()).isEqualTo("Тема 1");
    }

    @Test
    void aCancellationWithNoLaterLessonLinksTheCancelledLessonToItsMakeup() {
        long tutor = givenTutor();
        long student = givenStudent(tutor);
        long c = createLesson(tutor, student, "Логарифмы", at(45, 0)).path("id").asLong();
        long mark = lastOutboxId();

        JsonNode body = as(tutor, "tutor").put("/api/v1/lessons/" + c + "/attendance",
                Map.of("status", "rescheduled")).json();

        assertThat(body.path("attendance_status").asString()).isEqualTo("rescheduled");
        assertThat(body.path("topic_moved_to_lesson_id").isNull()).isFalse();
        long makeup = body.path("topic_moved_to_lesson_id").asLong();
        List<EventEnvelope> sent = outboxAfter(mark, Set.of(c, makeup));
        assertThat(sent).extracting(e -> e.eventType() + " " + e.aggregateId())
                .containsExactly("lesson.created " + makeup, "lesson.cancelled " + c);
        assertThat(moves(sent.get(1).data().path("topic_moves"))).containsExactly(c + ">" + makeup + " Логарифмы");
        assertThat(sent.get(1).data().path("reason").isNull()).isTrue();
    }

    private long lastOutboxId() {
        Long last = jdbc.queryForObject("SELECT max(id) FROM outbox_event", Long.class);
        return last == null ? 0 : last;
    }

    private List<EventEnvelope> outboxAfter(long mark, Set<Long> lessonIds) {
        return jdbc.queryForList("SELECT envelope FROM outbox_event WHERE id > ? ORDER BY id", String.class, mark)
                .stream().map(codec::decode)
                .filter(e -> lessonIds.contains(Long.parseLong(e.aggregateId()))).toList();
    }

    private static List<String> names(JsonNode object) {
        return object.propertyNames().stream().toList();
    }

    private static List<String> moves(JsonNode moves) {
        List<String> out = new java.util.ArrayList<>();
        moves.forEach(m -> out.add(m.path("from_lesson_id").asLong() + ">" + m.path("to_lesson_id").asLong() + " "
                + m.path("topic").asString()));
        return out;
    }
}
