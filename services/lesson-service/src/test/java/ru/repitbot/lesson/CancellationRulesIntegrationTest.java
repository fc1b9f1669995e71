package ru.repitbot.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.repitbot.events.EventEnvelope;
import ru.repitbot.lesson.domain.TemplateMaterialisation;
import ru.repitbot.lesson.domain.WeeklySlots;
import ru.repitbot.testsupport.ApiClient;
import tools.jackson.databind.JsonNode;

/**
 * docs/domain/lessons.md, "Cancelling a lesson": the cancelled occurrence stays
 * at its date, its topic moves on, marked lessons are history, undated make-ups cannot be marked, and the weekly
 * template never refills a cancelled or vacated slot.
 */
class CancellationRulesIntegrationTest extends IntegrationTest {

    @Test
    void theCancelledLessonStaysAtItsDateAndItsTopicMovesOn() {
        long tutor = givenTutor();
        long student = givenStudent(tutor);
        long c = createLesson(tutor, student, "Тема 1", at(4, 0)).path("id").asLong();
        long l1 = createLesson(tutor, student, "Тема 2", at(7, 0)).path("id").asLong();
        long l2 = createLesson(tutor, student, "Тема 3", at(11, 0), 90).path("id").asLong();

        ApiClient.ApiResponse response = as(tutor, "tutor").post("/api/v1/lessons/" + c + "/cancel",
                Map.of("attendance_status", "excused_absence", "reason", "Болеет"));
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        JsonNode body = response.json();
        long makeup = body.path("makeup_lesson_id").asLong();
        assertThat(makeup).isNotIn(c, l1, l2);
        assertThat(body.path("topic_moves")).hasSize(3);
        assertThat(body.path("topic_moves").get(0).path("from_lesson_id").asLong()).isEqualTo(c);
        assertThat(body.path("topic_moves").get(0).path("to_lesson_id").asLong()).isEqualTo(l1);
        assertThat(body.path("topic_moves").get(2).path("to_lesson_id").asLong()).isEqualTo(makeup);

        JsonNode cancelled = lesson(tutor, c);
        assertThat(instant(cancelled.path("start_at"))).as("the date that was really cancelled").isEqualTo(at(4, 0));
        assertThat(cancelled.path("attendance_status").asString()).isEqualTo("excused_absence");
        assertThat(cancelled.path("cancellation_reason").asString()).isEqualTo("Болеет");
        assertThat(cancelled.path("topic_moved_to_lesson_id").asLong()).isEqualTo(l1);
        JsonNode second = lesson(tutor, l1);
        assertThat(instant(second.path("start_at"))).isEqualTo(at(7, 0));
        assertThat(second.path("topic").asString()).isEqualTo("Тема 1");
        assertThat(second.path("topic_moved_to_lesson_id").isNull()).isTrue();
        JsonNode third = lesson(tutor, l2);
        assertThat(instant(third.path("start_at"))).isEqualTo(at(11, 0));
        assertThat(third.path("duration_minutes").asInt()).isEqualTo(90);
        assertThat(third.path("topic").asString()).isEqualTo("Тема 2");
        JsonNode m = lesson(tutor, makeup);
        assertThat(m.path("start_at").isNull()).isTrue();
        assertThat(m.path("is_makeup").asBoolean()).isTrue();
        assertThat(m.path("topic").asString()).isEqualTo("Тема 3");
        assertThat(m.path("duration_minutes").asInt()).as("the length of the lesson it came from").isEqualTo(90);

        EventEnvelope event = outboxFor(c, "lesson.cancelled").getFirst();
        assertThat(instant(event.data().path("date"))).isEqualTo(at(4, 0));
        assertThat(event.data().path("previous_attendance_status").asString()).isEqualTo("scheduled");
        assertThat(event.data().path("makeup_lesson_id").asLong()).isEqualTo(makeup);
        assertThat(event.data().path("topic_moves").get(1).path("from_lesson_id").asLong()).isEqualTo(l1);
        assertThat(event.data().path("topic_moves").get(1).path("to_lesson_id").asLong()).isEqualTo(l2);
        assertThat(event.data().path("topic_moves").get(1).path("topic").asString()).isEqualTo("Тема 2");
        assertThat(outboxFor(l1, "lesson.updated").getFirst().data().path("changes").path("topic").path("new")
                .asString()).isEqualTo("Тема 1");
        assertThat(outboxFor(l1, "lesson.updated").getFirst().data().path("changes").has("date")).isFalse();
        assertThat(outboxFor(makeup, "lesson.created")).hasSize(1);

        // Cancelling it again only changes the status: a topic moves once.
        JsonNode again = as(tutor, "tutor").post("/api/v1/lessons/" + c + "/cancel",
                Map.of("attendance_status", "unexcused_absence")).json();
        assertThat(again.path("topic_moves")).isEmpty();
        assertThat(again.path("lesson").path("charged").asBoolean()).isTrue();
        assertThat(lesson(tutor, l1).path("topic").asString()).isEqualTo("Тема 1");
        assertThat(as(tutor, "tutor").get("/api/v1/lessons?student_id=" + student).json().path("total").asLong())
                .isEqualTo(4);
    }

