package ru.repitbot.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.repitbot.events.EventEnvelope;
import ru.repitbot.events.catalogue.LessonChanges;
import ru.repitbot.events.catalogue.LessonEvents;
import ru.repitbot.models.AttendanceStatus;
import ru.repitbot.models.LessonStatus;
import ru.repitbot.models.TopicMastery;

/** The balance follows real lesson events from the broker; duplicates and stale events change nothing. */
class LessonProjectionIntegrationTest extends IntegrationTest {

    @Test
    void markingAttendedLowersTheBalanceAndExcusedRestoresIt() {
        long tutor = givenTutor();
        long student = givenStudent(tutor);
        long lesson = newId();
        pay(tutor, student, 5);

        publishAndWait(lessonCreated(lesson, tutor, student, MONDAY));
        assertThat(balance(tutor, student)).as("a new lesson is scheduled, not charged").isEqualTo(5);

        publishAndWait(attendance(lesson, tutor, student, AttendanceStatus.SCHEDULED, AttendanceStatus.ATTENDED, 2),
                conducted(lesson, tutor, student, MONDAY, AttendanceStatus.SCHEDULED, 2));
        assertThat(balance(tutor, student)).as("attended, told twice (updated + conducted)").isEqualTo(4);

        publishAndWait(attendance(lesson, tutor, student, AttendanceStatus.ATTENDED,
                AttendanceStatus.EXCUSED_ABSENCE, 3));
        assertThat(balance(tutor, student)).as("excused gives it back").isEqualTo(5);

        publishAndWait(attendance(lesson, tutor, student, AttendanceStatus.EXCUSED_ABSENCE,
                AttendanceStatus.UNEXCUSED_ABSENCE, 4));
        assertThat(balance(tutor, student)).as("unexcused costs like attended").isEqualTo(4);
    }

