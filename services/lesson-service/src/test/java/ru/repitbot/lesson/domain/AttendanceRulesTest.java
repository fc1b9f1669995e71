package ru.repitbot.lesson.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.repitbot.models.AttendanceStatus.ATTENDED;
import static ru.repitbot.models.AttendanceStatus.EXCUSED_ABSENCE;
import static ru.repitbot.models.AttendanceStatus.RESCHEDULED;
import static ru.repitbot.models.AttendanceStatus.SCHEDULED;
import static ru.repitbot.models.AttendanceStatus.UNEXCUSED_ABSENCE;

import org.junit.jupiter.api.Test;

class AttendanceRulesTest {

    @Test
    void shiftRunsOnlyWhenEnteringACancellationFromScheduledOrAttended() {
        assertThat(AttendanceRules.runsTopicShift(SCHEDULED, EXCUSED_ABSENCE)).isTrue();
        assertThat(AttendanceRules.runsTopicShift(ATTENDED, RESCHEDULED)).isTrue();
        assertThat(AttendanceRules.runsTopicShift(ATTENDED, UNEXCUSED_ABSENCE)).isTrue();
        assertThat(AttendanceRules.runsTopicShift(EXCUSED_ABSENCE, UNEXCUSED_ABSENCE)).isFalse();
        assertThat(AttendanceRules.runsTopicShift(RESCHEDULED, ATTENDED)).isFalse();
        assertThat(AttendanceRules.runsTopicShift(SCHEDULED, ATTENDED)).isFalse();
    }

    @Test
    void conductedWhenBecomingAttended() {
        assertThat(AttendanceRules.becomesAttended(SCHEDULED, ATTENDED)).isTrue();
        assertThat(AttendanceRules.becomesAttended(EXCUSED_ABSENCE, ATTENDED)).isTrue();
        assertThat(AttendanceRules.becomesAttended(ATTENDED, ATTENDED)).isFalse();
        assertThat(AttendanceRules.becomesAttended(ATTENDED, SCHEDULED)).isFalse();
    }
}
