package ru.repitbot.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.repitbot.testsupport.ApiClient;
import tools.jackson.databind.JsonNode;

/** Who may see and change whom, through the real API (docs/domain/users-and-access.md#who-may-see-what). */
class UserPermissionsIntegrationTest extends IntegrationTest {

    @Test
    void adminCreatesTutorTutorCreatesStudentAndParentAndTheParentReadsTheChild() {
        JsonNode tutor = create(admin(), "tutor", "Анна Сергеевна", Map.of("time_zone", "Asia/Novosibirsk"));
        assertThat(tutor.path("access_code").asString()).matches("[A-Z0-9]{8}");
        long tutorId = tutor.path("id").asLong();

        JsonNode student = create(as(tutorId, "tutor"), "student", "Петя Иванов", Map.of("grade", 7));
        long studentId = student.path("id").asLong();
        assertThat(student.path("time_zone").asString()).as("inherits the tutor's zone").isEqualTo("Asia/Novosibirsk");
        assertThat(student.path("grade").asInt()).isEqualTo(7);
        assertThat(student.path("access_code").asString()).matches("[A-Z0-9]{8}");

        JsonNode parent = createParent(tutorId, "Ольга Иванова", studentId);
        long parentId = parent.path("id").asLong();

        ApiClient asParent = as(parentId, "parent");
        ApiClient.ApiResponse children = asParent.get("/api/v1/users/me/children");
        assertThat(children.status()).isEqualTo(200);
        assertThat(ids(children.json())).containsExactly(studentId);
        ApiClient.ApiResponse child = asParent.get("/api/v1/users/" + studentId);
        assertThat(child.status()).isEqualTo(200);
        assertThat(child.json().path("full_name").asString()).isEqualTo("Петя Иванов");
        assertThat(child.json().has("access_code")).as("a code is shown only once").isFalse();
        assertThat(asParent.get("/api/v1/users/me").json().path("role").asString()).isEqualTo("parent");
        assertThat(asParent.get("/api/v1/users/" + tutorId).status()).isEqualTo(404);

        ApiClient asStudent = as(studentId, "student");
        JsonNode tutors = asStudent.get("/api/v1/users/me/tutors").json();
        assertThat(tutors.get(0).path("full_name").asString()).isEqualTo("Анна Сергеевна");
        assertThat(tutors.get(0).has("telegram_id")).isFalse();

        ApiClient asTutor = as(tutorId, "tutor");
        JsonNode page = asTutor.get("/api/v1/users?size=50").json();
        assertThat(ids(page.path("items"))).containsExactlyInAnyOrder(studentId, parentId);
        assertThat(page.path("total").asLong()).isEqualTo(2);
        assertThat(page.path("pages").asInt()).isEqualTo(1);
        assertThat(ids(asTutor.get("/api/v1/users?role=parent").json().path("items"))).containsExactly(parentId);
        assertThat(ids(asTutor.get("/api/v1/users?search=%D0%BF%D0%B5%D1%82%D1%8F").json().path("items")))
                .as("case-insensitive search 'петя'").containsExactly(studentId);
        assertThat(ids(asTutor.get("/api/v1/users/" + tutorId + "/students").json().path("items")))
                .containsExactly(studentId);
        assertThat(ids(asTutor.get("/api/v1/users/" + studentId + "/parents").json())).containsExactly(parentId);
    }

    @Test
    void anotherTutorsStudentDoesNotExistForATutor() {
        long tutorA = createTutor("Тьютор А").path("id").asLong();
        long tutorB = createTutor("Тьютор Б").path("id").asLong();
        long student = createStudent(tutorA, "Ученик А").path("id").asLong();
        long parent = createParent(tutorA, "Родитель А", student).path("id").asLong();

        ApiClient asB = as(tutorB, "tutor");
        assertThat(asB.get("/api/v1/users/" + student).status()).isEqualTo(404);
        assertThat(asB.get("/api/v1/users/" + parent).status()).isEqualTo(404);
        assertThat(asB.patch("/api/v1/users/" + student, Map.of("full_name", "Чужой")).status()).isEqualTo(404);
        assertThat(asB.delete("/api/v1/users/" + student).status()).isEqualTo(404);
        assertThat(asB.post("/api/v1/users/" + student + "/access-code", null).status()).isEqualTo(404);
        assertThat(asB.get("/api/v1/users/" + tutorA + "/students").status()).isEqualTo(404);
        assertThat(asB.put("/api/v1/users/" + student + "/parents/" + parent, null).status()).isEqualTo(404);
        assertThat(create(asB, "student", "Свой", Map.of()).path("id").asLong()).isPositive();
        ApiClient.ApiResponse foreignParent = asB.post("/api/v1/users",
                Map.of("role", "parent", "full_name", "Родитель Б", "student_ids", List.of(student)));
        assertThat(foreignParent.status()).isEqualTo(404);
        assertThat(ids(asB.get("/api/v1/users?size=100").json().path("items"))).doesNotContain(student, parent);
    }

