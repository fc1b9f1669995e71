package ru.repitbot.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.repitbot.scheduler.db.JobRunLog;
import ru.repitbot.scheduler.domain.JobCatalogue;
import tools.jackson.databind.JsonNode;

/** The reminder jobs end to end: owners read as they are, windows without gaps, reminder.due in the outbox. */
class ReminderJobsIntegrationTest extends SchedulerIntegrationTest {

    private static final String LESSONS = JobCatalogue.LESSON_REMINDERS;
    private static final String HOMEWORK = JobCatalogue.HOMEWORK_DEADLINE_REMINDERS;

    @Autowired
    MeterRegistry meters;

    private OwnerStub.Lesson lesson(long id, Instant start, Instant startSetAt) {
        return new OwnerStub.Lesson(id, 5000 + id % 1000, 7000 + id % 1000, start, 90, "Quadratic equations",
                "scheduled", startSetAt);
    }

    @Test
    void aLessonMovedAfterItsWindowWasPlannedIsRemindedAtTheNewTimeOnly() {
        Instant t0 = Instant.parse("2027-01-10T10:00:00Z");
        long id = newId();
        OWNERS.put(lesson(id, t0.plus(Duration.ofHours(30)), t0.minus(Duration.ofDays(10))));
        runAt(t0, LESSONS);
        assertThat(remindersOf("lesson", id)).isEmpty();

        // The tutor moves it 4 h earlier: its 24 h moment is now t0+2h, not t0+6h.
        Instant newStart = t0.plus(Duration.ofHours(26));
        OWNERS.put(lesson(id, newStart, t0.plus(Duration.ofMinutes(1))));
        runAt(t0.plus(Duration.ofMinutes(5)), LESSONS);
        runAt(t0.plus(Duration.ofHours(2)), LESSONS);
        runAt(t0.plus(Duration.ofHours(7)), LESSONS);
        runAt(t0.plus(Duration.ofHours(25)), LESSONS);

        List<JsonNode> reminders = remindersOf("lesson", id);
        assertThat(reminders).extracting(r -> r.path("kind").asString())
                .containsExactly("lesson_reminder_24h", "lesson_reminder_1h");
        assertThat(reminders).allSatisfy(r -> {
            assertThat(instant(r.path("at"))).isEqualTo(newStart);
            assertThat(r.path("idempotency_key").asString()).endsWith(":lesson:" + id + ":" + newStart.getEpochSecond());
            assertThat(r.path("late").asBoolean()).isFalse();
            assertThat(r.path("student_id").asLong()).isEqualTo(5000 + id % 1000);
            assertThat(r.path("tutor_id").asLong()).isEqualTo(7000 + id % 1000);
            assertThat(r.path("lesson_id").asLong()).isEqualTo(id);
            assertThat(r.path("topic").asString()).isEqualTo("Quadratic equations");
            assertThat(r.path("duration_minutes").asInt()).isEqualTo(90);
        });
        assertThat(instant(reminders.get(0).path("moment"))).isEqualTo(t0.plus(Duration.ofHours(2)));
        assertThat(instant(reminders.get(1).path("moment"))).isEqualTo(t0.plus(Duration.ofHours(25)));
    }