    @Test
    void cancellingOneLessonNeverRefundsAnotherLessonsUnexcusedAbsence() {
        long tutor = givenTutor();
        long student = givenStudent(tutor);
        long e = createLesson(tutor, student, "E", at(21, 0)).path("id").asLong();
        long u = createLesson(tutor, student, "U", at(22, 0)).path("id").asLong();
        long a = createLesson(tutor, student, "A", at(23, 0)).path("id").asLong();
        as(tutor, "tutor").put("/api/v1/lessons/" + a + "/attendance", Map.of("status", "attended"));
        // Marking U unexcused is itself a cancellation: U's topic moves on (to a make-up, A is already marked).
        as(tutor, "tutor").put("/api/v1/lessons/" + u + "/attendance", Map.of("status", "unexcused_absence"));
        int eventsOfU = outboxFor(u).size();

        JsonNode body = as(tutor, "tutor").post("/api/v1/lessons/" + e + "/cancel", Map.of()).json();

        assertThat(body.path("topic_moves")).as("only E's topic moves, into a make-up").hasSize(1);
        JsonNode unexcused = lesson(tutor, u);
        assertThat(unexcused.path("attendance_status").asString()).isEqualTo("unexcused_absence");
        assertThat(unexcused.path("charged").asBoolean()).isTrue();
        assertThat(instant(unexcused.path("start_at"))).isEqualTo(at(22, 0));
        assertThat(unexcused.path("topic").asString()).isEqualTo("U");
        assertThat(unexcused.path("is_makeup").asBoolean()).isFalse();
        assertThat(outboxFor(u)).as("nothing happened to U").hasSize(eventsOfU);
        assertThat(lesson(tutor, a).path("topic").asString()).isEqualTo("A");
        assertThat(lesson(tutor, body.path("makeup_lesson_id").asLong()).path("topic").asString()).isEqualTo("E");
    }

    @Test
    void anUndatedMakeupCannotBeMarkedUntilItHasADate() {
        long tutor = givenTutor();
        long student = givenStudent(tutor);
        long only = createLesson(tutor, student, "Логарифмы", at(5, 0)).path("id").asLong();
        long makeup = as(tutor, "tutor").post("/api/v1/lessons/" + only + "/cancel", Map.of()).json()
                .path("makeup_lesson_id").asLong();

        for (String status : List.of("attended", "unexcused_absence", "excused_absence")) {
            ApiClient.ApiResponse refused = as(tutor, "tutor").put("/api/v1/lessons/" + makeup + "/attendance",
                    Map.of("status", status));
            assertThat(refused.status()).as("%s: %s", status, refused).isEqualTo(409);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().path("detail").asString()).contains("date");
        }
        assertThat(lesson(tutor, makeup).path("attendance_status").asString()).isEqualTo("scheduled");
        assertThat(as(tutor, "tutor").post("/api/v1/lessons/" + makeup + "/cancel", Map.of()).status())
                .isEqualTo(409);