    @Test
    void anotherFamilysChildDoesNotExistForAParent() {
        long tutor = createTutor("Тьютор Семьи").path("id").asLong();
        long child1 = createStudent(tutor, "Ребёнок Один").path("id").asLong();
        long child2 = createStudent(tutor, "Ребёнок Два").path("id").asLong();
        long parent1 = createParent(tutor, "Родитель Один", child1).path("id").asLong();
        createParent(tutor, "Родитель Два", child2);

        ApiClient asParent1 = as(parent1, "parent");
        assertThat(asParent1.get("/api/v1/users/" + child1).status()).isEqualTo(200);
        assertThat(asParent1.get("/api/v1/users/" + child2).status()).isEqualTo(404);
        assertThat(asParent1.get("/api/v1/users/" + child2 + "/tutors").status()).isEqualTo(404);
        assertThat(asParent1.get("/api/v1/users/" + child1 + "/tutors").json().get(0).path("id").asLong())
                .isEqualTo(tutor);
        assertThat(asParent1.patch("/api/v1/users/" + child1, Map.of("grade", 3)).status()).isEqualTo(403);
    }

    @Test
    void aStudentCallingTutorEndpointsIsForbidden() {
        long tutor = createTutor("Тьютор Ученика").path("id").asLong();
        long student = createStudent(tutor, "Ученик Запрет").path("id").asLong();
        ApiClient asStudent = as(student, "student");

        ApiClient.ApiResponse create = asStudent.post("/api/v1/users", Map.of("role", "student", "full_name", "Друг"));
        assertThat(create.status()).isEqualTo(403);
        assertThat(create.isProblem()).isTrue();
        assertThat(asStudent.get("/api/v1/users").status()).isEqualTo(403);
        assertThat(asStudent.get("/api/v1/users/" + tutor + "/students").status()).isEqualTo(403);
        assertThat(asStudent.patch("/api/v1/users/" + student, Map.of("full_name", "Сам Себе")).status())
                .isEqualTo(403);
        assertThat(asStudent.post("/api/v1/users/" + student + "/access-code", null).status()).isEqualTo(403);
        assertThat(asStudent.put("/api/v1/users/" + student + "/tutors/" + tutor, null).status()).isEqualTo(403);
        assertThat(asStudent.get("/api/v1/users/me").json().path("id").asLong()).isEqualTo(student);
        assertThat(asStudent.get("/api/v1/users/" + tutor).status()).isEqualTo(404);
    }

    @Test
    void tutorsDoNotCreateTutorsAndNobodyCreatesAdmins() {
        long tutor = createTutor("Тьютор Без Прав").path("id").asLong();
        assertThat(as(tutor, "tutor").post("/api/v1/users", Map.of("role", "tutor", "full_name", "Ещё Тьютор"))
                .status()).isEqualTo(403);
        assertThat(admin().post("/api/v1/users", Map.of("role", "admin", "full_name", "Второй Админ")).status())
                .isEqualTo(403);
        assertThat(asService("telegram-bot").post("/api/v1/users", Map.of("role", "tutor", "full_name", "Бот"))
                .status()).isEqualTo(403);
    }

    @Test
    void aDeletedUserDisappearsFromEveryRead() {
        long tutor = createTutor("Тьютор Удаления").path("id").asLong();
        long student = createStudent(tutor, "Удаляемый Ученик").path("id").asLong();
        ApiClient asTutor = as(tutor, "tutor");

        assertThat(asTutor.delete("/api/v1/users/" + student).status()).isEqualTo(204);
        assertThat(asTutor.get("/api/v1/users/" + student).status()).isEqualTo(404);
        assertThat(admin().get("/api/v1/users/" + student).status()).isEqualTo(404);
        assertThat(asService("auth-service").get("/api/v1/users/" + student).status()).isEqualTo(404);
        assertThat(as(student, "student").get("/api/v1/users/me").status()).isEqualTo(404);
        assertThat(asTutor.get("/api/v1/users/" + tutor + "/students").json().path("total").asLong()).isZero();
        assertThat(asTutor.delete("/api/v1/users/" + student).status()).isEqualTo(404);
        assertThat(admin().delete("/api/v1/users/" + adminId()).status()).as("admins come from settings")
                .isEqualTo(403);
    }

    @Test
    void aStudentSharedWithAnotherTutorIsOnlyDetachedByOneOfThem() {
        long tutorA = createTutor("Общий Тьютор А").path("id").asLong();
        long tutorB = createTutor("Общий Тьютор Б").path("id").asLong();
        long student = createStudent(tutorA, "Общий Ученик").path("id").asLong();

        assertThat(as(tutorA, "tutor").put("/api/v1/users/" + student + "/tutors/" + tutorB, null).status())
                .as("only an admin assigns tutors").isEqualTo(403);
        assertThat(admin().put("/api/v1/users/" + student + "/tutors/" + tutorB, null).status()).isEqualTo(204);
        assertThat(as(tutorB, "tutor").get("/api/v1/users/" + student).status()).isEqualTo(200);
        assertThat(ids(admin().get("/api/v1/users/" + student + "/tutors").json()))
                .containsExactlyInAnyOrder(tutorA, tutorB);

        assertThat(as(tutorA, "tutor").delete("/api/v1/users/" + student).status()).isEqualTo(204);
        assertThat(as(tutorA, "tutor").get("/api/v1/users/" + student).status()).isEqualTo(404);
        assertThat(as(tutorB, "tutor").get("/api/v1/users/" + student).status()).as("still tutor B's")
                .isEqualTo(200);

        ApiClient.ApiResponse lastTutor = admin().delete("/api/v1/users/" + student + "/tutors/" + tutorB);
        assertThat(lastTutor.status()).as("a student keeps a tutor: %s", lastTutor).isEqualTo(409);
    }