    @Test
    void aRunAfterDowntimeSendsWhatHasNotStartedAndDropsWhatHas() {
        Instant t0 = Instant.parse("2027-02-01T08:00:00Z");
        runAt(t0, LESSONS);
        long notStarted = newId();
        long started = newId();
        OWNERS.put(lesson(notStarted, t0.plus(Duration.ofMinutes(330)), t0.minus(Duration.ofDays(3))));
        OWNERS.put(lesson(started, t0.plus(Duration.ofHours(4)), t0.minus(Duration.ofDays(3))));
        double droppedBefore = dropped("lesson_reminder_1h", "ALREADY_STARTED");

        // Down for five hours; the first run back covers all of it.
        runAt(t0.plus(Duration.ofHours(5)), LESSONS);

        List<JsonNode> sent = remindersOf("lesson", notStarted);
        assertThat(sent).singleElement().satisfies(r -> {
            assertThat(r.path("kind").asString()).isEqualTo("lesson_reminder_1h");
            assertThat(r.path("late").asBoolean()).isTrue();
            assertThat(instant(r.path("moment"))).isEqualTo(t0.plus(Duration.ofMinutes(270)));
        });
        assertThat(remindersOf("lesson", started)).isEmpty();
        JobRunLog.Run run = lastRun(LESSONS);
        assertThat(run.outcome()).isEqualTo("succeeded");
        assertThat(run.coveredFrom()).isEqualTo(t0);
        assertThat(run.coveredUntil()).isEqualTo(t0.plus(Duration.ofHours(5)));
        assertThat(run.sent()).isEqualTo(1);
        assertThat(run.dropped()).isEqualTo(1);
        assertThat(run.late()).isTrue();
        assertThat(run.detail()).contains("ALREADY_STARTED");
        assertThat(dropped("lesson_reminder_1h", "ALREADY_STARTED")).isEqualTo(droppedBefore + 1);
    }

    @Test
    void the24HourReminderAcrossBerlinsSpringChangeComes24RealHoursAhead() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        // Sunday 18:00 after the clocks went forward at 02:00 that night.
        Instant start = LocalDateTime.parse("2026-03-29T18:00").atZone(berlin).toInstant();
        long id = newId();
        OWNERS.put(lesson(id, start, Instant.parse("2026-03-01T10:00:00Z")));

        runAt(Instant.parse("2026-03-28T15:58:00Z"), LESSONS);
        assertThat(remindersOf("lesson", id)).isEmpty();
        runAt(Instant.parse("2026-03-28T16:00:30Z"), LESSONS);
        // "The same wall-clock time the day before" (18:00 on Saturday) is another hour later: nothing new then.
        runAt(LocalDateTime.parse("2026-03-28T18:00:30").atZone(berlin).toInstant(), LESSONS);

