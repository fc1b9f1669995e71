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
import ru.repitbot.events.EventEnvelope;
import ru.repitbot.events.catalogue.LessonEvents;
import ru.repitbot.events.catalogue.SchedulerEvents;
import ru.repitbot.models.AttendanceStatus;
import ru.repitbot.models.LessonStatus;
import ru.repitbot.models.TopicMastery;

/** Lesson events become notices to the student and every parent, in each reader's zone, once, as switched. */
class LessonNoticesIntegrationTest extends IntegrationTest {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private long tutor;
    private long student;
    private long mother;
    private long father;

    @BeforeEach
    void family() {
        tutor = users().tutor();
        student = reachable(users().student(tutor));
        mother = reachable(users().parent(student));
        father = reachable(users().parent(student));
    }

    private static OffsetDateTime inDays(int days) {
        return Instant.now().plus(Duration.ofDays(days)).truncatedTo(ChronoUnit.MINUTES).atOffset(ZoneOffset.UTC);
    }

    private static String local(OffsetDateTime at, String zone) {
        return DATE_TIME.format(at.atZoneSameInstant(ZoneId.of(zone)));
    }

    private EventEnvelope rescheduled(long lesson, OffsetDateTime from, OffsetDateTime to) {
        return envelope("lesson-service", new LessonEvents.Rescheduled(lesson, student, tutor, from, to, "болезнь"),
                tutor);
    }

    @Test
    void aRescheduleTellsTheStudentAndEveryParentOnTheirOwnClockOnceAndNotTheTutor() {
        livesIn(father, "Asia/Vladivostok");
        long lesson = newId();
        OffsetDateTime from = inDays(2);
        OffsetDateTime to = inDays(3);
        EventEnvelope event = rescheduled(lesson, from, to);
        publishAndWait(event);
        redeliver(event);

        assertThat(messagesTo(student, "lesson_rescheduled")).singleElement().satisfies(m -> {
            assertThat(m.text()).contains(local(to, "Europe/Kaliningrad")).contains(local(from, "Europe/Kaliningrad"));
            assertThat(m.subjectType()).isEqualTo("lesson");
            assertThat(m.subjectId()).isEqualTo(lesson);
        });
        assertThat(messagesTo(mother, "lesson_rescheduled")).singleElement()
                .satisfies(m -> assertThat(m.text()).contains(nameOf(student)).contains(local(to, "Europe/Kaliningrad")));
        assertThat(messagesTo(father, "lesson_rescheduled")).singleElement()
                .satisfies(m -> assertThat(m.text()).contains(local(to, "Asia/Vladivostok")));
        assertThat(messagesTo(tutor)).as("the tutor who moved it is not told").isEmpty();
    }

    @Test
    void aRescheduleOrCancellationCancelsTheLessonsQueuedReminders() {
        long lesson = newId();
        OffsetDateTime start = inDays(1).plusHours(2);
        publishAndWait(envelope("scheduler-service", new SchedulerEvents.ReminderDue("lesson_reminder_24h", "lesson",
                lesson, student, tutor, start, start.minusHours(24), false,
                "reminder:lesson_reminder_24h:lesson:" + lesson + ":" + start.toEpochSecond(), "Дроби", null, lesson,
                60), null));
        assertThat(messagesTo(student, "lesson_reminder_24h")).singleElement()
                .satisfies(m -> assertThat(m.status()).isEqualTo("queued"));

        publishAndWait(rescheduled(lesson, start, inDays(5)));
        assertThat(messagesTo(student, "lesson_reminder_24h")).singleElement()
                .satisfies(m -> assertThat(m.status()).isEqualTo("cancelled"));
        assertThat(messagesTo(mother, "lesson_reminder_24h")).singleElement()
                .satisfies(m -> assertThat(m.status()).isEqualTo("cancelled"));
        assertThat(messagesTo(student, "lesson_rescheduled")).singleElement()
                .satisfies(m -> assertThat(m.status()).isEqualTo("queued"));
    }

