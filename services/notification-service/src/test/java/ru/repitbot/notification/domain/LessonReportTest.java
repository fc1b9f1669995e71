package ru.repitbot.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.repitbot.models.AttendanceStatus;
import ru.repitbot.models.TopicMastery;
import ru.repitbot.notification.domain.LessonReport.HomeworkGiven;
import ru.repitbot.notification.domain.LessonReport.LessonFacts;

class LessonReportTest {

    private static final Instant START = Instant.parse("2026-12-06T14:00:00Z");

    private static LessonFacts lesson(AttendanceStatus attendance, TopicMastery mastery, String comment,
            List<HomeworkGiven> homework) {
        return new LessonFacts(42, "Маша Иванова", "Анна Петровна", START, "Дроби", attendance, mastery, comment,
                homework);
    }

    @Test
    void anAttendedLessonReportsDateOnTheParentsClockTopicMasteryCommentAndHomework() {
        LessonReport report = LessonReport.compose(lesson(AttendanceStatus.ATTENDED, TopicMastery.LEARNED,
                "Хорошо, но торопится", List.of(new HomeworkGiven("№ 1–5 на с. 34", Instant.parse(
                        "2026-12-09T20:59:00Z")))), 20, ZoneId.of("Asia/Vladivostok"));
        assertThat(report.lines()).containsExactly(
                MessageText.of("notify.report.header", "Маша Иванова"),
                MessageText.of("notify.report.date", "07.12.2026 00:00", "Анна Петровна"),
                MessageText.of("notify.report.topic", "Дроби"),
                MessageText.of("notify.report.attendance.attended"),
                MessageText.of("notify.report.mastery.learned"),
                MessageText.of("notify.report.comment", "Хорошо, но торопится"),
                MessageText.of("notify.report.homework_due", "№ 1–5 на с. 34", "10.12.2026 06:59"));
        assertThat(report.idempotencyKey()).isEqualTo("lesson_report:42:20");
    }

    @Test
    void theSameLessonShowsTheDateEachParentSees() {
        LessonFacts facts = lesson(AttendanceStatus.ATTENDED, null, null, List.of());
        assertThat(LessonReport.compose(facts, 20, ZoneId.of("Europe/Kaliningrad")).lines().get(1).args())
                .first().isEqualTo("06.12.2026 16:00");
        assertThat(LessonReport.compose(facts, 21, ZoneId.of("America/New_York")).lines().get(1).args())
                .first().isEqualTo("06.12.2026 09:00");
    }

    @Test
    void missingPiecesAreSaidRatherThanLeftOut() {
        LessonFacts facts = new LessonFacts(42, "Маша", "Анна", START, " ", AttendanceStatus.ATTENDED, null, "",
                List.of());
        assertThat(LessonReport.compose(facts, 20, ZoneId.of("UTC")).lines()).extracting(MessageText::key)
                .containsExactly("notify.report.header", "notify.report.date", "notify.report.topic_none",
                        "notify.report.attendance.attended", "notify.report.mastery.none",
                        "notify.report.homework_none");
    }

    @Test
    void anUnexcusedAbsenceIsReportedWithoutMasteryAndAnExcusedOneIsNot() {
        LessonReport report = LessonReport.compose(lesson(AttendanceStatus.UNEXCUSED_ABSENCE, TopicMastery.MASTERED,
                "—", List.of()), 20, ZoneId.of("UTC"));
        assertThat(report.lines()).extracting(MessageText::key).contains("notify.report.attendance.unexcused_absence")
                .noneMatch(k -> k.startsWith("notify.report.mastery") || k.equals("notify.report.comment"));
        assertThat(LessonReport.isReported(AttendanceStatus.EXCUSED_ABSENCE)).isFalse();
        assertThat(LessonReport.isReported(AttendanceStatus.RESCHEDULED)).isFalse();
        assertThat(LessonReport.isReported(AttendanceStatus.SCHEDULED)).isFalse();
        assertThatThrownBy(() -> LessonReport.compose(lesson(AttendanceStatus.SCHEDULED, null, null, List.of()), 20,
                ZoneId.of("UTC"))).as("the mark was taken back during the settle time")
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void longHomeworkIsCutAndEveryHomeworkOfTheLessonIsListed() {
        String longText = "x".repeat(500);
        LessonReport report = LessonReport.compose(lesson(AttendanceStatus.ATTENDED, TopicMastery.MASTERED, null,
                List.of(new HomeworkGiven(longText, null), new HomeworkGiven("Выучить правило", null))), 20,
                ZoneId.of("UTC"));
        List<MessageText> homework = report.lines().stream().filter(l -> l.key().equals("notify.report.homework"))
                .toList();
        assertThat(homework).hasSize(2);
        assertThat(homework.get(0).args().get(0)).hasSize(LessonReport.HOMEWORK_PREVIEW).endsWith("…");
    }

    @Test
    void theReportWaitsForTheTutorToFinishMarking() {
        Instant marked = Instant.parse("2026-12-06T15:00:00Z");
        assertThat(LessonReport.sendAt(marked)).isEqualTo(marked.plus(Duration.ofMinutes(30)));
    }
}
