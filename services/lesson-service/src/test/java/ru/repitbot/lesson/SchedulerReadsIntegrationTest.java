package ru.repitbot.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import ru.repitbot.testsupport.ApiClient;
import tools.jackson.databind.JsonNode;

/**
 * What scheduler-service reads to remind of lessons (docs/domain/notifications.md#reminders): the scheduled lessons
 * of every tutor starting in a window, with {@code start_set_at}, and one lesson with its report fields.
 */
class SchedulerReadsIntegrationTest extends IntegrationTest {

    /** Far ahead and random, so other tests' (and earlier runs') lessons never fall into this test's windows. */
    private static Instant window() {
        return Instant.parse("2070-01-01T00:00:00Z").plus(Duration.ofHours(
                ThreadLocalRandom.current().nextInt(200_000))).truncatedTo(ChronoUnit.HOURS);
    }

    private ApiClient scheduler() {
        return asService("scheduler-service");
    }

    @Test
    void startSetAtIsTheMomentTheLessonGotItsCurrentStart() {
        Instant w = window();
        long tutor = givenTutor();
        long student = givenStudent(tutor);
        Instant beforeCreation = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        JsonNode created = createLesson(tutor, student, "Дроби", w);
        long id = created.path("id").asLong();
        Instant setAtCreation = instant(created.path("start_set_at"));
        assertThat(setAtCreation).isBetween(beforeCreation, Instant.now());

        // Changes that keep the start keep start_set_at: topic, the same start again, mastery, attendance.
        JsonNode same = as(tutor, "tutor").patch("/api/v1/lessons/" + id,
                Map.of("topic", "Проценты", "start_at", w.toString())).json();
        assertThat(instant(same.path("start_set_at"))).isEqualTo(setAtCreation);
        as(tutor, "tutor").put("/api/v1/lessons/" + id + "/mastery", Map.of("level", "learned"));
        assertThat(instant(lesson(tutor, id).path("start_set_at"))).isEqualTo(setAtCreation);

        JsonNode edited = as(tutor, "tutor").patch("/api/v1/lessons/" + id,
                Map.of("start_at", w.plus(Duration.ofHours(1)).toString())).json();
        Instant setByEdit = instant(edited.path("start_set_at"));
        assertThat(setByEdit).isAfterOrEqualTo(setAtCreation);

        ApiClient.ApiResponse rescheduled = as(tutor, "tutor").post("/api/v1/lessons/" + id + "/reschedule",
                Map.of("start_at", w.plus(Duration.ofDays(1)).toString()));
        assertThat(rescheduled.status()).as("%s", rescheduled).isEqualTo(200);
        Instant setByReschedule = instant(rescheduled.json().path("start_set_at"));
        assertThat(setByReschedule).isAfterOrEqualTo(setByEdit).isBefore(Instant.now().plusSeconds(1));
        // The answer shows it in the student's zone, as every time of a lesson.
        assertThat(OffsetDateTime.parse(rescheduled.json().path("start_set_at").asString()).getOffset())
                .isEqualTo(OffsetDateTime.parse(rescheduled.json().path("start_at").asString()).getOffset());

        ApiClient.ApiResponse cancelled = as(tutor, "tutor").post("/api/v1/lessons/" + id + "/cancel",
                Map.of("attendance_status", "excused_absence"));
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(instant(cancelled.json().path("lesson").path("start_set_at"))).isEqualTo(setByReschedule);
    }

    @Test
    void anUndatedMakeUpHasNoStartSetAtUntilItIsGivenADate() {
        Instant w = window();
        long tutor = givenTutor();
        long student = givenStudent(tutor);
        long first = createLesson(tutor, student, "Тема 1", w).path("id").asLong();
        createLesson(tutor, student, "Тема 2", w.plus(Duration.ofDays(7)));
        long makeup = as(tutor, "tutor").post("/api/v1/lessons/" + first + "/cancel", Map.of()).json()
                .path("makeup_lesson_id").asLong();

        JsonNode undated = scheduler().get("/api/v1/lessons/" + makeup).json();
        assertThat(undated.path("start_at").isNull()).isTrue();
        assertThat(undated.path("start_set_at").isNull()).isTrue();

        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        JsonNode dated = as(tutor, "tutor").post("/api/v1/lessons/" + makeup + "/reschedule",
                Map.of("start_at", w.plus(Duration.ofDays(14)).toString())).json();
        assertThat(instant(dated.path("start_set_at"))).isBetween(before, Instant.now());
    }

