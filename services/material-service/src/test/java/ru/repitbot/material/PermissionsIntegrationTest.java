package ru.repitbot.material;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.repitbot.testsupport.ApiClient;

/** Who sees and who changes a material (docs/domain/materials.md#who-sees-what), through HTTP. */
class PermissionsIntegrationTest extends IntegrationTest {

    @Test
    void aTutorChangesOnlyTheirOwnAndAnotherTutorsIsNotFound() {
        long tutor = users().tutor();
        long otherTutor = users().tutor();
        long id = create(as(tutor, "tutor"), "Дроби: конспект");

        ApiClient.ApiResponse created = as(tutor, "tutor").get("/api/v1/materials/" + id);
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.json().path("tutor_id").asLong()).isEqualTo(tutor);

        ApiClient other = as(otherTutor, "tutor");
        assertThat(other.get("/api/v1/materials/" + id).status()).isEqualTo(404);
        assertThat(other.put("/api/v1/materials/" + id, Map.of("title", "Чужое")).status()).isEqualTo(404);
        assertThat(other.delete("/api/v1/materials/" + id).status()).isEqualTo(404);
        assertThat(other.get("/api/v1/materials").json().path("items").findValuesAsString("id"))
                .doesNotContain(Long.toString(id));

        ApiClient.ApiResponse edited = as(tutor, "tutor").put("/api/v1/materials/" + id,
                Map.of("title", "Дроби: новый конспект", "grade", 5));
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.json().path("grade").asInt()).isEqualTo(5);
        assertThat(edited.json().path("version").asLong()).isEqualTo(2);

        assertThat(as(tutor, "tutor").delete("/api/v1/materials/" + id).status()).isEqualTo(204);
        assertThat(as(tutor, "tutor").get("/api/v1/materials/" + id).status()).isEqualTo(404);
    }

    @Test
    void creationIsA201WithLocationAndStudentsAndParentsMayNotCreate() {
        long tutor = users().tutor();
        long student = users().student(tutor);
        long parent = users().parent(student);
        ApiClient.ApiResponse r = as(tutor, "tutor").post("/api/v1/materials", Map.of("title", "Таблица"));
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.header("Location")).isEqualTo("/api/v1/materials/" + r.json().path("id").asLong());
        assertThat(r.json().path("grade").isNull()).isTrue();
        assertThat(r.json().has("description")).isTrue();
        assertThat(as(student, "student").post("/api/v1/materials", Map.of("title", "x")).status()).isEqualTo(403);
        assertThat(as(parent, "parent").post("/api/v1/materials", Map.of("title", "x")).status()).isEqualTo(403);
    }

    @Test
    void badInputIsA400NamingTheField() {
        long tutor = users().tutor();
        ApiClient t = as(tutor, "tutor");
        assertField(t.post("/api/v1/materials", Map.of("title", " ")), "title");
        assertField(t.post("/api/v1/materials", Map.of("title", "x", "grade", 12)), "grade");
        assertField(t.post("/api/v1/materials", Map.of("title", "x", "grade", 0)), "grade");
        assertField(t.post("/api/v1/materials", Map.of("title", "x", "links", List.of("javascript:alert(1)"))),
                "links");
        assertField(t.post("/api/v1/materials", Map.of("title", "x", "colour", "red")), "colour");
        assertField(t.get("/api/v1/materials?grade=12"), "grade");
        assertField(t.get("/api/v1/materials?q=" + "дробь+".repeat(40)), "q");
    }

    @Test
    void anAdminPublishesToEveryTutorAndOnlyAdminsChangeIt() {
        long tutor = users().tutor();
        long student = users().student(tutor);
        long parent = users().parent(student);
        long stranger = users().student(users().tutor());
        long id = create(admin(), "Общая памятка для всех");

        assertThat(admin().get("/api/v1/materials/" + id).json().path("tutor_id").isNull()).isTrue();
        for (ApiClient c : List.of(as(tutor, "tutor"), as(student, "student"), as(parent, "parent"),
                as(stranger, "student"))) {
            assertThat(c.get("/api/v1/materials/" + id).status()).isEqualTo(200);
        }
        assertThat(as(tutor, "tutor").put("/api/v1/materials/" + id, Map.of("title", "Моё")).status())
                .isEqualTo(403);
        assertThat(as(tutor, "tutor").delete("/api/v1/materials/" + id).status()).isEqualTo(403);
        assertThat(admin().put("/api/v1/materials/" + id, Map.of("title", "Общая памятка")).status())
                .isEqualTo(200);
    }

    @Test
    void studentsAndParentsSeeTheirTutorsMaterialsButNotOthersAndChangeNothing() {
        long tutor = users().tutor();
        long otherTutor = users().tutor();
        long student = users().student(tutor);
        long parent = users().parent(student);
        long otherStudent = users().student(otherTutor);
        long otherParent = users().parent(otherStudent);
        long id = create(as(tutor, "tutor"), "Конспект урока");

        assertThat(as(student, "student").get("/api/v1/materials/" + id).status()).isEqualTo(200);
        assertThat(as(parent, "parent").get("/api/v1/materials/" + id).status()).isEqualTo(200);
        assertThat(as(otherStudent, "student").get("/api/v1/materials/" + id).status()).isEqualTo(404);
        assertThat(as(otherParent, "parent").get("/api/v1/materials/" + id).status()).isEqualTo(404);
        assertThat(as(student, "student").put("/api/v1/materials/" + id, Map.of("title", "x")).status())
                .isEqualTo(403);
        assertThat(as(parent, "parent").delete("/api/v1/materials/" + id).status()).isEqualTo(403);
        assertThat(as(student, "student").get("/api/v1/materials").json().path("items")
                .findValuesAsString("id")).contains(Long.toString(id));
        assertThat(as(otherParent, "parent").get("/api/v1/materials").json().path("items")
                .findValuesAsString("id")).doesNotContain(Long.toString(id));
    }

    @Test
    void attachedToALessonTheStudentOfThatLessonSeesItEvenFromAnotherTutor() {
        long tutor = users().tutor();
        long student = users().student(tutor);
        long parent = users().parent(student);
        long lesson = newId();
        OWNERS.lesson(lesson, tutor, student);
        long id = create(as(tutor, "tutor"), "Карточки к уроку");

        // the family unlinks from the tutor: only the attachment lets them see it now
        jdbc.update("DELETE FROM access_link WHERE kind = 'tutor' AND user_id = ? AND student_id = ?", tutor,
                student);
        assertThat(as(student, "student").get("/api/v1/materials/" + id).status()).isEqualTo(404);

        ApiClient.ApiResponse attached = as(tutor, "tutor").post("/api/v1/materials/" + id + "/attachments",
                Map.of("lesson_id", lesson));
        assertThat(attached.status()).isEqualTo(201);
        assertThat(attached.json().path("student_id").asLong()).isEqualTo(student);
        assertThat(as(tutor, "tutor").post("/api/v1/materials/" + id + "/attachments",
                Map.of("lesson_id", lesson)).status()).as("again: the first attachment").isEqualTo(200);

        assertThat(as(student, "student").get("/api/v1/materials/" + id).status()).isEqualTo(200);
        assertThat(as(parent, "parent").get("/api/v1/materials/" + id).status()).isEqualTo(200);
        assertThat(as(parent, "parent").get("/api/v1/materials?lesson_id=" + lesson).json().path("items")
                .findValuesAsString("id")).containsExactly(Long.toString(id));
        assertThat(as(student, "student").get("/api/v1/materials/" + id + "/attachments").json().size())
                .isEqualTo(1);
        assertThat(OWNERS.authorizations).anyMatch(a -> a.startsWith("Bearer "));
    }

    @Test
    void onlyTheLessonsOrHomeworksTutorAttachesAndOthersLessonsAreNotFound() {
        long tutor = users().tutor();
        long otherTutor = users().tutor();
        long student = users().student(tutor);
        long otherStudent = users().student(otherTutor);
        long othersLesson = newId();
        OWNERS.lesson(othersLesson, otherTutor, otherStudent);
        long homework = newId();
        OWNERS.homework(homework, newId(), tutor, student);
        long id = create(as(tutor, "tutor"), "Упражнения");

        ApiClient t = as(tutor, "tutor");
        assertThat(t.post("/api/v1/materials/" + id + "/attachments", Map.of("lesson_id", othersLesson)).status())
                .isEqualTo(404);
        assertThat(t.post("/api/v1/materials/" + id + "/attachments", Map.of("lesson_id", newId())).status())
                .isEqualTo(404);
        assertField(t.post("/api/v1/materials/" + id + "/attachments", Map.of()), "lesson_id");
        assertThat(t.post("/api/v1/materials/" + id + "/attachments", Map.of("homework_id", homework)).status())
                .isEqualTo(201);
        assertThat(as(student, "student").post("/api/v1/materials/" + id + "/attachments",
                Map.of("homework_id", homework)).status()).isEqualTo(403);
        assertThat(as(otherStudent, "student").get("/api/v1/materials?homework_id=" + homework).status())
                .as("a filter naming another family's homework").isEqualTo(404);
        assertThat(as(student, "student").get("/api/v1/materials?homework_id=" + homework).json().path("total")
                .asLong()).isEqualTo(1);

        // a tutor may attach a published material to their own lesson
        long published = create(admin(), "Общая таблица");
        long lesson = newId();
        OWNERS.lesson(lesson, tutor, student);
        assertThat(t.post("/api/v1/materials/" + published + "/attachments", Map.of("lesson_id", lesson)).status())
                .isEqualTo(201);

        long attachment = t.get("/api/v1/materials/" + id + "/attachments").json().get(0).path("id").asLong();
        assertThat(as(otherTutor, "tutor").delete("/api/v1/materials/" + id + "/attachments/" + attachment)
                .status()).isEqualTo(404);
        assertThat(t.delete("/api/v1/materials/" + id + "/attachments/" + attachment).status()).isEqualTo(204);
    }

    @Test
    void anOwnerThatDoesNotAnswerIsA503NotA500() {
        long tutor = users().tutor();
        long id = create(as(tutor, "tutor"), "Что-то");
        OWNERS.down = true;
        try {
            ApiClient.ApiResponse r = as(tutor, "tutor").post("/api/v1/materials/" + id + "/attachments",
                    Map.of("lesson_id", newId()));
            assertThat(r.status()).isEqualTo(503);
            assertThat(r.isProblem()).isTrue();
        } finally {
            OWNERS.down = false;
        }
    }

    private static void assertField(ApiClient.ApiResponse r, String field) {
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.isProblem()).isTrue();
        assertThat(r.json().path("errors").findValuesAsString("field")).as(r.toString()).contains(field);
    }
}