    @Test
    void aDuplicateDeliveryChangesNothing() {
        long tutor = givenTutor();
        long student = givenStudent(tutor);
        long lesson = newId();
        pay(tutor, student, 3);
        EventEnvelope attended = attendance(lesson, tutor, student, AttendanceStatus.SCHEDULED,
                AttendanceStatus.ATTENDED, 2);
        publishAndWait(lessonCreated(lesson, tutor, student, MONDAY), attended);
        assertThat(balance(tutor, student)).isEqualTo(2);

        // The very same envelope delivered again, and the same change re-emitted under a new event id.
        EventEnvelope reEmitted = attendance(lesson, tutor, student, AttendanceStatus.SCHEDULED,
                AttendanceStatus.ATTENDED, 2);
        EventEnvelope marker = lessonCreated(newId(), tutor, student, MONDAY.plusDays(7));
        publish(attended, attended, reEmitted, marker);
        awaitProcessed(reEmitted.eventId());
        awaitProcessed(marker.eventId());
        assertThat(balance(tutor, student)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM inbox_event WHERE event_id = ?", Long.class,
                attended.eventId())).isEqualTo(1);
    }

    @Test
    void aStaleEventChangesNothing() {
        long tutor = givenTutor();
        long student = givenStudent(tutor);
        long lesson = newId();
        pay(tutor, student, 3);
        publishAndWait(lessonCreated(lesson, tutor, student, MONDAY),
                attendance(lesson, tutor, student, AttendanceStatus.SCHEDULED, AttendanceStatus.ATTENDED, 2),
                attendance(lesson, tutor, student, AttendanceStatus.ATTENDED, AttendanceStatus.EXCUSED_ABSENCE, 4));
        assertThat(balance(tutor, student)).isEqualTo(3);

        // Version 3 arrives after version 4: it is older than what payment-service holds.
        publishAndWait(attendance(lesson, tutor, student, AttendanceStatus.EXCUSED_ABSENCE,
                AttendanceStatus.ATTENDED, 3));
        assertThat(balance(tutor, student)).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT version FROM lesson_charges WHERE lesson_id = ?", Long.class, lesson))
                .isEqualTo(4);
        // And a creation arriving late (version 1) does not reset it either.
        publishAndWait(lessonCreated(lesson, tutor, student, MONDAY));
        assertThat(jdbc.queryForObject("SELECT attendance_status FROM lesson_charges WHERE lesson_id = ?",
                String.class, lesson)).isEqualTo("excused_absence");
    }

    @Test
    void aDeletedLessonIsNoLongerCharged() {
        long tutor = givenTutor();
        long student = givenStudent(tutor);
        long lesson = newId();
        pay(tutor, student, 2);
        publishAndWait(lessonCreated(lesson, tutor, student, MONDAY),
                attendance(lesson, tutor, student, AttendanceStatus.SCHEDULED, AttendanceStatus.ATTENDED, 2));
        assertThat(balance(tutor, student)).isEqualTo(1);

        publishAndWait(deleted(lesson, tutor, student, 3));
        assertThat(balance(tutor, student)).isEqualTo(2);
        // A late event of the deleted lesson does not bring the charge back.
        publishAndWait(attendance(lesson, tutor, student, AttendanceStatus.ATTENDED, AttendanceStatus.ATTENDED, 3));
        assertThat(balance(tutor, student)).isEqualTo(2);
    }

    @Test
    void anUnexcusedCancellationIsChargedAndTouchesNoOtherLesson() {
        long tutor = givenTutor();
        long student = givenStudent(tutor);
        long history = newId();
        long cancelled = newId();
        long next = newId();
        long makeup = newId();
        pay(tutor, student, 5);
        publishAndWait(lessonCreated(history, tutor, student, MONDAY.minusDays(7)),
                attendance(history, tutor, student, AttendanceStatus.SCHEDULED, AttendanceStatus.ATTENDED, 2),
                lessonCreated(cancelled, tutor, student, MONDAY),
                lessonCreated(next, tutor, student, MONDAY.plusDays(7)));
        assertThat(balance(tutor, student)).isEqualTo(4);

        // Cancelled without excuse: the topic moves to the next lesson and the next one's to a new undated make-up
        // lesson (its lesson.created comes first); the cancelled lesson stays on Monday and is charged.
        publishAndWait(lessonEnvelope(new LessonEvents.Created(makeup, student, tutor, "Тема " + next, null, 60, null,
                AttendanceStatus.SCHEDULED, LessonStatus.NOT_CONDUCTED, TopicMastery.NOT_LEARNED, true), 1),
                lessonEnvelope(new LessonEvents.Cancelled(cancelled, student, tutor, MONDAY,
                        AttendanceStatus.UNEXCUSED_ABSENCE, AttendanceStatus.SCHEDULED, "не пришёл", List.of(
                                new LessonEvents.TopicMove(cancelled, next, "Тема " + cancelled),
                                new LessonEvents.TopicMove(next, makeup, "Тема " + next)), makeup), 2),
                lessonEnvelope(new LessonEvents.Updated(next, student, tutor,
                        LessonChanges.NONE.withTopic("Тема " + next, "Тема " + cancelled)), 2));
        assertThat(balance(tutor, student)).as("the unexcused absence costs one lesson").isEqualTo(3);
        assertThat(charge(cancelled)).isEqualTo(Map.of("attendance_status", "unexcused_absence", "charged", true,
                "start_at", MONDAY.toInstant(), "is_makeup", false));
        assertThat(charge(history)).as("an attended lesson's charge is untouched")
                .isEqualTo(Map.of("attendance_status", "attended", "charged", true,
                        "start_at", MONDAY.minusDays(7).toInstant(), "is_makeup", false));
        assertThat(charge(next)).isEqualTo(Map.of("attendance_status", "scheduled", "charged", false,
                "start_at", MONDAY.plusDays(7).toInstant(), "is_makeup", false));
        assertThat(charge(makeup).get("charged")).isEqualTo(false);
        List<String> statement = tutor(tutor).get("/api/v1/balances/" + student + "/statement").json()
                .path("entries").valueStream().map(e -> e.path("kind").asString() + ":"
                        + (e.path("lesson_id").isMissingNode() ? "" : e.path("lesson_id").asLong()) + ":"
                        + OffsetDateTime.parse(e.path("at").asString()).toInstant()).toList();
        assertThat(statement).as("the statement shows the cancelled date itself").contains(
                "lesson:" + cancelled + ":" + MONDAY.toInstant());

        // An undated make-up lesson is never charged, whatever is recorded for it.
        publishAndWait(attendance(makeup, tutor, student, AttendanceStatus.SCHEDULED, AttendanceStatus.ATTENDED, 2));
        assertThat(balance(tutor, student)).isEqualTo(3);

        // The cancellation changed to excused (no topic moves this time): the lesson is given back.
        publishAndWait(lessonEnvelope(new LessonEvents.Cancelled(cancelled, student, tutor, MONDAY,
                AttendanceStatus.EXCUSED_ABSENCE, AttendanceStatus.UNEXCUSED_ABSENCE, null, List.of(), null), 3));
        assertThat(balance(tutor, student)).isEqualTo(4);
        assertThat(charge(cancelled).get("start_at")).isEqualTo(MONDAY.toInstant());
        assertThat(charge(history).get("charged")).isEqualTo(true);
    }

    private Map<String, Object> charge(long lessonId) {
        Map<String, Object> row = new java.util.HashMap<>(jdbc.queryForMap("SELECT attendance_status, charged, "
                + "start_at, is_makeup FROM lesson_charges WHERE lesson_id = ?", lessonId));
        Object start = row.get("start_at");
        row.put("start_at", start instanceof java.sql.Timestamp t ? t.toInstant()
                : start instanceof OffsetDateTime o ? o.toInstant() : start);
        return row;
    }

    @Test
    void aStudentWithTwoTutorsHasTwoBalances() {
        long first = givenTutor();
        long second = givenTutor();
        long student = givenStudent(first, second);
        long lesson = newId();
        pay(first, student, 5);
        pay(second, student, 2);
        publishAndWait(lessonCreated(lesson, second, student, MONDAY),
                attendance(lesson, second, student, AttendanceStatus.SCHEDULED, AttendanceStatus.ATTENDED, 2));
        assertThat(balance(first, student)).isEqualTo(5);
        assertThat(balance(second, student)).isEqualTo(1);

        var lines = as(student, "student").get("/api/v1/balances/" + student).json().path("balances");
        assertThat(lines.valueStream().map(l -> l.path("tutor_id").asLong() + "=" + l.path("balance_lessons").asInt()))
                .containsExactlyInAnyOrder(first + "=5", second + "=1");
    }
}