    @Test
    void theSchedulerListsEveryTutorsScheduledLessonsStartingInAWindow() {
        Instant w = window();
        long anna = givenTutor();
        long a1 = givenStudent(anna);
        long a2 = givenStudent(anna);
        long boris = givenTutor();
        long b1 = givenStudent(boris);

        long inWindow = createLesson(anna, a1, "В окне", w.plus(Duration.ofHours(1))).path("id").asLong();
        long cancelled = createLesson(anna, a2, "Отменён", w.plus(Duration.ofHours(2))).path("id").asLong();
        long movedOut = createLesson(anna, a1, "Перенесён из окна", w.plus(Duration.ofHours(3))).path("id")
                .asLong();
        long movedIn = createLesson(anna, a1, "Перенесён в окно", w.plus(Duration.ofHours(50))).path("id")
                .asLong();
        long attended = createLesson(boris, b1, "Проведён", w.plus(Duration.ofHours(5))).path("id").asLong();
        long atTheEnd = createLesson(boris, b1, "На границе", w.plus(Duration.ofHours(6))).path("id").asLong();
        createLesson(boris, b1, "Раньше окна", w.minus(Duration.ofHours(1)));
        createLesson(anna, a2, "Позже окна", w.plus(Duration.ofHours(6)).plusSeconds(60));

        assertThat(as(anna, "tutor").post("/api/v1/lessons/" + cancelled + "/cancel", Map.of()).status())
                .isEqualTo(200);
        assertThat(as(anna, "tutor").post("/api/v1/lessons/" + movedOut + "/reschedule",
                Map.of("start_at", w.plus(Duration.ofHours(30)).toString())).status()).isEqualTo(200);
        assertThat(as(anna, "tutor").post("/api/v1/lessons/" + movedIn + "/reschedule",
                Map.of("start_at", w.plus(Duration.ofHours(4)).toString())).status()).isEqualTo(200);
        assertThat(as(boris, "tutor").put("/api/v1/lessons/" + attended + "/attendance",
                Map.of("status", "attended")).status()).isEqualTo(200);

        // from with an offset (+ written %2B), to in UTC; both inclusive.
        String from = w.atOffset(ZoneOffset.ofHours(3)).toString().replace("+", "%2B");
        String to = w.plus(Duration.ofHours(6)).toString();
        String window = "/api/v1/lessons?from=" + from + "&to=" + to + "&order=asc&page=1&size=100";

        JsonNode scheduled = scheduler().get(window + "&status=scheduled").json();
        assertThat(ids(scheduled)).containsExactly(inWindow, movedIn, atTheEnd);
        assertThat(scheduled.path("total").asLong()).isEqualTo(3);
        JsonNode first = scheduled.path("items").get(0);
        assertThat(first.path("student_id").asLong()).isEqualTo(a1);
        assertThat(first.path("tutor_id").asLong()).isEqualTo(anna);
        assertThat(instant(first.path("start_at"))).isEqualTo(w.plus(Duration.ofHours(1)));
        assertThat(first.path("duration_minutes").asInt()).isEqualTo(60);
        assertThat(first.path("topic").asString()).isEqualTo("В окне");
        assertThat(first.path("status").asString()).isEqualTo("scheduled");
        assertThat(instant(first.path("start_set_at"))).isNotNull();
        JsonNode moved = scheduled.path("items").get(1);
        assertThat(instant(moved.path("start_set_at"))).as("the reschedule set it")
                .isAfterOrEqualTo(instant(first.path("start_set_at")));

        assertThat(ids(scheduler().get(window + "&status=scheduled,attended").json()))
                .containsExactly(inWindow, movedIn, attended, atTheEnd);
        assertThat(ids(scheduler().get(window + "&status=scheduled&status=attended").json()))
                .containsExactly(inWindow, movedIn, attended, atTheEnd);
        assertThat(ids(scheduler().get(window).json()))
                .as("without status the cancelled lesson is there, at its own date")
                .containsExactly(inWindow, cancelled, movedIn, attended, atTheEnd);
        assertThat(ids(as(anna, "tutor").get(window + "&status=scheduled").json()))
                .as("a tutor sees only their own").containsExactly(inWindow, movedIn);

        ApiClient.ApiResponse unknown = scheduler().get(window + "&status=planned");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("status");
        for (String odd : new String[] {"&status=", "&status=scheduled,", "&status=,,", "&status=SCHEDULED"}) {
            ApiClient.ApiResponse answer = scheduler().get(window + odd);
            assertThat(answer.status()).as("%s: %s", odd, answer).isIn(200, 400);
        }
        ApiClient.ApiResponse tooBig = scheduler().get(window.replace("size=100", "size=101"));
        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(tooBig.body()).contains("size");
    }

