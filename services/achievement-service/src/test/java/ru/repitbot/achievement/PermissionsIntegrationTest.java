package ru.repitbot.achievement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.repitbot.models.AttendanceStatus;
import ru.repitbot.testsupport.ApiClient;
import ru.repitbot.testsupport.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * Who may see what (docs/domain/achievements.md#who-may-see-what): a student their own, a parent their children's, a
 * tutor their own students', admins and services all; anything else is 404. The leaderboard: the tutor's own, their
 * students' once the tutor turned it on.
 */
class PermissionsIntegrationTest extends IntegrationTest {

    private static final OffsetDateTime DAY = OffsetDateTime.of(2026, 4, 6, 15, 0, 0, 0, ZoneOffset.UTC);

    private static final String[] READS = {"", "/achievements", "/points-history"};

    private void assertSees(ApiClient caller, long student, int status) {
        for (String read : READS) {
            ApiClient.ApiResponse response = caller.get("/api/v1/achievements/students/" + student + read);
            assertThat(response.status()).as(read).isEqualTo(status);
            if (status == 404) {
                assertThat(response.isProblem()).isTrue();
            }
        }
    }

    @Test
    void aStudentsProgressIsForThemTheirParentsAndTutors() {
        long tutor = users().tutor();
        long otherTutor = users().tutor();
        long student = users().student(tutor);
        long otherStudent = users().student(otherTutor);
        long parent = users().parent(student);
        long otherParent = users().parent(otherStudent);
        assertSees(as(student, "student"), student, 200);
        assertSees(as(parent, "parent"), student, 200);
        assertSees(as(tutor, "tutor"), student, 200);
        assertSees(admin(), student, 200);
        assertSees(ApiClient.local(port).withToken(TestTokens.get().service("analytics-service")), student, 200);
        assertSees(as(otherStudent, "student"), student, 404);
        assertSees(as(otherParent, "parent"), student, 404);
        assertSees(as(otherTutor, "tutor"), student, 404);
        assertSees(as(tutor, "tutor"), newId(), 404);
    }

    @Test
    void theLeaderboardIsTheTutorsAndTheirStudentsOnceTurnedOn() {
        long tutor = users().tutor();
        long otherTutor = users().tutor();
        long first = users().student(tutor);
        long second = users().student(tutor);
        long stranger = users().student(otherTutor);
        long parent = users().parent(first);
        long lesson = newId();
        publishAndWait(created(lesson, tutor, second, DAY),
                attendance(lesson, tutor, second, AttendanceStatus.SCHEDULED, AttendanceStatus.ATTENDED, 2));

        JsonNode board = as(tutor, "tutor").get("/api/v1/achievements/leaderboard").json();
        assertThat(board.path("enabled").asBoolean()).isFalse();
        assertThat(board.path("items").size()).isEqualTo(2);
        assertThat(board.path("items").get(0).path("student_id").asLong()).isEqualTo(second);
        assertThat(board.path("items").get(0).path("points").asInt()).isEqualTo(10);
        assertThat(board.path("items").get(1).path("rank").asInt()).isEqualTo(2);

        assertThat(as(first, "student").get("/api/v1/achievements/leaderboard").status()).isEqualTo(403);
        assertThat(as(first, "student").put("/api/v1/achievements/leaderboard/settings", Map.of("enabled", true))
                .status()).isEqualTo(403);
        ApiClient.ApiResponse on = as(tutor, "tutor").put("/api/v1/achievements/leaderboard/settings",
                Map.of("enabled", true));
        assertThat(on.status()).isEqualTo(200);
        assertThat(on.json().path("enabled").asBoolean()).isTrue();

        JsonNode seen = as(first, "student").get("/api/v1/achievements/leaderboard").json();
        assertThat(seen.path("tutor_id").asLong()).isEqualTo(tutor);
        assertThat(seen.path("items").get(1).path("is_caller").asBoolean()).isTrue();
        assertThat(as(stranger, "student").get("/api/v1/achievements/leaderboard?tutor_id=" + tutor).status())
                .isEqualTo(404);
        assertThat(as(first, "student").get("/api/v1/achievements/leaderboard?tutor_id=" + otherTutor).status())
                .isEqualTo(404);
        assertThat(as(tutor, "tutor").get("/api/v1/achievements/leaderboard?tutor_id=" + otherTutor).status())
                .isEqualTo(404);
        assertThat(as(parent, "parent").get("/api/v1/achievements/leaderboard").status()).isEqualTo(403);
        assertThat(admin().get("/api/v1/achievements/leaderboard?tutor_id=" + tutor).status()).isEqualTo(200);
        ApiClient.ApiResponse noTutor = admin().get("/api/v1/achievements/leaderboard");
        assertThat(noTutor.status()).isEqualTo(400);
        assertThat(noTutor.body()).contains("tutor_id");
    }

    @Test
    void theSwitchRefusesBadBodies() {
        long tutor = users().tutor();
        ApiClient.ApiResponse missing = as(tutor, "tutor").put("/api/v1/achievements/leaderboard/settings", Map.of());
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("enabled");
        ApiClient.ApiResponse unknown = as(tutor, "tutor").put("/api/v1/achievements/leaderboard/settings",
                Map.of("enabled", true, "public", true));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(as(tutor, "tutor").get("/api/v1/achievements/students/1/points-history?size=1000").status())
                .isIn(400, 404);
    }

    @Test
    void onlyAdminsAndServicesRebuild() {
        long tutor = users().tutor();
        assertThat(as(tutor, "tutor").post("/api/v1/achievements/rebuild", Map.of()).status()).isEqualTo(403);
        long student = users().student(tutor);
        assertThat(as(student, "student").post("/api/v1/achievements/rebuild", Map.of()).status()).isEqualTo(403);
    }
}
