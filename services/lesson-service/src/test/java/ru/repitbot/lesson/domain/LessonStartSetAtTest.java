package ru.repitbot.lesson.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import ru.repitbot.models.AttendanceStatus;
import ru.repitbot.models.TopicMastery;

/**
 * {@code start_set_at}: when a lesson got its current start, which the reminder rules read
 * (docs/domain/notifications.md#reminders). Only a new start moves it.
 */
class LessonStartSetAtTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Moscow");
    private static final Instant CREATED = Instant.parse("2026-11-26T10:00:00Z");
    private static final Instant START = Instant.parse("2026-12-01T15:00:00Z");

    @Test
    void itIsKeptToTheMicrosecondAsTheDatabaseKeepsIt() {
        Lesson lesson = Lesson.schedule(1, 2, "Дроби", START, 60, null, CREATED.plusNanos(1_234_567));
        assertThat(lesson.startSetAt()).isEqualTo(CREATED.plusNanos(1_234_000));
    }

    @Test
    void aNewLessonsStartIsSetWhenItIsCreated() {
        Lesson lesson = Lesson.schedule(1, 2, "Дроби", START, 60, null, CREATED);
        assertThat(lesson.startSetAt()).isEqualTo(CREATED);
    }

    @Test
    void aRescheduleAndAnEditOfTheStartSetItAnew() {
        Lesson lesson = saved(Lesson.schedule(1, 2, "Дроби", START, 60, null, CREATED));
        Instant rescheduledAt = CREATED.plus(Duration.ofHours(1));
        lesson.reschedule(START.plus(Duration.ofDays(1)), "болезнь", ZONE, rescheduledAt);
        assertThat(lesson.startSetAt()).isEqualTo(rescheduledAt);

        Instant editedAt = CREATED.plus(Duration.ofHours(2));
        lesson.moveTo(START.plus(Duration.ofDays(2)), ZONE, editedAt);
        assertThat(lesson.startSetAt()).isEqualTo(editedAt);
    }

    @Test
    void changesThatKeepTheStartKeepIt() {
        Lesson lesson = Lesson.schedule(1, 2, "Дроби", START, 60, null, CREATED);
        Instant later = CREATED.plus(Duration.ofHours(3));
        lesson.moveTo(START, ZONE, later);
        lesson.changeTopic("Проценты", later);
        lesson.changeDuration(90, later);
        lesson.changeMastery(TopicMastery.LEARNED, "хорошо", later);
        lesson.takeTopic(new Lesson.Topic("Уравнения", null), later);
        lesson.recordCancellation(AttendanceStatus.EXCUSED_ABSENCE, "болезнь", later);
        assertThat(lesson.startSetAt()).isEqualTo(CREATED);
        assertThat(lesson.updatedAt()).isEqualTo(later);
    }

    /** A reschedule tells its event with the lesson's id, which the database gives. */
    private static Lesson saved(Lesson lesson) {
        try {
            Field id = Lesson.class.getDeclaredField("id");
            id.setAccessible(true);
            id.set(lesson, 7L);
            return lesson;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anUndatedMakeUpHasNoneUntilItGetsADate() {
        Lesson makeup = saved(Lesson.makeupFor(1, 2, new Lesson.Topic("Дроби", null), 60, CREATED));
        assertThat(makeup.startSetAt()).isNull();
        Instant datedAt = CREATED.plus(Duration.ofDays(1));
        makeup.reschedule(START, null, ZONE, datedAt);
        assertThat(makeup.startSetAt()).isEqualTo(datedAt);
        assertThat(makeup.isRescheduled()).as("dating a make-up is no reschedule").isFalse();
    }
}
