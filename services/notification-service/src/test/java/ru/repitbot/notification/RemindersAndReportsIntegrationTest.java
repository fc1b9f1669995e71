package ru.repitbot.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.repitbot.events.EventEnvelope;
import ru.repitbot.events.catalogue.HomeworkEvents;
import ru.repitbot.events.catalogue.LessonChanges;
import ru.repitbot.events.catalogue.LessonEvents;
import ru.repitbot.events.catalogue.SchedulerEvents;
import ru.repitbot.models.AttendanceStatus;
import ru.repitbot.notification.app.LessonReports;

/** The scheduler's reminders, homework notices and the parents' after-lesson report. */
class RemindersAndReportsIntegrationTest extends IntegrationTest {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    @Autowired
    LessonReports reports;

    private long tutor;
    private long student;
    private long parent;

    @BeforeEach
    void family() {
        tutor = users().tutor();
        student = reachable(users().student(tutor));
        parent = reachable(users().parent(student));
        livesIn(parent, "Asia/Vladivostok");
    }

    private EventEnvelope reminder(String kind, String target, long id, OffsetDateTime at, Duration lead) {
        return envelope("scheduler-service", new SchedulerEvents.ReminderDue(kind, target, id, student, tutor, at,
                at.minus(lead), false, "reminder:" + kind + ":" + target + ":" + id + ":" + at.toEpochSecond(),
                "Дроби", "lesson".equals(target) ? null : "Упражнения 1–5", id, 60), null);
    }

    @Test
    void aLessonReminderGoesToTheStudentAndParentOnTheirClocksOnceAndExpiresAtTheStart() {
        long lesson = newId();
        OffsetDateTime start = Instant.now().plus(Duration.ofHours(24)).truncatedTo(ChronoUnit.MINUTES)
                .atOffset(ZoneOffset.UTC);
        EventEnvelope due = reminder("lesson_reminder_24h", "lesson", lesson, start, Duration.ofHours(24));
        publishAndWait(due);
        // A second run of the scheduler asks again with a new event but the same reminder key: nothing more.
        publishAndWait(reminder("lesson_reminder_24h", "lesson", lesson, start, Duration.ofHours(24)));
        redeliver(due);

        var vladivostok = start.atZoneSameInstant(ZoneId.of("Asia/Vladivostok"));
        var kaliningrad = start.atZoneSameInstant(ZoneId.of("Europe/Kaliningrad"));
        assertThat(messagesTo(parent, "lesson_reminder_24h")).singleElement().satisfies(m -> {
            assertThat(m.text()).contains(DATE.format(vladivostok)).contains(TIME.format(vladivostok))
                    .contains(nameOf(student)).contains("Дроби");
            assertThat(m.expiresAt()).isEqualTo(start.toInstant());
        });
        assertThat(messagesTo(student, "lesson_reminder_24h")).singleElement()
                .satisfies(m -> assertThat(m.text()).contains(TIME.format(kaliningrad)));
        assertThat(messagesTo(tutor)).isEmpty();
    }

