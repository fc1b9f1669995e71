package ru.repitbot.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.repitbot.events.EventEnvelope;
import ru.repitbot.events.catalogue.FieldChange;
import ru.repitbot.events.catalogue.LessonEvents;
import ru.repitbot.models.AttendanceStatus;

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
    void cancellationsAndMakeUpLessonsFollowTheRule() {
        long tutor = givenTutor();
        long student = givenStudent(tutor);
        long cancelled = newId();
        long makeup = newId();
        pay(tutor, student, 4);
        publishAndWait(lessonCreated(cancelled, tutor, student, MONDAY),
                lessonCreated(makeup, tutor, student, MONDAY.plusDays(7)));

        // Cancelled without excuse: charged; the lesson takes the next slot in the topic shift.
        publishAndWait(lessonEnvelope(new LessonEvents.Cancelled(cancelled, student, tutor, MONDAY,
                AttendanceStatus.UNEXCUSED_ABSENCE, AttendanceStatus.SCHEDULED, "болел",
                List.of(new LessonEvents.Shift(cancelled, MONDAY, MONDAY.plusDays(7)),
                        new LessonEvents.Shift(makeup, MONDAY.plusDays(7), null)), makeup, null), 2));
        assertThat(balance(tutor, student)).isEqualTo(3);

        // The lesson that fell off the end became an undated make-up lesson: attended or not, it is not charged.
        publishAndWait(lessonEnvelope(new LessonEvents.Updated(makeup, student, tutor, Map.of(
                "date", FieldChange.of(MONDAY.plusDays(7), null), "is_makeup", FieldChange.of(false, true))), 2),
                attendance(makeup, tutor, student, AttendanceStatus.SCHEDULED, AttendanceStatus.ATTENDED, 3));
        assertThat(balance(tutor, student)).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT start_at IS NULL AND is_makeup FROM lesson_charges WHERE lesson_id = ?",
                Boolean.class, makeup)).isTrue();

        publishAndWait(lessonEnvelope(new LessonEvents.Cancelled(cancelled, student, tutor, MONDAY.plusDays(7),
                AttendanceStatus.EXCUSED_ABSENCE, AttendanceStatus.UNEXCUSED_ABSENCE, null, List.of(), null, null),
                3));
        assertThat(balance(tutor, student)).isEqualTo(4);
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
