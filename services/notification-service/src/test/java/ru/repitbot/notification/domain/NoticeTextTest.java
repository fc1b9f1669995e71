package ru.repitbot.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Notices say dates on the reader's clock and name the child to a parent (docs/domain/notifications.md#who-is-told). */
class NoticeTextTest {

    private static final Instant START = Instant.parse("2026-03-28T23:30:00Z");

    @Test
    void theSameLessonIsShownOnEachReadersClock() {
        assertThat(NoticeText.lessonCancelled(Audience.STUDENT, START, "Маша", ZoneId.of("Europe/Kaliningrad")))
                .isEqualTo(MessageText.of("notify.lesson.cancelled", "29.03.2026 01:30"));
        assertThat(NoticeText.lessonCancelled(Audience.PARENT, START, "Маша", ZoneId.of("Asia/Vladivostok")))
                .isEqualTo(MessageText.of("notify.lesson.cancelled.parent", "29.03.2026 09:30", "Маша"));
        assertThat(NoticeText.lessonRescheduled(Audience.PARENT, START, START.plusSeconds(86_400), "Маша",
                ZoneId.of("Europe/Berlin")).args()).containsExactly("29.03.2026 00:30", "30.03.2026 01:30", "Маша");
    }

    @Test
    void blanksAreShownAsDashesAndOnlyLinkOccasionsAreLinks() {
        assertThat(NoticeText.lessonScheduled(Audience.STUDENT, START, " ", "s", ZoneId.of("UTC")).args())
                .containsExactly("28.03.2026 23:30", "—");
        assertThat(NoticeText.homeworkAssigned("  Номера 1–3 ", null, ZoneId.of("UTC")))
                .isEqualTo(MessageText.of("notify.homework.assigned", "Номера 1–3"));
        assertThat(NoticeText.achievement(Audience.STUDENT, null, null, null, "s").args()).containsExactly("🏆", "", "");
        assertThatThrownBy(() -> NoticeText.link(Occasion.LESSON_CREATED, "w", "s"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