    @Test
    void aSwitchedOffReminderIsNotQueuedAndTheHomeworkDeadlineGoesToTheStudentOnly() {
        assertThat(as(parent, "parent").patch("/api/v1/notifications/preferences",
                Map.of("kinds", Map.of("lesson_reminder_1h", Map.of("enabled", false)))).status()).isEqualTo(200);
        OffsetDateTime start = Instant.now().plus(Duration.ofHours(1)).atOffset(ZoneOffset.UTC);
        publishAndWait(reminder("lesson_reminder_1h", "lesson", newId(), start, Duration.ofHours(1)));
        assertThat(messagesTo(student, "lesson_reminder_1h")).hasSize(1);
        assertThat(messagesTo(parent)).isEmpty();

        long homework = newId();
        OffsetDateTime deadline = Instant.now().plus(Duration.ofHours(24)).atOffset(ZoneOffset.UTC);
        publishAndWait(reminder("homework_deadline", "homework", homework, deadline, Duration.ofHours(24)));
        assertThat(messagesTo(student, "homework_deadline")).singleElement()
                .satisfies(m -> assertThat(m.text()).contains("Упражнения 1–5"));
        assertThat(messagesTo(parent)).isEmpty();

        // Handed in: the queued deadline reminder is cancelled, and the tutor hears of the submission.
        publishAndWait(envelope("homework-service", new HomeworkEvents.Submitted(homework, newId(), student, tutor,
                true, 0, false), student));
        assertThat(messagesTo(student, "homework_deadline")).singleElement()
                .satisfies(m -> assertThat(m.status()).isEqualTo("cancelled"));
        assertThat(messagesTo(tutor, "homework_submitted")).singleElement()
                .satisfies(m -> assertThat(m.text()).contains(nameOf(student)));
    }

    private void lessonIs(long lesson, AttendanceStatus attendance, OffsetDateTime start) {
        lessonAnswers.put(lesson, """
                {"id": %d, "tutor_id": %d, "student_id": %d, "topic": "Квадратные уравнения",
                 "start_at": "%s", "attendance_status": "%s", "mastery_level": "learned",
                 "mastery_comment": "Молодец"}""".formatted(lesson, tutor, student, start, attendance.value()));
    }

    private void settleTimePassed(long lesson) {
        assertThat(jdbc.update("UPDATE lesson_report_due SET send_at = now() - interval '1 second' "
                + "WHERE lesson_id = ?", lesson)).as("a report is due for lesson " + lesson).isEqualTo(1);
    }

    @Test
    void theReportGoesToTheParentAfterTheSettleTimeWithTheLessonAsItIsThenOnce() {
        long lesson = newId();
        OffsetDateTime start = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MINUTES)
                .atOffset(ZoneOffset.ofHours(2));
        publishAndWait(envelope("lesson-service", new LessonEvents.Conducted(lesson, student, tutor, start, "Тема",
                60, AttendanceStatus.SCHEDULED), tutor));
        Instant sendAt = jdbc.queryForObject("SELECT send_at FROM lesson_report_due WHERE lesson_id = ?",
                java.sql.Timestamp.class, lesson).toInstant();
        assertThat(sendAt).isAfter(Instant.now().plus(Duration.ofMinutes(29)));
        reports.sendDue();
        assertThat(messagesTo(parent)).as("not before the settle time").isEmpty();

        // Meanwhile the tutor set the mastery, the comment and two homework.
        lessonIs(lesson, AttendanceStatus.ATTENDED, start);
        homeworkAnswers.put(lesson, """
                {"id": 1, "description": "Номера 12–15", "deadline": "2030-01-10T18:00:00Z"},
                {"id": 2, "description": "Повторить теорию", "deadline": null}""");
        settleTimePassed(lesson);
        reports.sendDue();

        var local = start.atZoneSameInstant(ZoneId.of("Asia/Vladivostok"));
        assertThat(messagesTo(parent, "lesson_report")).singleElement().satisfies(m -> assertThat(m.text())
                .contains(nameOf(student)).contains(DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm").format(local))
                .contains("Квадратные уравнения").contains("Молодец").contains("Номера 12–15")
                .contains("11.01.2030 04:00").contains("Повторить теорию"));
        assertThat(messagesTo(student)).as("the report is for the parents").isEmpty();

        // Marked again (unexcused, then attended): no second report.
        publishAndWait(envelope("lesson-service", new LessonEvents.Updated(lesson, student, tutor,
                LessonChanges.NONE.withAttendanceStatus(AttendanceStatus.ATTENDED,
                        AttendanceStatus.UNEXCUSED_ABSENCE)), tutor));
        settleTimePassed(lesson);
        reports.sendDue();
        assertThat(messagesTo(parent, "lesson_report")).hasSize(1);
    }