    @Test
    void aCancellationIsToldUrgentlyUnlessSwitchedOffAndNotWhenItWasCancelledAlready() {
        long lesson = newId();
        OffsetDateTime start = inDays(2);
        // Quiet hours all day long for the mother: an urgent kind passes through them.
        assertThat(as(mother, "parent").patch("/api/v1/notifications/preferences",
                Map.of("quiet_hours", Map.of("start", "00:00", "end", "23:59"))).status()).isEqualTo(200);
        assertThat(as(father, "parent").patch("/api/v1/notifications/preferences",
                Map.of("kinds", Map.of("lesson_cancelled", Map.of("enabled", false)))).status()).isEqualTo(200);

        publishAndWait(envelope("lesson-service", new LessonEvents.Cancelled(lesson, student, tutor, start,
                AttendanceStatus.EXCUSED_ABSENCE, AttendanceStatus.SCHEDULED, "болезнь", List.of(), null), tutor));
        assertThat(messagesTo(student, "lesson_cancelled")).hasSize(1);
        assertThat(messagesTo(mother, "lesson_cancelled")).singleElement().satisfies(m -> {
            assertThat(m.notBefore()).isBefore(Instant.now().plusSeconds(5));
            assertThat(m.text()).contains(local(start, "Europe/Kaliningrad"));
        });
        assertThat(messagesTo(father)).as("switched off").isEmpty();

        publishAndWait(envelope("lesson-service", new LessonEvents.Cancelled(lesson, student, tutor, start,
                AttendanceStatus.UNEXCUSED_ABSENCE, AttendanceStatus.EXCUSED_ABSENCE, null, List.of(), null), tutor));
        assertThat(messagesTo(student, "lesson_cancelled")).as("from one cancellation to another: bookkeeping")
                .hasSize(1);
    }

    @Test
    void aNotUrgentNoticeWaitsForTheEndOfTheReadersQuietHours() {
        String zone = "Asia/Vladivostok";
        livesIn(student, zone);
        var nowThere = Instant.now().atZone(ZoneId.of(zone));
        String start = nowThere.minusHours(1).toLocalTime().truncatedTo(ChronoUnit.MINUTES).toString();
        String end = nowThere.plusHours(2).toLocalTime().truncatedTo(ChronoUnit.MINUTES).toString();
        assertThat(as(student, "student").patch("/api/v1/notifications/preferences",
                Map.of("quiet_hours", Map.of("start", start, "end", end))).status()).isEqualTo(200);

        long lesson = newId();
        OffsetDateTime at = inDays(3);
        publishAndWait(envelope("lesson-service", new LessonEvents.Created(lesson, student, tutor, "Дроби", at, 60,
                null, AttendanceStatus.SCHEDULED, LessonStatus.NOT_CONDUCTED, TopicMastery.NOT_LEARNED, false), tutor));

        assertThat(messagesTo(student, "lesson_scheduled")).singleElement().satisfies(m -> {
            assertThat(m.text()).contains("Дроби").contains(local(at, zone));
            assertThat(m.notBefore().atZone(ZoneId.of(zone)).toLocalTime().truncatedTo(ChronoUnit.MINUTES).toString())
                    .as("released at the end of the quiet hours on the reader's clock").isEqualTo(end);
            assertThat(m.notBefore()).isAfter(Instant.now().plus(Duration.ofMinutes(100)));
        });
        assertThat(messagesTo(mother, "lesson_scheduled")).singleElement()
                .satisfies(m -> assertThat(m.text()).contains(nameOf(student)));
    }

    @Test
    void aLessonCreatedFarAheadOrInThePastIsNoNews() {
        publishAndWait(envelope("lesson-service", new LessonEvents.Created(newId(), student, tutor, "Шаблон",
                inDays(20), 60, null, AttendanceStatus.SCHEDULED, LessonStatus.NOT_CONDUCTED, TopicMastery.NOT_LEARNED,
                false), null), envelope("lesson-service", new LessonEvents.Created(newId(), student, tutor, "Отработка",
                null, 60, null, AttendanceStatus.SCHEDULED, LessonStatus.NOT_CONDUCTED, TopicMastery.NOT_LEARNED,
                true), null));
        assertThat(messagesTo(student)).isEmpty();
        assertThat(messagesTo(mother)).isEmpty();
    }
}