    @Test
    void oneLessonGivesAServiceWhatTheAfterLessonReportTells() {
        Instant w = window();
        long tutor = givenTutor();
        long student = givenStudent(tutor);
        long id = createLesson(tutor, student, "Логарифмы", w).path("id").asLong();
        as(tutor, "tutor").put("/api/v1/lessons/" + id + "/attendance", Map.of("status", "attended"));
        as(tutor, "tutor").put("/api/v1/lessons/" + id + "/mastery",
                Map.of("level", "mastered", "comment", "Всё понял"));

        ApiClient.ApiResponse read = scheduler().get("/api/v1/lessons/" + id);
        assertThat(read.status()).isEqualTo(200);
        JsonNode lesson = read.json();
        assertThat(lesson.path("topic").asString()).isEqualTo("Логарифмы");
        assertThat(lesson.path("attendance_status").asString()).isEqualTo("attended");
        assertThat(lesson.path("status").asString()).isEqualTo("attended");
        assertThat(lesson.path("mastery_level").asString()).isEqualTo("mastered");
        assertThat(lesson.path("mastery_comment").asString()).isEqualTo("Всё понял");
        assertThat(lesson.path("student_id").asLong()).isEqualTo(student);
        assertThat(lesson.path("tutor_id").asLong()).isEqualTo(tutor);
    }

    @Autowired
    PlatformTransactionManager transactions;

    /**
     * The migration's backfill of existing lessons, run again (and rolled back) over three lessons whose column is
     * emptied: the last move of the start the outbox remembers, else the creation.
     */
    @Test
    void theMigrationFillsExistingLessonsFromTheirLastMoveElseTheirCreation() {
        Instant w = window();
        long tutor = givenTutor();
        long student = givenStudent(tutor);
        long untouched = createLesson(tutor, student, "Как было", w).path("id").asLong();
        long rescheduled = createLesson(tutor, student, "Перенесён", w.plus(Duration.ofHours(2))).path("id")
                .asLong();
        long edited = createLesson(tutor, student, "Исправлен", w.plus(Duration.ofHours(4))).path("id").asLong();
        as(tutor, "tutor").post("/api/v1/lessons/" + rescheduled + "/reschedule",
                Map.of("start_at", w.plus(Duration.ofDays(2)).toString()));
        as(tutor, "tutor").patch("/api/v1/lessons/" + edited, Map.of("start_at",
                w.plus(Duration.ofDays(3)).toString()));
        as(tutor, "tutor").patch("/api/v1/lessons/" + edited, Map.of("topic", "Исправлен ещё раз"));

        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(status -> {
            status.setRollbackOnly();
            jdbc.update("UPDATE lessons SET start_set_at = NULL WHERE id IN (?, ?, ?)", untouched, rescheduled,
                    edited);
            jdbc.update(backfillStatement());
            assertThat(setAt(untouched)).isEqualTo(jdbc.queryForObject(
                    "SELECT created_at FROM lessons WHERE id = ?", Timestamp.class, untouched).toInstant());
            assertThat(setAt(rescheduled)).isEqualTo(lastOutboxTime(rescheduled, "lesson.rescheduled"));
            assertThat(setAt(edited)).as("the date edit, not the later topic edit")
                    .isEqualTo(firstOutboxTime(edited, "lesson.updated"));
        });
    }

    private Instant setAt(long lessonId) {
        return jdbc.queryForObject("SELECT start_set_at FROM lessons WHERE id = ?", Timestamp.class, lessonId)
                .toInstant();
    }

    private Instant lastOutboxTime(long lessonId, String type) {
        return outboxTimes(lessonId, type).getLast();
    }

    private Instant firstOutboxTime(long lessonId, String type) {
        return outboxTimes(lessonId, type).getFirst();
    }

    private List<Instant> outboxTimes(long lessonId, String type) {
        return jdbc.queryForList("""
                SELECT created_at FROM outbox_event WHERE event_type = ?
                  AND envelope::jsonb ->> 'aggregate_id' = ? ORDER BY id""", Timestamp.class, type,
                Long.toString(lessonId)).stream().map(Timestamp::toInstant).toList();
    }

    private static String backfillStatement() {
        try {
            String sql = new ClassPathResource("db/migration/V3__lesson_start_set_at.sql")
                    .getContentAsString(StandardCharsets.UTF_8);
            String code = String.join("\n", sql.lines().filter(l -> !l.strip().startsWith("--")).toList());
            return Arrays.stream(code.split(";")).map(String::strip).filter(s -> s.startsWith("WITH moves"))
                    .findFirst().orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Long> ids(JsonNode page) {
        return page.path("items").valueStream().map(n -> n.path("id").asLong()).toList();
    }
}
