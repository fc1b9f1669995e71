package ru.repitbot.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The charging rule (docs/domain/payments.md#charging): the one test class for it. */
class LessonChargingTest {

    @Test
    void attendedAndUnexcusedAbsenceCostALesson() {
        assertThat(Arrays.stream(AttendanceStatus.values()).filter(AttendanceStatus::charged))
                .containsExactlyInAnyOrder(AttendanceStatus.ATTENDED, AttendanceStatus.UNEXCUSED_ABSENCE);
        assertThat(LessonCharging.isCharged(AttendanceStatus.ATTENDED, false)).isTrue();
        assertThat(LessonCharging.isCharged(AttendanceStatus.UNEXCUSED_ABSENCE, false)).isTrue();
    }

    @Test
    void scheduledExcusedAndRescheduledAreFree() {
        assertThat(LessonCharging.isCharged(AttendanceStatus.SCHEDULED, false)).isFalse();
        assertThat(LessonCharging.isCharged(AttendanceStatus.EXCUSED_ABSENCE, false)).isFalse();
        assertThat(LessonCharging.isCharged(AttendanceStatus.RESCHEDULED, false)).isFalse();
    }

    @Test
    void anUndatedMakeupLessonIsFreeWhateverItsStatus() {
        for (AttendanceStatus status : AttendanceStatus.values()) {
            assertThat(LessonCharging.isCharged(status, true)).as(status.value()).isFalse();
        }
    }

    @Test
    void aLessonWithoutAttendanceIsNotCharged() {
        assertThat(LessonCharging.isCharged(null, false)).isFalse();
    }
}