    @Test
    void noReportWhenTheMarkWasTakenBackOrTheTutorSwitchedReportsOff() {
        long lesson = newId();
        OffsetDateTime start = Instant.now().minus(Duration.ofHours(2)).atOffset(ZoneOffset.UTC);
        publishAndWait(envelope("lesson-service", new LessonEvents.Conducted(lesson, student, tutor, start, "Тема",
                60, AttendanceStatus.SCHEDULED), tutor));
        lessonIs(lesson, AttendanceStatus.SCHEDULED, start);
        settleTimePassed(lesson);
        reports.sendDue();
        assertThat(messagesTo(parent)).as("the mark was taken back").isEmpty();
        assertThat(jdbc.queryForObject("SELECT done_at IS NOT NULL FROM lesson_report_due WHERE lesson_id = ?",
                Boolean.class, lesson)).isTrue();

        assertThat(as(tutor, "tutor").patch("/api/v1/notifications/preferences",
                Map.of("kinds", Map.of("lesson_report", Map.of("enabled", false)))).status()).isEqualTo(200);
        long other = newId();
        publishAndWait(envelope("lesson-service", new LessonEvents.Updated(other, student, tutor,
                LessonChanges.NONE.withAttendanceStatus(AttendanceStatus.SCHEDULED,
                        AttendanceStatus.UNEXCUSED_ABSENCE)), tutor));
        lessonIs(other, AttendanceStatus.UNEXCUSED_ABSENCE, start);
        settleTimePassed(other);
        reports.sendDue();
        assertThat(messagesTo(parent)).as("the tutor does not send reports").isEmpty();
    }

    @Test
    void homeworkAssignedAndCheckedAreToldToTheStudent() {
        long homework = newId();
        publishAndWait(envelope("homework-service", new HomeworkEvents.Assigned(homework, newId(), student, tutor,
                "Номера 1–3", OffsetDateTime.parse("2030-01-10T18:00:00Z"), null, 0), tutor));
        assertThat(messagesTo(student, "homework_assigned")).singleElement()
                .satisfies(m -> assertThat(m.text()).contains("Номера 1–3").contains("10.01.2030 20:00"));
        publishAndWait(envelope("homework-service", new HomeworkEvents.Checked(homework, newId(), student, tutor,
                ru.repitbot.models.HomeworkStatus.PENDING, null), tutor));
        assertThat(messagesTo(student, "homework_returned")).hasSize(1);
        assertThat(messagesTo(student).stream().map(Queued::kind).toList())
                .isEqualTo(List.of("homework_assigned", "homework_returned"));
        assertThat(messagesTo(parent)).isEmpty();
        assertThat(messagesTo(tutor)).isEmpty();
    }

    @Test
    void aReportWhoseOwnerDoesNotAnswerWaitsAMinuteAndGoesOutLater() {
        long lesson = newId();
        OffsetDateTime start = Instant.now().minus(Duration.ofHours(2)).atOffset(ZoneOffset.UTC);
        publishAndWait(envelope("lesson-service", new LessonEvents.Conducted(lesson, student, tutor, start, "Тема",
                60, AttendanceStatus.SCHEDULED), tutor));
        lessonAnswers.put(lesson, OWNER_DOWN);
        settleTimePassed(lesson);
        reports.sendDue();
        assertThat(messagesTo(parent)).isEmpty();
        assertThat(jdbc.queryForObject("SELECT send_at FROM lesson_report_due WHERE lesson_id = ? AND done_at IS NULL",
                java.sql.Timestamp.class, lesson).toInstant()).isAfter(Instant.now().plusSeconds(30));

        lessonIs(lesson, AttendanceStatus.ATTENDED, start);
        settleTimePassed(lesson);
        reports.sendDue();
        assertThat(messagesTo(parent, "lesson_report")).singleElement()
                .satisfies(m -> assertThat(m.text()).contains("Квадратные уравнения"));
    }
}