        // Given a date it is an ordinary lesson, charged by the usual rule.
        ApiClient.ApiResponse dated = as(tutor, "tutor").post("/api/v1/lessons/" + makeup + "/reschedule",
                Map.of("start_at", at(14, 0).toString()));
        assertThat(dated.status()).isEqualTo(200);
        assertThat(dated.json().path("is_rescheduled").asBoolean()).as("no original date to remember").isFalse();
        JsonNode attended = as(tutor, "tutor").put("/api/v1/lessons/" + makeup + "/attendance",
                Map.of("status", "attended")).json();
        assertThat(attended.path("charged").asBoolean()).isTrue();
        assertThat(attended.path("is_makeup").asBoolean()).as("still a make-up lesson, now dated").isTrue();
    }

    @Test
    void aMarkedLessonKeepsItsDate() {
        long tutor = givenTutor();
        long student = givenStudent(tutor);
        long id = createLesson(tutor, student, "Степени", at(9, 0)).path("id").asLong();
        as(tutor, "tutor").put("/api/v1/lessons/" + id + "/attendance", Map.of("status", "attended"));

        ApiClient.ApiResponse moved = as(tutor, "tutor").post("/api/v1/lessons/" + id + "/reschedule",
                Map.of("start_at", at(9, 5).toString()));
        assertThat(moved.status()).isEqualTo(409);
        assertThat(instant(lesson(tutor, id).path("start_at"))).isEqualTo(at(9, 0));
    }

    @Test
    void aCancelledOccurrenceFreesTheTutorsTimeButComesBackOnlyIfItIsStillFree() {
        long tutor = givenTutor();
        long anna = givenStudent(tutor);
        long boris = givenStudent(tutor);
        long annas = createLesson(tutor, anna, "Анна", at(30, 0)).path("id").asLong();
        as(tutor, "tutor").post("/api/v1/lessons/" + annas + "/cancel", Map.of());

        createLesson(tutor, boris, "Борис в освободившееся время", at(30, 0));

        ApiClient.ApiResponse back = as(tutor, "tutor").put("/api/v1/lessons/" + annas + "/attendance",
                Map.of("status", "attended"));
        assertThat(back.status()).as("%s", back).isEqualTo(409);
        assertThat(lesson(tutor, annas).path("attendance_status").asString()).isEqualTo("excused_absence");
    }

    @Test
    void materialisingAgainNeverRefillsACancelledOrVacatedSlot() {
        long tutor = givenTutor();
        long student = givenStudent(tutor, "Europe/Kaliningrad");
        ZoneId zone = ZoneId.of("Europe/Kaliningrad");
        as(tutor, "tutor").put("/api/v1/schedules/" + student, Map.of("slots", List.of(
                Map.of("weekday", "sunday", "time", "18:30"), Map.of("weekday", "wednesday", "time", "15:00"))));
        List<TemplateMaterialisation.Occurrence> expected = TemplateMaterialisation.occurrences(List.of(
                new WeeklySlots.Slot(DayOfWeek.SUNDAY, LocalTime.of(18, 30), 60, null),
                new WeeklySlots.Slot(DayOfWeek.WEDNESDAY, LocalTime.of(15, 0), 60, null)), zone, Instant.now(), 2);
        JsonNode first = as(tutor, "tutor").post("/api/v1/schedules/" + student + "/materialise?weeks=2", null)
                .json();
        assertThat(first.path("created").asInt()).isEqualTo(expected.size());
        List<Long> ids = new java.util.ArrayList<>();
        first.path("lesson_ids").forEach(id -> ids.add(id.asLong()));
        long cancelled = ids.get(0);
        long moved = ids.get(1);
        long deleted = ids.get(2);
        as(tutor, "tutor").post("/api/v1/lessons/" + cancelled + "/cancel", Map.of());
        assertThat(as(tutor, "tutor").post("/api/v1/lessons/" + moved + "/reschedule",
                Map.of("start_at", expected.get(1).start().plusSeconds(7200).toString())).status()).isEqualTo(200);
        assertThat(as(tutor, "tutor").delete("/api/v1/lessons/" + deleted).status()).isEqualTo(204);
        long before = as(tutor, "tutor").get("/api/v1/lessons?student_id=" + student).json().path("total").asLong();

        JsonNode again = as(tutor, "tutor").post("/api/v1/schedules/" + student + "/materialise?weeks=2", null)
                .json();

        assertThat(again.path("created").asInt()).as("%s", again).isZero();
        assertThat(as(tutor, "tutor").get("/api/v1/lessons?student_id=" + student).json().path("total").asLong())
                .isEqualTo(before);
        JsonNode atCancelledSlot = as(tutor, "tutor").get("/api/v1/lessons?student_id=" + student + "&from="
                + expected.get(0).start() + "&to=" + expected.get(0).start().plusSeconds(60)).json();
        assertThat(atCancelledSlot.path("items")).hasSize(1);
        assertThat(atCancelledSlot.path("items").get(0).path("id").asLong()).isEqualTo(cancelled);
    }

    @Test
    void aTemplateCanBeDeleted() {
        long tutor = givenTutor();
        long student = givenStudent(tutor);
        as(tutor, "tutor").put("/api/v1/schedules/" + student,
                Map.of("slots", List.of(Map.of("weekday", "monday", "time", "10:00"))));
        long other = givenTutor();

        assertThat(as(other, "tutor").delete("/api/v1/schedules/" + student).status()).isEqualTo(404);
        assertThat(as(student, "student").delete("/api/v1/schedules/" + student).status()).isEqualTo(403);
        assertThat(as(tutor, "tutor").delete("/api/v1/schedules/" + student).status()).isEqualTo(204);
        assertThat(as(tutor, "tutor").get("/api/v1/schedules/" + student).json().path("slots")).isEmpty();
        assertThat(as(tutor, "tutor").delete("/api/v1/schedules/" + student).status()).isEqualTo(404);
        assertThat(as(tutor, "tutor").post("/api/v1/schedules/" + student + "/materialise", null).json()
                .path("created").asInt()).isZero();
    }
}
