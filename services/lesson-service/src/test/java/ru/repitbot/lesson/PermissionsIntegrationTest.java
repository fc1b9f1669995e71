package ru.repitbot.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.repitbot.testsupport.ApiClient;

/** Tutors act on their own students' lessons; students and parents only read their family's (docs/domain/users-and-access.md#who-may-see-what). */
class PermissionsIntegrationTest extends IntegrationTest {

    @Test
    void anotherFamilysLessonDoesNotExistForAStudentOrAParent() {
        long tutor = givenTutor();
        long anna = givenStudent(tutor);
        long boris = givenStudent(tutor);
        long annasParent = givenParentOf(anna);
        long borisLesson = createLesson(tutor, boris, "Чужой урок", at(40, 0)).path("id").asLong();

        assertThat(as(anna, "student").get("/api/v1/lessons/" + borisLesson).status()).isEqualTo(404);
        assertThat(as(annasParent, "parent").get("/api/v1/lessons/" + borisLesson).status()).isEqualTo(404);
        assertThat(as(anna, "student").get("/api/v1/lessons?student_id=" + boris).status()).isEqualTo(404);
        assertThat(as(annasParent, "parent").get("/api/v1/lessons?student_id=" + boris).status()).isEqualTo(404);
        assertThat(as(annasParent, "parent").get("/api/v1/lessons").json().path("total").asLong()).isZero();
        // A filter naming a tutor the caller may not see is a 404 as for a tutor, not an empty page.
        long stranger = givenTutor();
        assertThat(as(anna, "student").get("/api/v1/lessons?tutor_id=" + stranger).status()).isEqualTo(404);
        assertThat(as(annasParent, "parent").get("/api/v1/lessons?tutor_id=" + stranger).status()).isEqualTo(404);
        assertThat(as(anna, "student").get("/api/v1/lessons?tutor_id=" + tutor).status()).isEqualTo(200);
        assertThat(as(annasParent, "parent").get("/api/v1/lessons?tutor_id=" + tutor).status()).isEqualTo(200);
        assertThat(as(anna, "student").get("/api/v1/schedules/" + boris).status()).isEqualTo(404);
        assertThat(as(annasParent, "parent").post("/api/v1/calendar/feeds", Map.of("student_id", boris)).status())
                .isEqualTo(404);
    }

    @Test
    void aTutorCannotReachAnotherTutorsStudentOrLesson() {
        long tutor = givenTutor();
        long stranger = givenTutor();
        long student = givenStudent(tutor);
        long lesson = createLesson(tutor, student, "Мой урок", at(41, 0)).path("id").asLong();
        ApiClient other = as(stranger, "tutor");

        assertThat(other.get("/api/v1/lessons/" + lesson).status()).isEqualTo(404);
        assertThat(other.patch("/api/v1/lessons/" + lesson, Map.of("topic", "Взлом")).status()).isEqualTo(404);
        assertThat(other.delete("/api/v1/lessons/" + lesson).status()).isEqualTo(404);
        assertThat(other.post("/api/v1/lessons/" + lesson + "/cancel", Map.of()).status()).isEqualTo(404);
        assertThat(other.post("/api/v1/lessons", Map.of("student_id", student, "topic", "Чужой",
                "start_at", at(42, 0).toString())).status()).isEqualTo(404);
        assertThat(other.get("/api/v1/lessons?student_id=" + student).status()).isEqualTo(404);
        assertThat(other.put("/api/v1/schedules/" + student, Map.of("slots", java.util.List.of())).status())
                .isEqualTo(404);
        assertThat(lesson(tutor, lesson).path("topic").asString()).isEqualTo("Мой урок");
    }

    @Test
    void studentsAndParentsMayNotWrite() {
        long tutor = givenTutor();
        long student = givenStudent(tutor);
        long parent = givenParentOf(student);
        long lesson = createLesson(tutor, student, "Урок", at(43, 0)).path("id").asLong();

        for (ApiClient reader : new ApiClient[] {as(student, "student"), as(parent, "parent")}) {
            assertThat(reader.get("/api/v1/lessons/" + lesson).status()).isEqualTo(200);
            assertThat(reader.post("/api/v1/lessons", Map.of("student_id", student, "topic", "Сам себе",
                    "start_at", at(44, 0).toString())).status()).isEqualTo(403);
            assertThat(reader.patch("/api/v1/lessons/" + lesson, Map.of("topic", "x")).status()).isEqualTo(403);
            assertThat(reader.put("/api/v1/lessons/" + lesson + "/attendance", Map.of("status", "attended"))
                    .status()).isEqualTo(403);
            assertThat(reader.post("/api/v1/lessons/" + lesson + "/cancel", Map.of()).status()).isEqualTo(403);
            assertThat(reader.put("/api/v1/lessons/" + lesson + "/mastery", Map.of("level", "mastered")).status())
                    .isEqualTo(403);
            assertThat(reader.delete("/api/v1/lessons/" + lesson).status()).isEqualTo(403);
            assertThat(reader.put("/api/v1/schedules/" + student, Map.of("slots", java.util.List.of())).status())
                    .isEqualTo(403);
            assertThat(reader.post("/api/v1/schedules/materialise", null).status()).isEqualTo(403);
        }
        // A student writing to a lesson that is not even theirs is refused by role first.
        long otherLesson = createLesson(tutor, givenStudent(tutor), "Чужой", at(45, 0)).path("id").asLong();
        assertThat(as(student, "student").patch("/api/v1/lessons/" + otherLesson, Map.of("topic", "x")).status())
                .isEqualTo(403);
        assertThat(lesson(tutor, lesson).path("attendance_status").asString()).isEqualTo("scheduled");
    }

    @Test
    void adminsAndServicesSeeEverything() {
        long tutor = givenTutor();
        long student = givenStudent(tutor);
        long lesson = createLesson(tutor, student, "Урок", at(46, 0)).path("id").asLong();
        assertThat(admin().get("/api/v1/lessons/" + lesson).status()).isEqualTo(200);
        assertThat(asService("scheduler-service").get("/api/v1/lessons/" + lesson).status()).isEqualTo(200);
        assertThat(admin().get("/api/v1/lessons?tutor_id=" + tutor).json().path("total").asLong()).isEqualTo(1);
    }
}
