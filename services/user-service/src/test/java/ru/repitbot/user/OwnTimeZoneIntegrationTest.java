package ru.repitbot.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.repitbot.events.EventCodec;
import ru.repitbot.events.EventEnvelope;
import ru.repitbot.testsupport.ApiClient;
import tools.jackson.databind.JsonNode;

/**
 * Students and parents set their own time zone in the bot's settings (docs/domain/users-and-access.md#who-may-see-what)
 * and nothing else: names, grades and usernames stay their tutor's to change.
 */
class OwnTimeZoneIntegrationTest extends IntegrationTest {

    private final EventCodec codec = new EventCodec();

    private List<EventEnvelope> updatesOf(long userId) {
        return jdbc.queryForList("""
                SELECT envelope FROM outbox_event WHERE event_type = 'user.updated'
                  AND envelope::jsonb ->> 'aggregate_id' = ? ORDER BY id""", String.class, Long.toString(userId))
                .stream().map(codec::decode).toList();
    }

    private JsonNode user(long id) {
        return admin().get("/api/v1/users/" + id).json();
    }

    @Test
    void aStudentChangesTheirOwnZoneAndUserUpdatedTellsIt() {
        long tutor = createTutor("Тьютор Поясов").path("id").asLong();
        long student = createStudent(tutor, "Ученик Пояса").path("id").asLong();
        String before = user(student).path("time_zone").asString();

        ApiClient.ApiResponse changed = as(student, "student").patch("/api/v1/users/" + student,
                Map.of("time_zone", "Asia/Yekaterinburg"));
        assertThat(changed.status()).as("%s", changed).isEqualTo(200);
        assertThat(changed.json().path("time_zone").asString()).isEqualTo("Asia/Yekaterinburg");
        assertThat(user(student).path("time_zone").asString()).isEqualTo("Asia/Yekaterinburg");

        List<EventEnvelope> updates = updatesOf(student);
        assertThat(updates).hasSize(1);
        JsonNode data = updates.getFirst().data();
        assertThat(data.path("changes").path("time_zone").asString()).isEqualTo("Asia/Yekaterinburg");
        assertThat(data.path("previous").path("time_zone").asString()).isEqualTo(before);

        // The same zone again changes nothing and tells nothing.
        assertThat(as(student, "student").patch("/api/v1/users/" + student,
                Map.of("time_zone", "Asia/Yekaterinburg")).status()).isEqualTo(200);
        assertThat(updatesOf(student)).hasSize(1);
    }

    @Test
    void aStudentChangesNeitherTheirNameNorTheirGradeNorAnyoneElsesZone() {
        long tutor = createTutor("Тьютор Запретов").path("id").asLong();
        long student = createStudent(tutor, "Ученик Как Есть").path("id").asLong();
        long classmate = createStudent(tutor, "Одноклассник").path("id").asLong();
        ApiClient asStudent = as(student, "student");

        ApiClient.ApiResponse name = asStudent.patch("/api/v1/users/" + student, Map.of("full_name", "Сам Себе"));
        assertThat(name.status()).isEqualTo(403);
        assertThat(name.isProblem()).isTrue();
        assertThat(name.json().path("detail").asString()).contains("time_zone");
        assertThat(asStudent.patch("/api/v1/users/" + student, Map.of("grade", 11)).status()).isEqualTo(403);
        assertThat(asStudent.patch("/api/v1/users/" + student, Map.of("username", "")).status()).isEqualTo(403);
        ApiClient.ApiResponse both = asStudent.patch("/api/v1/users/" + student,
                Map.of("time_zone", "Asia/Omsk", "grade", 11));
        assertThat(both.status()).as("the zone does not slip through with a grade").isEqualTo(403);
        JsonNode unchanged = user(student);
        assertThat(unchanged.path("full_name").asString()).isEqualTo("Ученик Как Есть");
        assertThat(unchanged.path("time_zone").asString()).isNotEqualTo("Asia/Omsk");
        assertThat(updatesOf(student)).isEmpty();

        ApiClient.ApiResponse bad = asStudent.patch("/api/v1/users/" + student, Map.of("time_zone", "+03:00"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("errors").get(0).path("field").asString()).isEqualTo("time_zone");

        assertThat(asStudent.patch("/api/v1/users/" + classmate, Map.of("time_zone", "Asia/Omsk")).status())
                .as("someone they cannot see").isEqualTo(404);
        assertThat(asStudent.patch("/api/v1/users/" + tutor, Map.of("time_zone", "Asia/Omsk")).status())
                .isEqualTo(404);
        assertThat(user(classmate).path("time_zone").asString()).isNotEqualTo("Asia/Omsk");
    }

    @Test
    void aParentChangesTheirOwnZoneButNotAnotherParentsNorTheirChilds() {
        long tutor = createTutor("Тьютор Семей").path("id").asLong();
        long child = createStudent(tutor, "Общий Ребёнок").path("id").asLong();
        long mother = createParent(tutor, "Мама Ребёнка", child).path("id").asLong();
        long father = createParent(tutor, "Папа Ребёнка", child).path("id").asLong();
        long stranger = createParent(tutor, "Чужой Родитель", createStudent(tutor, "Чужой Ребёнок").path("id")
                .asLong()).path("id").asLong();
        ApiClient asMother = as(mother, "parent");

        ApiClient.ApiResponse own = asMother.patch("/api/v1/users/" + mother, Map.of("time_zone", "Asia/Tokyo"));
        assertThat(own.status()).as("%s", own).isEqualTo(200);
        assertThat(user(mother).path("time_zone").asString()).isEqualTo("Asia/Tokyo");
        assertThat(updatesOf(mother)).hasSize(1);

        assertThat(asMother.patch("/api/v1/users/" + father, Map.of("time_zone", "Asia/Tokyo")).status())
                .as("the other parent of the same child").isEqualTo(404);
        assertThat(asMother.patch("/api/v1/users/" + stranger, Map.of("time_zone", "Asia/Tokyo")).status())
                .isEqualTo(404);
        assertThat(asMother.patch("/api/v1/users/" + child, Map.of("time_zone", "Asia/Tokyo")).status())
                .as("a child they see is not theirs to change").isEqualTo(403);
        assertThat(asMother.patch("/api/v1/users/" + mother, Map.of("full_name", "Мама")).status())
                .isEqualTo(403);
        assertThat(user(father).path("time_zone").asString()).isNotEqualTo("Asia/Tokyo");
        assertThat(user(stranger).path("time_zone").asString()).isNotEqualTo("Asia/Tokyo");
        assertThat(user(child).path("time_zone").asString()).isNotEqualTo("Asia/Tokyo");
        assertThat(user(mother).path("full_name").asString()).isEqualTo("Мама Ребёнка");
    }
}
