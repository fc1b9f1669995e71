package ru.repitbot.bot.flows.tutor.lessons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.repitbot.bot.dialog.CallbackData;
import ru.repitbot.bot.flows.tutor.lessons.LessonData.Overlap;
import ru.repitbot.bot.gateway.GatewayProblem;
import ru.repitbot.models.AttendanceStatus;
import ru.repitbot.models.LessonStatus;
import ru.repitbot.models.TopicMastery;

class LessonInputTest {

    @Test
    void lengthsAreReadAsPeopleTypeThemWithinFifteenToSixHundredMinutes() {
        assertThat(LessonInput.minutes("60")).isEqualTo(60);
        assertThat(LessonInput.minutes(" 90 мин")).isEqualTo(90);
        assertThat(LessonInput.minutes("45 минут")).isEqualTo(45);
        assertThat(LessonInput.minutes("120 min")).isEqualTo(120);
        assertThat(LessonInput.minutes("15")).isEqualTo(15);
        assertThat(LessonInput.minutes("600")).isEqualTo(600);
        assertThat(LessonInput.minutes("14")).isNull();
        assertThat(LessonInput.minutes("601")).isNull();
        assertThat(LessonInput.minutes("полтора часа")).isNull();
        assertThat(LessonInput.minutes("1.5")).isNull();
        assertThat(LessonInput.minutes("")).isNull();
        assertThat(LessonInput.minutes(null)).isNull();
    }

    @Test
    void everyStatusHasAOneLetterCodeThatReadsBack() {
        for (AttendanceStatus status : AttendanceStatus.values()) {
            assertThat(LessonCodes.attendance(LessonCodes.code(status))).isEqualTo(status);
        }
        for (LessonStatus status : LessonStatus.values()) {
            assertThat(LessonCodes.conduct(LessonCodes.code(status))).isEqualTo(status);
        }
        for (TopicMastery level : TopicMastery.values()) {
            assertThat(LessonCodes.mastery(LessonCodes.code(level))).isEqualTo(level);
        }
        assertThatThrownBy(() -> LessonCodes.attendance("x")).isInstanceOf(CallbackData.BadCallbackException.class);
        assertThat(LessonCodes.isCancellation(AttendanceStatus.RESCHEDULED)).isTrue();
        assertThat(LessonCodes.isCancellation(AttendanceStatus.ATTENDED)).isFalse();
    }

    @Test
    void anOverlapIsReadFromTheProblemsExtensionMembersOnly() {
        GatewayProblem overlap = new GatewayProblem(409, "Conflict", "The tutor already has lesson 7", List.of(),
                null, Map.of("conflicting_lesson_id", "7", "conflicting_start_at", "2030-12-25T15:00+03:00"));
        assertThat(Overlap.of(overlap)).contains(new Overlap(7, OffsetDateTime.parse("2030-12-25T15:00+03:00")));

        GatewayProblem marked = new GatewayProblem(409, "Conflict", "already marked", List.of(), null);
        assertThat(Overlap.of(marked)).isEmpty();
        GatewayProblem notConflict = new GatewayProblem(400, "Bad", null, List.of(), null,
                Map.of("conflicting_lesson_id", "7"));
        assertThat(Overlap.of(notConflict)).isEmpty();
        GatewayProblem garbled = new GatewayProblem(409, "Conflict", null, List.of(), null,
                Map.of("conflicting_lesson_id", "seven"));
        assertThat(Overlap.of(garbled)).isEmpty();
    }

    @Test
    void startTimesAreSentWithTheOffsetAndSeconds() {
        ZonedDateTime moment = ZonedDateTime.of(2030, 12, 25, 15, 30, 0, 0, ZoneId.of("Europe/Moscow"));
        assertThat(LessonViews.iso(moment)).isEqualTo("2030-12-25T15:30:00+03:00");
        assertThat(LessonViews.shorten("  длинная   тема  ", 40)).isEqualTo("длинная тема");
        assertThat(LessonViews.shorten("x".repeat(50), 10)).hasSize(10).endsWith("…");
    }
}
