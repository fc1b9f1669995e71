package ru.repitbot.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ReminderTextTest {

    private static final Instant START = Instant.parse("2026-12-08T15:00:00Z");

    @Test
    void aStudentSeesTheLessonOnTheirOwnClockAndAParentAlsoWhoseLessonItIs() {
        assertThat(ReminderText.lesson(NoticeKind.LESSON_REMINDER_24H, Audience.STUDENT, START, "Дроби", "Маша",
                ZoneId.of("Europe/Kaliningrad")))
                .isEqualTo(MessageText.of("notify.lesson.reminder_24h", "08.12.2026", "17:00", "Дроби"));
        assertThat(ReminderText.lesson(NoticeKind.LESSON_REMINDER_1H, Audience.PARENT, START, " ", "Маша",
                ZoneId.of("Asia/Vladivostok")))
                .isEqualTo(MessageText.of("notify.lesson.reminder_1h.parent", "09.12.2026", "01:00", "—", "Маша"));
    }

    @Test
    void onlyLessonRemindersToFamiliesHaveALessonReminderText() {
        assertThatThrownBy(() -> ReminderText.lesson(NoticeKind.LESSON_CANCELLED, Audience.STUDENT, START, "t", "s",
                ZoneId.of("UTC"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReminderText.lesson(NoticeKind.LESSON_REMINDER_1H, Audience.TUTOR, START, "t", "s",
                ZoneId.of("UTC"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDeadlineReminderAndTheLowBalanceNotice() {
        assertThat(ReminderText.homeworkDeadline(Instant.parse("2026-12-10T20:59:00Z"), null, " № 1–5 ",
                ZoneId.of("Europe/Moscow")))
                .isEqualTo(MessageText.of("notify.homework.deadline", "10.12.2026 23:59", "—", "№ 1–5"));
        assertThat(ReminderText.balanceLow("Маша", 1, "Анна Петровна"))
                .isEqualTo(MessageText.of("notify.balance_low.now", "Маша", "1", "Анна Петровна"));
    }
}
