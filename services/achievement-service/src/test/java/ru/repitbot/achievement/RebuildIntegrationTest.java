package ru.repitbot.achievement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.repitbot.models.AttendanceStatus;
import ru.repitbot.models.TopicMastery;
import ru.repitbot.testsupport.ApiClient;
import ru.repitbot.testsupport.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * The rebuild from lesson-service's and homework-service's current state (docs/domain/achievements.md#rebuild): it
 * gives the state the live events gave, announces nothing twice, and announces what is newly reached.
 */
class RebuildIntegrationTest extends IntegrationTest {

    private static final OffsetDateTime MONDAY = OffsetDateTime.of(2026, 5, 4, 12, 0, 0, 0, ZoneOffset.ofHours(2));

    private JsonNode rebuild() {
        return rebuild("");
    }

    private JsonNode rebuild(String query) {
        ApiClient.ApiResponse response = ApiClient.local(port)
                .withToken(TestTokens.get().service("scheduler-service"))
                .post("/api/v1/achievements/rebuild" + query, Map.of());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    @Test
    void aRebuildGivesTheStateTheLiveEventsGaveAndAnnouncesNothingAgain() {
        long tutor = users().tutor();
        long student = users().studentIn("Europe/Berlin", tutor);
        long base = newId() * 10;
        long l1 = base + 1;
        long l2 = base + 2;
        long l3 = base + 3;
        long gone = base + 4;
        long homework = base + 5;
        publishAndWait(created(l1, tutor, student, MONDAY), created(l2, tutor, student, MONDAY.plusDays(1)),
                created(l3, tutor, student, MONDAY.plusDays(2)), created(gone, tutor, student, MONDAY.plusDays(9)),
                conducted(l1, tutor, student, MONDAY, 2), conducted(l2, tutor, student, MONDAY.plusDays(1), 2),
                conducted(l3, tutor, student, MONDAY.plusDays(2), 2),
                mastery(l2, tutor, student, TopicMastery.NOT_LEARNED, TopicMastery.MASTERED, 3),
                mastery(l2, tutor, student, TopicMastery.MASTERED, TopicMastery.LEARNED, 4),
                conducted(gone, tutor, student, MONDAY.plusDays(9), 2), deleted(gone, tutor, student, 3),
                accepted(homework, l1, tutor, student, 3));
        JsonNode live = progress(student);
        List<String> liveAchievements = achievementTypes(student);
        int liveAnnounced = earned(student).size();
        assertThat(live.path("points").asInt()).isEqualTo(30 + 25 + 15);
        assertThat(liveAchievements).containsExactly("first_homework", "first_lesson", "points_50", "streak_3");

        // The owners as they are now: the deleted lesson is not listed, l2's topic is "learned" today.
        OWNERS.lesson(l1, tutor, student, MONDAY.toString(), 60, "attended", "not_learned", 2);
        OWNERS.lesson(l2, tutor, student, MONDAY.plusDays(1).toString(), 60, "attended", "learned", 4);
        OWNERS.lesson(l3, tutor, student, MONDAY.plusDays(2).toString(), 60, "attended", "not_learned", 2);
        OWNERS.acceptedHomework(homework, l1, student, tutor, 3);
        rebuild();

        JsonNode rebuilt = progress(student);
        assertThat(rebuilt).isEqualTo(live);
        assertThat(achievementTypes(student)).isEqualTo(liveAchievements);
        assertThat(earned(student)).as("nothing announced again").hasSize(liveAnnounced);
        assertThat(historySum(student)).isEqualTo(70);
        assertThat(OWNERS.authorizations).allMatch(a -> a.startsWith("Bearer "));
    }

    @Test
    void aRebuildFromNothingAwardsWhatIsReachedAndAnnouncesOnlyWhatIsNew() {
        long tutor = users().tutor();
        long student = users().studentIn("Europe/Berlin", tutor);
        long base = newId() * 10;
        publishAndWait(created(base, tutor, student, MONDAY),
                attendance(base, tutor, student, AttendanceStatus.SCHEDULED, AttendanceStatus.ATTENDED, 2));
        assertThat(earned(student)).extracting(e -> e.data().path("achievement_type").asString())
                .containsExactly("first_lesson");
        // As after a migration: the awards are there, the projection is not.
        jdbc.update("DELETE FROM lesson_progress WHERE student_id = ?", student);
        jdbc.update("DELETE FROM point_change WHERE student_id = ?", student);

        // Across the night of the spring-forward change in Berlin (29 March 2026): three days in a row.
        OWNERS.lesson(base, tutor, student, "2026-03-28T23:30:00+01:00", 60, "attended", "mastered", 2);
        OWNERS.lesson(base + 1, tutor, student, "2026-03-29T23:30:00+02:00", 45, "attended", "not_learned", 2);
        OWNERS.lesson(base + 2, tutor, student, "2026-03-30T00:30:00+02:00", 45, "attended", "not_learned", 2);
        OWNERS.lesson(base + 3, tutor, student, "2026-04-01T10:00:00+02:00", 45, "scheduled", "not_learned", 1);
        OWNERS.acceptedHomework(base + 5, base + 1, student, tutor, 3);
        JsonNode result = rebuild();
        assertThat(result.path("lessons_read").asInt()).isEqualTo(4);
        assertThat(result.path("homework_read").asInt()).isEqualTo(1);

        JsonNode progress = progress(student);
        assertThat(progress.path("points").asInt()).isEqualTo(30 + 25 + 15);
        assertThat(progress.path("study_minutes").asLong()).isEqualTo(150);
        assertThat(progress.path("best_streak").asInt()).isEqualTo(3);
        assertThat(historySum(student)).isEqualTo(70);
        assertThat(earned(student)).extracting(e -> e.data().path("achievement_type").asString())
                .containsExactlyInAnyOrder("first_lesson", "first_homework", "points_50", "streak_3");

        rebuild();
        assertThat(earned(student)).as("a second rebuild announces nothing").hasSize(4);
        assertThat(progress(student)).isEqualTo(progress);
    }

    @Test
    void aRebuildOfOneStudentTouchesOnlyThatStudent() {
        long tutor = users().tutor();
        long kept = users().student(tutor);
        long rebuilt = users().student(tutor);
        long keptLesson = newId();
        long goneLesson = newId();
        publishAndWait(created(keptLesson, tutor, kept, MONDAY), conducted(keptLesson, tutor, kept, MONDAY, 2),
                created(goneLesson, tutor, rebuilt, MONDAY), conducted(goneLesson, tutor, rebuilt, MONDAY, 2));
        // lesson-service lists neither lesson any more; only the named student's is looked for.
        JsonNode result = admin().post("/api/v1/achievements/rebuild?student_id=" + rebuilt, Map.of()).json();
        assertThat(result.path("students").asInt()).isEqualTo(1);
        assertThat(progress(rebuilt).path("points").asInt()).isZero();
        assertThat(progress(kept).path("points").asInt()).isEqualTo(10);
        assertThat(achievementTypes(rebuilt)).as("never taken back").containsExactly("first_lesson");
    }
}
