package ru.repitbot.homework;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.repitbot.testsupport.ApiClient;

/** Who may do what (docs/domain/users-and-access.md#who-may-see-what): a wrong role is 403, someone else's homework or lesson is 404. */
class PermissionsIntegrationTest extends IntegrationTest {

    @Test
    void onlyTutorsAndAdminsAssign() {
        long tutor = givenTutor();
        long student = givenStudent(tutor);
        long parent = givenParentOf(student);
        long lesson = givenLesson(tutor, student, "Тема");
        Map<String, Object> body = Map.of("lesson_id", lesson, "description", "Задание", "deadline", inDays(2));

        assertProblem(as(student, "student").post("/api/v1/homework", body), 403);
        assertProblem(as(parent, "parent").post("/api/v1/homework", body), 403);
        assertThat(admin().post("/api/v1/homework", body).status()).isEqualTo(201);
    }

    @Test
    void anUnknownOrSomeoneElsesLessonIsNotFound() {
        long tutor = givenTutor();
        long student = givenStudent(tutor);
        long otherTutor = givenTutor();
        long othersLesson = givenLesson(otherTutor, givenStudent(otherTutor), "Чужой урок");

        assertProblem(assign(tutor, 987_654_321L, "Задание", Map.of()), 404);
        assertProblem(assign(tutor, othersLesson, "Задание", Map.of()), 404);

        // A lesson of the tutor's, with a student the tutor is no longer linked to, is not theirs to use either.
        long formerStudent = givenStudent(otherTutor);
        long lessonOfFormer = givenLesson(tutor, formerStudent, "Бывший ученик");
        assertProblem(assign(tutor, lessonOfFormer, "Задание", Map.of()), 404);
        assertThat(assign(tutor, givenLesson(tutor, student, "Свой"), "Задание", Map.of()).status()).isEqualTo(201);
    }

    @Test
    void onlyTheStudentSubmitsAndOnlyTheirOwn() {
        long tutor = givenTutor();
        long student = givenStudent(tutor);
        long classmate = givenStudent(tutor);
        long parent = givenParentOf(student);
        long id = assigned(tutor, givenLesson(tutor, student, "Тема"), "Задание").path("id").asLong();
        Map<String, Object> answer = Map.of("text", "ответ");
        String path = "/api/v1/homework/" + id + "/submission";

        assertProblem(as(classmate, "student").post(path, answer), 404);
        assertProblem(multipart(token(classmate, "student"), path,
                List.of(Part.file("files", "a.pdf", "application/pdf", PDF))), 404);
        assertProblem(as(tutor, "tutor").post(path, answer), 403);
        assertProblem(as(parent, "parent").post(path, answer), 403);
        assertProblem(admin().post(path, answer), 403);
        assertProblem(as(student, "student").post("/api/v1/homework/987654321/submission", answer), 404);

        assertThat(as(student, "student").post(path, answer).status()).isEqualTo(200);
        assertProblem(as(student, "student").post(path, answer), 409);
    }

    @Test
    void onlyTheTutorChecksAndOnlyWhatWasHandedIn() {
        long tutor = givenTutor();
        long student = givenStudent(tutor);
        long otherTutor = givenTutor();
        long id = assigned(tutor, givenLesson(tutor, student, "Тема"), "Задание").path("id").asLong();
        String accept = "/api/v1/homework/" + id + "/accept";
        String giveBack = "/api/v1/homework/" + id + "/return";

        assertProblem(as(tutor, "tutor").post(accept, null), 409);
        assertProblem(as(tutor, "tutor").post(giveBack, Map.of("comment", "рано")), 409);
        as(student, "student").post("/api/v1/homework/" + id + "/submission", Map.of("text", "ответ"));

        assertProblem(as(student, "student").post(accept, null), 403);
        assertProblem(as(student, "student").post(giveBack, null), 403);
        assertProblem(as(otherTutor, "tutor").post(accept, null), 404);
        assertProblem(as(student, "student").patch("/api/v1/homework/" + id, Map.of("description", "x")), 403);
        assertProblem(as(otherTutor, "tutor").delete("/api/v1/homework/" + id), 404);

        assertThat(as(tutor, "tutor").post(accept, null).status()).isEqualTo(200);
        assertProblem(as(tutor, "tutor").post(accept, null), 409);
        assertProblem(as(tutor, "tutor").post(giveBack, null), 409);
        assertProblem(as(student, "student").post("/api/v1/homework/" + id + "/submission", Map.of("text", "ещё")),
                409);
    }

