package ru.repitbot.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import ru.repitbot.events.EventEnvelope;
import ru.repitbot.testsupport.ApiClient;
import tools.jackson.databind.JsonNode;

/** What a tutor does with lessons, through the HTTP API, and the events that leave the outbox. */
class LessonsIntegrationTest extends IntegrationTest {

    @Test
    void aTutorCreatesAScheduledLessonShownInTheStudentsZone() {
        long tutor = givenTutor();
        long student = givenStudent(tutor, "Europe/Moscow");
        ApiClient.ApiResponse created = as(tutor, "tutor").post("/api/v1/lessons", Map.of("student_id", student,
                "topic", "  Квадратные уравнения ", "start_at", "2031-02-03T18:00", "skills_developed", "счёт"));

        assertThat(created.status()).as("%s", created).isEqualTo(201);
        JsonNode lesson = created.json();
        assertThat(created.header("Location")).isEqualTo("/api/v1/lessons/" + lesson.path("id").asLong());
        assertThat(lesson.path("topic").asString()).isEqualTo("Квадратные уравнения");
        // A local time is read in the student's zone (Moscow, +03:00) and shown there.
        assertThat(lesson.path("start_at").asString()).isEqualTo("2031-02-03T18:00:00+03:00");
        assertThat(lesson.path("end_at").asString()).isEqualTo("2031-02-03T19:00:00+03:00");
        assertThat(lesson.path("time_zone").asString()).isEqualTo("Europe/Moscow");
        assertThat(lesson.path("duration_minutes").asInt()).isEqualTo(60);
        assertThat(lesson.path("attendance_status").asString()).isEqualTo("scheduled");
        assertThat(lesson.path("lesson_status").asString()).isEqualTo("not_conducted");
        assertThat(lesson.path("mastery_level").asString()).isEqualTo("not_learned");
        assertThat(lesson.path("charged").asBoolean()).isFalse();
        assertThat(lesson.path("is_makeup").asBoolean()).isFalse();
        assertThat(lesson.path("is_rescheduled").asBoolean()).isFalse();
        assertThat(lesson.path("tutor_id").asLong()).isEqualTo(tutor);

        EventEnvelope event = outboxFor(lesson.path("id").asLong(), "lesson.created").getFirst();
        assertThat(event.aggregateVersion()).isEqualTo(1);
        assertThat(event.data().path("date").asString()).isEqualTo("2031-02-03T18:00:00+03:00");
        assertThat(event.data().path("attendance_status").asString()).isEqualTo("scheduled");
        assertThat(event.data().path("tutor_id").asLong()).isEqualTo(tutor);
        assertThat(event.data().path("is_makeup").asBoolean()).isFalse();

        ApiClient.ApiResponse asStudent = as(student, "student").get("/api/v1/lessons/" + lesson.path("id").asLong());
        assertThat(asStudent.status()).isEqualTo(200);
    }

