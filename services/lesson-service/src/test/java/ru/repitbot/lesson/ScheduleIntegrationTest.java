package ru.repitbot.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.repitbot.lesson.domain.TemplateMaterialisation;
import ru.repitbot.lesson.domain.WeeklySlots;
import ru.repitbot.testsupport.ApiClient;
import tools.jackson.databind.JsonNode;

/** Weekly templates and their materialisation into scheduled lessons (docs/domain/schedule.md). */
class ScheduleIntegrationTest extends IntegrationTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    static Map<String, Object> template() {
        return Map.of("slots", List.of(
                Map.of("weekday", "monday", "time", "18:00", "duration_minutes", 60),
                Map.of("weekday", "thursday", "time", "16:30", "duration_minutes", 90, "note", "Алгебра")));
    }

    @Test
    void aTutorSetsATemplateThatTheFamilyCanRead() {
        long tutor = givenTutor();
        long student = givenStudent(tutor, "Europe/Berlin");
        long parent = givenParentOf(student);

        ApiClient.ApiResponse put = as(tutor, "tutor").put("/api/v1/schedules/" + student, template());
        assertThat(put.status()).as("%s", put).isEqualTo(200);
        assertThat(put.json().path("effective_time_zone").asString()).isEqualTo("Europe/Berlin");
        assertThat(put.json().path("time_zone").isNull()).isTrue();

        for (ApiClient reader : new ApiClient[] {as(student, "student"), as(parent, "parent"), as(tutor, "tutor"),
            admin()}) {
            JsonNode got = reader.get("/api/v1/schedules/" + student).json();
            assertThat(got.path("tutor_id").asLong()).isEqualTo(tutor);
            assertThat(got.path("slots")).hasSize(2);
            assertThat(got.path("slots").get(1).path("weekday").asString()).isEqualTo("thursday");
            assertThat(got.path("slots").get(1).path("time").asString()).isEqualTo("16:30");
            assertThat(got.path("slots").get(1).path("duration_minutes").asInt()).isEqualTo(90);
            assertThat(got.path("slots").get(1).path("note").asString()).isEqualTo("Алгебра");
        }
        assertThat(as(student, "student").get("/api/v1/schedules?student_id=" + student).json()).hasSize(1);

        // Replacing keeps one template per tutor and student.
        ApiClient.ApiResponse replaced = as(tutor, "tutor").put("/api/v1/schedules/" + student,
                Map.of("time_zone", "Europe/Moscow", "slots", List.of(Map.of("weekday", "friday", "time", "09:00"))));
        assertThat(replaced.json().path("slots")).hasSize(1);
        assertThat(replaced.json().path("slots").get(0).path("duration_minutes").asInt()).isEqualTo(60);
        assertThat(replaced.json().path("effective_time_zone").asString()).isEqualTo("Europe/Moscow");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM weekly_schedules WHERE student_id = ?", Long.class,
                student)).isEqualTo(1);

        // A student without a template has an empty one.
        long newcomer = givenStudent(tutor);
        JsonNode empty = as(tutor, "tutor").get("/api/v1/schedules/" + newcomer).json();
        assertThat(empty.path("slots")).isEmpty();
    }

    @Test
    void materialisingCreatesScheduledLessonsInTheTemplatesZoneAndNeverDuplicates() {
        long tutor = givenTutor();
        long student = givenStudent(tutor, "Europe/Berlin");
        long other = givenStudent(tutor, "Europe/Berlin");
        assertThat(as(tutor, "tutor").put("/api/v1/schedules/" + student, template()).status()).isEqualTo(200);

        // The tutor already teaches someone else at the first Monday slot: that one is skipped as a conflict.
        List<TemplateMaterialisation.Occurrence> expected = TemplateMaterialisation.occurrences(List.of(
                new WeeklySlots.Slot(DayOfWeek.MONDAY, LocalTime.of(18, 0), 60, null),
                new WeeklySlots.Slot(DayOfWeek.THURSDAY, LocalTime.of(16, 30), 90, "Алгебра")),
                BERLIN, Instant.now(), 2);
        assertThat(expected).hasSize(4);
        Instant firstMonday = expected.stream().filter(o -> o.durationMinutes() == 60).findFirst().orElseThrow()
                .start();
        createLesson(tutor, other, "Другой ученик", firstMonday);

        JsonNode first = as(tutor, "tutor").post("/api/v1/schedules/" + student + "/materialise?weeks=2", null)
                .json();
        assertThat(first.path("created").asInt()).as("%s", first).isEqualTo(3);
        assertThat(first.path("skipped_conflicts").asInt()).isEqualTo(1);

        JsonNode lessons = as(tutor, "tutor").get("/api/v1/lessons?student_id=" + student + "&order=asc").json();
        assertThat(lessons.path("total").asLong()).isEqualTo(3);
        for (JsonNode lesson : lessons.path("items")) {
            ZonedDateTime local = instant(lesson.path("start_at")).atZone(BERLIN);
            assertThat(lesson.path("attendance_status").asString()).isEqualTo("scheduled");
            if (local.getDayOfWeek() == DayOfWeek.MONDAY) {
                assertThat(local.toLocalTime()).isEqualTo(LocalTime.of(18, 0));
                assertThat(lesson.path("topic").asString()).isEqualTo(TemplateMaterialisation.DEFAULT_TOPIC);
            } else {
                assertThat(local.getDayOfWeek()).isEqualTo(DayOfWeek.THURSDAY);
                assertThat(local.toLocalTime()).isEqualTo(LocalTime.of(16, 30));
                assertThat(lesson.path("topic").asString()).isEqualTo("Алгебра");
                assertThat(lesson.path("duration_minutes").asInt()).isEqualTo(90);
            }
            assertThat(outboxFor(lesson.path("id").asLong(), "lesson.created")).hasSize(1);
        }

        JsonNode again = as(tutor, "tutor").post("/api/v1/schedules/" + student + "/materialise?weeks=2", null)
                .json();
        assertThat(again.path("created").asInt()).isZero();
        assertThat(again.path("skipped_existing").asInt()).isEqualTo(3);
        assertThat(as(tutor, "tutor").get("/api/v1/lessons?student_id=" + student).json().path("total").asLong())
                .isEqualTo(3);
    }

    @Test
    void theSchedulerMaterialisesEveryTemplateWithAServiceToken() {
        long tutor = givenTutor();
        long student = givenStudent(tutor);
        as(tutor, "tutor").put("/api/v1/schedules/" + student,
                Map.of("slots", List.of(Map.of("weekday", "wednesday", "time", "12:00"))));

        ApiClient scheduler = asService("scheduler-service");
        JsonNode first = scheduler.post("/api/v1/schedules/materialise?weeks=3", null).json();
        assertThat(first.path("templates").asInt()).isGreaterThanOrEqualTo(1);
        long count = as(tutor, "tutor").get("/api/v1/lessons?student_id=" + student).json().path("total").asLong();
        assertThat(count).isBetween(2L, 3L);
        JsonNode second = scheduler.post("/api/v1/schedules/materialise?weeks=3", null).json();
        assertThat(second.path("created").asInt()).isZero();
        assertThat(as(tutor, "tutor").get("/api/v1/lessons?student_id=" + student).json().path("total").asLong())
                .isEqualTo(count);
        // A tutor may not run it for everyone.
        assertThat(as(tutor, "tutor").post("/api/v1/schedules/materialise", null).status()).isEqualTo(403);
    }

    @Test
    void anAdminWritesATemplateForANamedTutor() {
        long tutor = givenTutor();
        long student = givenStudent(tutor);
        assertThat(admin().put("/api/v1/schedules/" + student, template()).status()).isEqualTo(400);
        ApiClient.ApiResponse ok = admin().put("/api/v1/schedules/" + student,
                Map.of("tutor_id", tutor, "slots", List.of(Map.of("weekday", "sunday", "time", "10:00"))));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(as(tutor, "tutor").get("/api/v1/schedules/" + student).json().path("slots")).hasSize(1);
    }
}