    @Test
    void readingIsForTheTutorTheStudentTheirParentsAndAdmins() {
        long tutor = givenTutor();
        long student = givenStudent(tutor);
        long parent = givenParentOf(student);
        long otherFamily = givenParentOf(givenStudent(tutor));
        long classmate = givenStudent(tutor);
        long otherTutor = givenTutor();
        long id = assigned(tutor, givenLesson(tutor, student, "Тема"), "Задание").path("id").asLong();
        String path = "/api/v1/homework/" + id;

        for (ApiClient allowed : List.of(as(tutor, "tutor"), as(student, "student"), as(parent, "parent"), admin())) {
            assertThat(allowed.get(path).status()).isEqualTo(200);
        }
        assertProblem(as(otherFamily, "parent").get(path), 404);
        assertProblem(as(classmate, "student").get(path), 404);
        assertProblem(as(otherTutor, "tutor").get(path), 404);

        assertThat(ids(as(otherFamily, "parent").get("/api/v1/homework").json())).doesNotContain(id);
        assertProblem(as(otherFamily, "parent").get("/api/v1/homework?student_id=" + student), 404);
        assertThat(ids(as(classmate, "student").get("/api/v1/homework").json())).doesNotContain(id);
        assertProblem(as(otherTutor, "tutor").get("/api/v1/homework?student_id=" + student), 404);
        assertThat(ids(as(parent, "parent").get("/api/v1/homework").json())).contains(id);
        assertThat(ids(as(tutor, "tutor").get("/api/v1/homework?student_id=" + student).json())).containsExactly(id);
    }

    @Test
    void aListFilterNamingWhatTheCallerMayNotSeeIsNotFound() {
        long tutor = givenTutor();
        long student = givenStudent(tutor);
        long parent = givenParentOf(student);
        long lesson = givenLesson(tutor, student, "Тема");
        long id = assigned(tutor, lesson, "Задание").path("id").asLong();
        long otherTutor = givenTutor();
        long otherStudent = givenStudent(otherTutor);
        long othersLesson = givenLesson(otherTutor, otherStudent, "Чужой урок");
        assigned(otherTutor, othersLesson, "Чужое задание");
        String list = "/api/v1/homework";
        ApiClient asTutor = as(tutor, "tutor");
        ApiClient asStudent = as(student, "student");
        ApiClient asParent = as(parent, "parent");

        assertProblem(asTutor.get(list + "?tutor_id=" + otherTutor), 404);
        assertProblem(asTutor.get(list + "?student_id=" + otherStudent), 404);
        assertProblem(asTutor.get(list + "?lesson_id=" + othersLesson), 404);
        assertProblem(asStudent.get(list + "?student_id=" + otherStudent), 404);
        assertProblem(asStudent.get(list + "?tutor_id=" + otherTutor), 404);
        assertProblem(asStudent.get(list + "?lesson_id=" + othersLesson), 404);
        assertProblem(asParent.get(list + "?student_id=" + otherStudent), 404);
        assertProblem(asParent.get(list + "?tutor_id=" + otherTutor), 404);
        assertProblem(asParent.get(list + "?student_id=" + student + "&tutor_id=" + otherTutor), 404);
        assertProblem(asParent.get(list + "?lesson_id=" + othersLesson), 404);
        assertProblem(asTutor.get(list + "?lesson_id=987654321"), 404);

        for (ApiClient caller : List.of(asTutor, asStudent, asParent)) {
            for (String filter : List.of("?tutor_id=" + tutor, "?student_id=" + student, "?lesson_id=" + lesson)) {
                ApiClient.ApiResponse own = caller.get(list + filter);
                assertThat(own.status()).as("%s: %s", filter, own).isEqualTo(200);
                assertThat(ids(own.json())).as(filter).containsExactly(id);
            }
        }
        assertThat(admin().get(list + "?tutor_id=" + otherTutor).json().path("total").asLong())
                .as("an admin may name anyone").isEqualTo(1);
    }

    @Test
    void onlyTheTutorUploadsTaskFiles() {
        long tutor = givenTutor();
        long student = givenStudent(tutor);
        long otherTutor = givenTutor();
        long id = assigned(tutor, givenLesson(tutor, student, "Тема"), "Задание").path("id").asLong();
        String path = "/api/v1/homework/" + id + "/attachments";
        List<Part> file = List.of(Part.file("file", "a.pdf", "application/pdf", PDF));

        assertProblem(multipart(token(student, "student"), path, file), 403);
        assertProblem(multipart(token(otherTutor, "tutor"), path, file), 404);
        assertThat(multipart(token(tutor, "tutor"), path, file).status()).isEqualTo(201);
    }

    private static void assertProblem(ApiClient.ApiResponse response, int status) {
        assertThat(response.status()).as("%s", response).isEqualTo(status);
        assertThat(response.isProblem()).as("problem+json: %s", response.contentType()).isTrue();
    }
}
