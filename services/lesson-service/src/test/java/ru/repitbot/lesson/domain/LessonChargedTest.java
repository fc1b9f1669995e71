package ru.repitbot.lesson.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import ru.repitbot.models.AttendanceStatus;

/** The "charged" flag shown with a lesson follows the balance rule payment-service applies. */
class LessonChargedTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    @Test
    void attendedAndUnexcusedLessonsAreCharged() {
        Lesson lesson = Lesson.schedule(1, 2, "Дроби", NOW.plusSeconds(3600), 60, null, NOW);
        assertThat(lesson.charged()).isFalse();
        lesson.changeAttendance(AttendanceStatus.ATTENDED, NOW);
        assertThat(lesson.charged()).isTrue();
        lesson.changeAttendance(AttendanceStatus.UNEXCUSED_ABSENCE, NOW);
        assertThat(lesson.charged()).isTrue();
        lesson.changeAttendance(AttendanceStatus.EXCUSED_ABSENCE, NOW);
        assertThat(lesson.charged()).isFalse();
    }

    @Test
    void anUndatedMakeUpLessonIsNotChargedUntilItHasADate() {
        Lesson makeup = Lesson.makeupFor(1, 2, new Lesson.Topic("Дроби", null), 60, NOW);
        makeup.changeAttendance(AttendanceStatus.ATTENDED, NOW);
        assertThat(makeup.charged()).isFalse();
    }
}
