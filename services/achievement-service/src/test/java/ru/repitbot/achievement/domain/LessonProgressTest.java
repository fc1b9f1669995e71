package ru.repitbot.achievement.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import ru.repitbot.models.AttendanceStatus;

class LessonProgressTest {

    private static final Instant FIRST = Instant.parse("2026-03-02T13:00:00Z");
    private static final Instant MOVED = Instant.parse("2026-03-04T13:00:00Z");

    private static LessonProgress apply(LessonProgress lesson, LessonFacts facts, long version) {
        return LessonProgress.apply(lesson, 5, 1, 2, facts, version);
    }

    private static LessonFacts created() {
        return LessonFacts.none().withAttendance(AttendanceStatus.SCHEDULED).withDate(FIRST).withDuration(60);
    }

    @Test
    void aCreationArrivingAfterNewerEventsFillsInOnlyWhatTheyDidNotTell() {
        LessonProgress lesson = apply(null, LessonFacts.none().withDate(MOVED), 3);
        lesson = apply(lesson, LessonFacts.none().withAttendance(AttendanceStatus.ATTENDED).withDuration(90), 4);
        lesson = apply(lesson, created(), 1);
        assertThat(lesson.startAt()).as("the reschedule's date stays").isEqualTo(MOVED);
        assertThat(lesson.attendanceStatus()).isEqualTo(AttendanceStatus.ATTENDED);
        assertThat(lesson.durationMinutes()).isEqualTo(90);
        assertThat(lesson.version()).isEqualTo(4);
        assertThat(lesson.attended()).isTrue();
    }

    @Test
    void anUnknownLessonStartsScheduledAndTheSameEventTwiceChangesNothing() {
        LessonProgress once = apply(null, LessonFacts.none().withAttendance(AttendanceStatus.ATTENDED), 2);
        assertThat(once.startAt()).isNull();
        assertThat(apply(once, LessonFacts.none().withAttendance(AttendanceStatus.ATTENDED), 2)).isEqualTo(once);
        assertThat(apply(once, created(), 1).attendanceStatus()).isEqualTo(AttendanceStatus.ATTENDED);
    }

    @Test
    void aDeletionIsFinalWhateverItsOrder() {
        LessonProgress deleted = apply(apply(null, created(), 1), LessonFacts.deletion(), 3);
        LessonProgress late = apply(deleted, LessonFacts.none().withAttendance(AttendanceStatus.ATTENDED), 2);
        assertThat(late.deleted()).isTrue();
        assertThat(late.attended()).isFalse();
    }
}