    @Test
    void aTutorLinksAndUnlinksParentsOfTheirStudents() {
        long tutor = createTutor("Тьютор Связей").path("id").asLong();
        long sister = createStudent(tutor, "Сестра").path("id").asLong();
        long brother = createStudent(tutor, "Брат").path("id").asLong();
        long mother = createParent(tutor, "Мама", sister).path("id").asLong();
        ApiClient asTutor = as(tutor, "tutor");

        assertThat(asTutor.put("/api/v1/users/" + brother + "/parents/" + mother, null).status()).isEqualTo(204);
        assertThat(asTutor.put("/api/v1/users/" + brother + "/parents/" + mother, null).status())
                .as("idempotent").isEqualTo(204);
        assertThat(ids(as(mother, "parent").get("/api/v1/users/me/children").json()))
                .containsExactlyInAnyOrder(sister, brother);

        assertThat(asTutor.delete("/api/v1/users/" + sister + "/parents/" + mother).status()).isEqualTo(204);
        assertThat(ids(as(mother, "parent").get("/api/v1/users/me/children").json())).containsExactly(brother);
        assertThat(as(mother, "parent").get("/api/v1/users/" + sister).status()).isEqualTo(404);
        assertThat(asTutor.put("/api/v1/users/" + mother + "/parents/" + brother, null).status())
                .as("roles swapped").isEqualTo(404);
    }

    @Test
    void aTutorUpdatesTheirStudentAndTheChangeIsVisible() {
        long tutor = createTutor("Тьютор Правок").path("id").asLong();
        long student = createStudent(tutor, "Старое Имя").path("id").asLong();
        ApiClient.ApiResponse patched = as(tutor, "tutor").patch("/api/v1/users/" + student,
                Map.of("full_name", "Новое Имя", "time_zone", "Europe/Samara", "grade", 9, "username", "@new_name"));
        assertThat(patched.status()).as("%s", patched).isEqualTo(200);
        JsonNode user = admin().get("/api/v1/users/" + student).json();
        assertThat(user.path("full_name").asString()).isEqualTo("Новое Имя");
        assertThat(user.path("time_zone").asString()).isEqualTo("Europe/Samara");
        assertThat(user.path("grade").asInt()).isEqualTo(9);
        assertThat(user.path("username").asString()).isEqualTo("new_name");
        assertThat(as(tutor, "tutor").patch("/api/v1/users/" + tutor, Map.of("time_zone", "Asia/Omsk")).status())
                .as("a tutor edits themselves").isEqualTo(200);
    }

    @Test
    void servicesReadAnyoneButChangeNothingAndWithoutAZoneTheInstallationDefaultApplies() {
        JsonNode tutor = createTutor("Тьютор По Умолчанию");
        assertThat(tutor.path("time_zone").asString()).isEqualTo("Europe/Kaliningrad");
        long tutorId = tutor.path("id").asLong();
        ApiClient bot = asService("telegram-bot");
        assertThat(bot.get("/api/v1/users/" + tutorId).status()).isEqualTo(200);
        assertThat(bot.get("/api/v1/users?role=tutor&size=100").json().path("total").asLong()).isPositive();
        assertThat(bot.patch("/api/v1/users/" + tutorId, Map.of("full_name", "Бот Правит")).status())
                .isEqualTo(403);
        assertThat(bot.get("/api/v1/users/me").status()).isEqualTo(403);
        assertThat(bot.get("/api/v1/users/by-telegram/123456789012").status()).isEqualTo(404);
    }

    @Test
    void anAdminCreatesAStudentForAnyTutorAndTheirParentWithoutATutor() {
        long tutor = createTutor("Тьютор Админа").path("id").asLong();
        JsonNode student = create(admin(), "student", "Ученик Админа", Map.of("tutor_ids", List.of(tutor)));
        long studentId = student.path("id").asLong();
        assertThat(as(tutor, "tutor").get("/api/v1/users/" + studentId).status()).isEqualTo(200);
        JsonNode parent = create(admin(), "parent", "Родитель Админа", Map.of("student_ids", List.of(studentId)));
        assertThat(ids(admin().get("/api/v1/users/" + parent.path("id").asLong() + "/children").json()))
                .containsExactly(studentId);
        ApiClient.ApiResponse noTutor = admin().post("/api/v1/users", Map.of("role", "student", "full_name", "Ничей"));
        assertThat(noTutor.status()).isEqualTo(400);
        assertThat(noTutor.json().path("errors").get(0).path("field").asString()).isEqualTo("tutor_ids");
    }
}