        assertThat(remindersOf("lesson", id)).singleElement().satisfies(r -> {
            Instant moment = instant(r.path("moment"));
            assertThat(Duration.between(moment, start)).isEqualTo(Duration.ofHours(24));
            ZonedDateTime local = moment.atZone(berlin);
            assertThat(local.toLocalDateTime()).isEqualTo(LocalDateTime.parse("2026-03-28T17:00"));
            assertThat(r.path("kind").asString()).isEqualTo("lesson_reminder_24h");
        });
    }

    @Test
    void anUnreachableOwnerFailsTheRunAndTheNextRunCoversItsWindow() {
        Instant t0 = Instant.parse("2027-04-05T09:00:00Z");
        runAt(t0, LESSONS);
        long id = newId();
        OWNERS.put(lesson(id, t0.plus(Duration.ofMinutes(65)), t0.minus(Duration.ofDays(2))));

        OWNERS.down(true);
        runAt(t0.plus(Duration.ofMinutes(10)), LESSONS);
        JobRunLog.Run failed = lastRun(LESSONS);
        assertThat(failed.outcome()).isEqualTo("failed");
        assertThat(failed.detail()).contains("lesson-service");
        assertThat(remindersOf("lesson", id)).isEmpty();

        OWNERS.down(false);
        runAt(t0.plus(Duration.ofMinutes(11)), LESSONS);
        JobRunLog.Run next = lastRun(LESSONS);
        assertThat(next.outcome()).isEqualTo("succeeded");
        assertThat(next.coveredFrom()).isEqualTo(t0);
        assertThat(remindersOf("lesson", id)).singleElement()
                .satisfies(r -> assertThat(r.path("kind").asString()).isEqualTo("lesson_reminder_1h"));
    }

    @Test
    void homeworkDeadlineRemindersSayTheHomeworkAndItsLessonsTopic() {
        Instant t0 = Instant.parse("2027-05-10T12:00:00Z");
        runAt(t0, HOMEWORK);
        long lessonId = newId();
        OWNERS.put(new OwnerStub.Lesson(lessonId, 51, 71, t0.minus(Duration.ofDays(2)), 60, "Past simple",
                "completed", null));
        long due = newId();
        long setLate = newId();
        long noLesson = newId();
        Instant deadline = t0.plus(Duration.ofHours(24)).plus(Duration.ofMinutes(3));
        OWNERS.put(new OwnerStub.Homework(due, 51, 71, lessonId, "Exercises 4-7", deadline, "pending", null));
        // Its deadline was set after its reminder's moment: the assignment notice said it.
        OWNERS.put(new OwnerStub.Homework(setLate, 51, 71, lessonId, "Essay", deadline, "pending",
                t0.plus(Duration.ofMinutes(4))));
        OWNERS.put(new OwnerStub.Homework(noLesson, 52, 71, null, "Read chapter 2", deadline, "pending",
                t0.minus(Duration.ofDays(1))));

        runAt(t0.plus(Duration.ofMinutes(5)), HOMEWORK);

        assertThat(remindersOf("homework", due)).singleElement().satisfies(r -> {
            assertThat(r.path("kind").asString()).isEqualTo("homework_deadline");
            assertThat(r.path("description").asString()).isEqualTo("Exercises 4-7");
            assertThat(r.path("topic").asString()).isEqualTo("Past simple");
            assertThat(r.path("lesson_id").asLong()).isEqualTo(lessonId);
            assertThat(instant(r.path("at"))).isEqualTo(deadline);
            assertThat(r.path("idempotency_key").asString())
                    .isEqualTo("reminder:homework_deadline:homework:" + due + ":" + deadline.getEpochSecond());
        });
        assertThat(remindersOf("homework", setLate)).isEmpty();
        assertThat(remindersOf("homework", noLesson)).singleElement()
                .satisfies(r -> assertThat(r.path("topic").isNull()).isTrue());
        assertThat(lastRun(HOMEWORK).detail()).contains("SET_AFTER_MOMENT");
        assertThat(OWNERS.authorizations()).isNotEmpty().allSatisfy(a -> assertThat(a).startsWith("Bearer "));
    }

    @Test
    void todaysLessonServiceShapeIsReadToo() {
        OWNERS.todaysShape(true);
        Instant t0 = Instant.parse("2027-06-07T15:00:00Z");
        runAt(t0, LESSONS);
        long open = newId();
        long cancelled = newId();
        OWNERS.put(lesson(open, t0.plus(Duration.ofMinutes(62)), null));
        OWNERS.put(new OwnerStub.Lesson(cancelled, 53, 73, t0.plus(Duration.ofMinutes(61)), 60, "Cancelled",
                "cancelled", null));

        runAt(t0.plus(Duration.ofMinutes(3)), LESSONS);

        assertThat(remindersOf("lesson", open)).singleElement()
                .satisfies(r -> assertThat(r.path("kind").asString()).isEqualTo("lesson_reminder_1h"));
        assertThat(remindersOf("lesson", cancelled)).isEmpty();
        assertThat(lastRun(LESSONS).detail()).contains("NO_LONGER_OPEN");

        runAt(t0.plus(Duration.ofMinutes(4)), HOMEWORK);
        long homeworkId = newId();
        OWNERS.put(new OwnerStub.Homework(homeworkId, 5000 + open % 1000, 71, open, "Problems 1-3",
                t0.plus(Duration.ofHours(24)).plus(Duration.ofMinutes(6)), "pending", null));
        runAt(t0.plus(Duration.ofMinutes(9)), HOMEWORK);
        assertThat(remindersOf("homework", homeworkId)).singleElement()
                .satisfies(r -> assertThat(r.path("topic").asString()).isEqualTo("Quadratic equations"));
        assertThat(OWNERS.requests()).noneMatch(q -> q.startsWith("GET /api/v1/lessons/"));
    }

    private double dropped(String kind, String reason) {
        Counter counter = meters.find("scheduler.reminders.dropped").tag("kind", kind).tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }
}