    @Test
    void anAdminMustNameATutorOfTheStudent() {
        long tutor = givenTutor();
        long otherTutor = givenTutor();
        long student = givenStudent(tutor);
        Map<String, Object> body = Map.of("student_id", student, "topic", "Тема", "start_at", at(0, 0).toString());
        assertThat(admin().post("/api/v1/lessons", body).status()).isEqualTo(400);
        ApiClient.ApiResponse foreign = admin().post("/api/v1/lessons", Map.of("student_id", student, "topic", "Тема",
                "start_at", at(0, 0).toString(), "tutor_id", otherTutor));
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.body()).contains("tutor_id");
        ApiClient.ApiResponse ok = admin().post("/api/v1/lessons", Map.of("student_id", student, "topic", "Тема",
                "start_at", at(0, 0).toString(), "tutor_id", tutor));
        assertThat(ok.status()).isEqualTo(201);
        assertThat(ok.json().path("tutor_id").asLong()).isEqualTo(tutor);
    }

    @Test
    void anOverlappingLessonIsRefusedNamingTheOtherOne() {
        long tutor = givenTutor();
        long anna = givenStudent(tutor);
        long boris = givenStudent(tutor);
        long first = createLesson(tutor, anna, "Алгебра", at(0, 0), 90).path("id").asLong();

        ApiClient.ApiResponse clash = as(tutor, "tutor").post("/api/v1/lessons", Map.of("student_id", boris,
                "topic", "Геометрия", "start_at", at(0, 1).toString()));
        assertThat(clash.status()).isEqualTo(409);
        assertThat(clash.isProblem()).isTrue();
        assertThat(clash.json().path("conflicting_lesson_id").asLong()).isEqualTo(first);

        // Touching the end is fine; so is another tutor at the same time.
        createLesson(tutor, boris, "Геометрия", at(0, 0).plus(Duration.ofMinutes(90)));
        long otherTutor = givenTutor();
        createLesson(otherTutor, givenStudent(otherTutor), "Физика", at(0, 0));

        // Moving a lesson onto another is refused the same way.
        long later = createLesson(tutor, anna, "Алгебра 2", at(1, 0)).path("id").asLong();
        ApiClient.ApiResponse move = as(tutor, "tutor").patch("/api/v1/lessons/" + later,
                Map.of("start_at", at(0, 0).plus(Duration.ofMinutes(30)).toString()));
        assertThat(move.status()).isEqualTo(409);
        assertThat(move.json().path("conflicting_lesson_id").asLong()).isEqualTo(first);
        ApiClient.ApiResponse longer = as(tutor, "tutor").patch("/api/v1/lessons/" + first,
                Map.of("duration_minutes", 120));
        assertThat(longer.status()).as("90 -> 120 minutes runs into the next lesson").isEqualTo(409);
    }

    @Test
    void ofTwoConcurrentBookingsOfTheSameSlotExactlyOneWins() throws Exception {
        long tutor = givenTutor();
        long anna = givenStudent(tutor);
        long boris = givenStudent(tutor);
        int attempts = 4;
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            long student = i % 2 == 0 ? anna : boris;
            calls.add(() -> {
                start.await();
                return as(tutor, "tutor").post("/api/v1/lessons", Map.of("student_id", student, "topic", "Гонка",
                        "start_at", at(2, 0).toString())).status();
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (Callable<Integer> call : calls) {
                results.add(pool.submit(call));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            assertThat(statuses).containsOnly(201, 409);
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM lessons WHERE tutor_id = ?", Long.class, tutor))
                .isEqualTo(1);
    }

    @Test
    void attendanceChangesEmitUpdatedAndConducted() {
        long tutor = givenTutor();
        long student = givenStudent(tutor);
        JsonNode created = createLesson(tutor, student, "Тригонометрия", at(3, 0), 45);
        long id = created.path("id").asLong();

        ApiClient.ApiResponse attended = as(tutor, "tutor").put("/api/v1/lessons/" + id + "/attendance",
                Map.of("status", "attended"));
        assertThat(attended.status()).isEqualTo(200);
        assertThat(attended.json().path("attendance_status").asString()).isEqualTo("attended");
        assertThat(attended.json().path("charged").asBoolean()).isTrue();

        EventEnvelope updated = outboxFor(id, "lesson.updated").getFirst();
        JsonNode change = updated.data().path("changes").path("attendance_status");
        assertThat(change.path("old").asString()).isEqualTo("scheduled");
        assertThat(change.path("new").asString()).isEqualTo("attended");
        assertThat(updated.data().path("student_id").asLong()).isEqualTo(student);
        assertThat(updated.aggregateVersion()).isEqualTo(2);

        EventEnvelope conducted = outboxFor(id, "lesson.conducted").getFirst();
        assertThat(conducted.data().path("previous_attendance_status").asString()).isEqualTo("scheduled");
        assertThat(conducted.data().path("duration_minutes").asInt()).isEqualTo(45);
        assertThat(conducted.data().path("topic").asString()).isEqualTo("Тригонометрия");
        assertThat(instant(conducted.data().path("date"))).isEqualTo(at(3, 0));
        assertThat(conducted.data().path("tutor_id").asLong()).isEqualTo(tutor);

        // The same status again changes nothing and emits nothing.
        int before = outboxFor(id).size();
        ApiClient.ApiResponse again = as(tutor, "tutor").put("/api/v1/lessons/" + id + "/attendance",
                Map.of("status", "attended"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("version").asLong()).isEqualTo(attended.json().path("version").asLong());
        assertThat(outboxFor(id)).hasSize(before);
    }

    @Test
    void rescheduleMovesToAFutureFreeTimeAndRemembersTheOriginal() {
        long tutor = givenTutor();
        long student = givenStudent(tutor);
        long id = createLesson(tutor, student, "Степени", at(9, 0)).path("id").asLong();
        long blocker = createLesson(tutor, student, "Корни", at(10, 0)).path("id").asLong();

        ApiClient.ApiResponse past = as(tutor, "tutor").post("/api/v1/lessons/" + id + "/reschedule",
                Map.of("start_at", "2020-01-01T10:00:00Z"));
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.body()).contains("start_at");
        ApiClient.ApiResponse clash = as(tutor, "tutor").post("/api/v1/lessons/" + id + "/reschedule",
                Map.of("start_at", at(10, 0).plus(Duration.ofMinutes(30)).toString()));
        assertThat(clash.status()).isEqualTo(409);
        assertThat(clash.json().path("conflicting_lesson_id").asLong()).isEqualTo(blocker);

        JsonNode first = as(tutor, "tutor").post("/api/v1/lessons/" + id + "/reschedule",
                Map.of("start_at", at(9, 3).toString(), "reason", "Просьба родителей")).json();
        JsonNode second = as(tutor, "tutor").post("/api/v1/lessons/" + id + "/reschedule",
                Map.of("start_at", at(9, 5).toString())).json();
        assertThat(instant(second.path("start_at"))).isEqualTo(at(9, 5));
        assertThat(second.path("is_rescheduled").asBoolean()).isTrue();
        assertThat(instant(second.path("original_start_at"))).as("the first time is kept").isEqualTo(at(9, 0));
        assertThat(first.path("reschedule_reason").asString()).isEqualTo("Просьба родителей");
        assertThat(second.path("attendance_status").asString()).isEqualTo("scheduled");

        List<EventEnvelope> events = outboxFor(id, "lesson.rescheduled");
        assertThat(events).hasSize(2);
        assertThat(instant(events.getFirst().data().path("original_date"))).isEqualTo(at(9, 0));
        assertThat(instant(events.getFirst().data().path("new_date"))).isEqualTo(at(9, 3));
        assertThat(events.getFirst().data().path("reason").asString()).isEqualTo("Просьба родителей");
        assertThat(events.get(1).aggregateVersion()).isGreaterThan(events.get(0).aggregateVersion());
    }

    @Test
    void masteryReplacesTheCommentAndEmitsTheChanges() {
        long tutor = givenTutor();
        long student = givenStudent(tutor);
        long id = createLesson(tutor, student, "Функции", at(12, 0)).path("id").asLong();

        JsonNode first = as(tutor, "tutor").put("/api/v1/lessons/" + id + "/mastery",
                Map.of("level", "mastered", "comment", "Отлично")).json();
        assertThat(first.path("mastery_level").asString()).isEqualTo("mastered");
        assertThat(first.path("mastery_comment").asString()).isEqualTo("Отлично");
        JsonNode changes = outboxFor(id, "lesson.updated").getFirst().data().path("changes");
        assertThat(changes.path("mastery_level").path("old").asString()).isEqualTo("not_learned");
        assertThat(changes.path("mastery_level").path("new").asString()).isEqualTo("mastered");
        assertThat(changes.path("mastery_comment").path("new").asString()).isEqualTo("Отлично");

        java.util.HashMap<String, Object> clear = new java.util.HashMap<>();
        clear.put("level", "learned");
        clear.put("comment", null);
        JsonNode second = as(tutor, "tutor").put("/api/v1/lessons/" + id + "/mastery", clear).json();
        assertThat(second.path("mastery_level").asString()).isEqualTo("learned");
        assertThat(second.path("mastery_comment").isNull()).isTrue();
        assertThat(outboxFor(id, "lesson.updated")).hasSize(2);
    }

    @Test
    void patchChangesFieldsAndDeleteRemovesWithAnEvent() {
        long tutor = givenTutor();
        long student = givenStudent(tutor);
        long id = createLesson(tutor, student, "Старое", at(13, 0)).path("id").asLong();

        JsonNode patched = as(tutor, "tutor").patch("/api/v1/lessons/" + id, Map.of("topic", "Новое",
                "lesson_status", "conducted", "duration_minutes", 30, "skills_developed", "логика")).json();
        assertThat(patched.path("topic").asString()).isEqualTo("Новое");
        assertThat(patched.path("lesson_status").asString()).isEqualTo("conducted");
        assertThat(patched.path("duration_minutes").asInt()).isEqualTo(30);
        JsonNode changes = outboxFor(id, "lesson.updated").getFirst().data().path("changes");
        assertThat(changes.path("topic").path("old").asString()).isEqualTo("Старое");
        assertThat(changes.path("lesson_status").path("new").asString()).isEqualTo("conducted");
        assertThat(changes.path("duration_minutes").path("new").asInt()).isEqualTo(30);

        ApiClient.ApiResponse deleted = as(tutor, "tutor").delete("/api/v1/lessons/" + id);
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(as(tutor, "tutor").get("/api/v1/lessons/" + id).status()).isEqualTo(404);
        EventEnvelope event = outboxFor(id, "lesson.deleted").getFirst();
        assertThat(event.data().path("student_id").asLong()).isEqualTo(student);
    }

    @Test
    void listsAreFilteredPagedAndOrdered() {
        long tutor = givenTutor();
        long anna = givenStudent(tutor);
        long boris = givenStudent(tutor);
        for (int day = 0; day < 5; day++) {
            createLesson(tutor, anna, "Анна " + day, at(20 + day, 0));
        }
        createLesson(tutor, boris, "Борис", at(20, 2));

        JsonNode page = as(tutor, "tutor").get("/api/v1/lessons?student_id=" + anna + "&size=2&page=2&order=asc")
                .json();
        assertThat(page.path("total").asLong()).isEqualTo(5);
        assertThat(page.path("pages").asInt()).isEqualTo(3);
        assertThat(page.path("items").get(0).path("topic").asString()).isEqualTo("Анна 2");
        JsonNode desc = as(tutor, "tutor").get("/api/v1/lessons?student_id=" + anna).json();
        assertThat(desc.path("items").get(0).path("topic").asString()).isEqualTo("Анна 4");

        OffsetDateTime from = at(21, 0).atOffset(java.time.ZoneOffset.UTC);
        String range = "/api/v1/lessons?from=" + from + "&to=" + from.plusDays(2).minusMinutes(1) + "&order=asc";
        JsonNode ranged = as(tutor, "tutor").get(range.replace("+", "%2B")).json();
        assertThat(ranged.path("items").valueStream().map(n -> n.path("topic").asString()).toList())
                .containsExactly("Анна 1", "Анна 2");

        JsonNode all = as(tutor, "tutor").get("/api/v1/lessons").json();
        assertThat(all.path("total").asLong()).isEqualTo(6);
        JsonNode mine = as(anna, "student").get("/api/v1/lessons").json();
        assertThat(mine.path("total").asLong()).isEqualTo(5);
        long parent = givenParentOf(anna, boris);
        assertThat(as(parent, "parent").get("/api/v1/lessons").json().path("total").asLong()).isEqualTo(6);
        assertThat(as(parent, "parent").get("/api/v1/lessons?student_id=" + boris).json().path("total").asLong())
                .isEqualTo(1);
    }
}
