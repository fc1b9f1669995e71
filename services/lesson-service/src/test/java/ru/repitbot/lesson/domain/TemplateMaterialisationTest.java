package ru.repitbot.lesson.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.repitbot.lesson.domain.TemplateMaterialisation.Occurrence;
import ru.repitbot.lesson.domain.WeeklySlots.Slot;

class TemplateMaterialisationTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void aMondaySlotStaysAtItsLocalTimeAcrossTheSpringDaylightSavingChange() {
        // Berlin switches to summer time on Sunday 2025-03-30: Monday 18:00 is 17:00Z before and 16:00Z after.
        Instant now = Instant.parse("2025-03-20T12:00:00Z");
        List<Occurrence> lessons = TemplateMaterialisation.occurrences(
                List.of(new Slot(DayOfWeek.MONDAY, LocalTime.of(18, 0), 60, null)), BERLIN, now, 3);

        assertThat(lessons).extracting(Occurrence::start).containsExactly(
                Instant.parse("2025-03-24T17:00:00Z"),
                Instant.parse("2025-03-31T16:00:00Z"),
                Instant.parse("2025-04-07T16:00:00Z"));
        assertThat(lessons).allSatisfy(o -> {
            assertThat(o.start().atZone(BERLIN).toLocalTime()).isEqualTo(LocalTime.of(18, 0));
            assertThat(o.start().atZone(BERLIN).getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        });
    }

    @Test
    void andAcrossTheAutumnChange() {
        // Winter time from Sunday 2025-10-26: Monday 18:00 is 16:00Z before and 17:00Z after.
        Instant now = Instant.parse("2025-10-15T00:00:00Z");
        List<Occurrence> lessons = TemplateMaterialisation.occurrences(
                List.of(new Slot(DayOfWeek.MONDAY, LocalTime.of(18, 0), 60, null)), BERLIN, now, 2);
        assertThat(lessons).extracting(Occurrence::start).containsExactly(
                Instant.parse("2025-10-20T16:00:00Z"), Instant.parse("2025-10-27T17:00:00Z"));
    }

    @Test
    void aTimeInTheSpringGapMovesForward() {
        // 02:30 does not exist in Berlin on 2025-03-30.
        Instant now = Instant.parse("2025-03-29T00:00:00Z");
        List<Occurrence> lessons = TemplateMaterialisation.occurrences(
                List.of(new Slot(DayOfWeek.SUNDAY, LocalTime.of(2, 30), 60, null)), BERLIN, now, 1);
        assertThat(lessons).extracting(Occurrence::start).containsExactly(Instant.parse("2025-03-30T01:30:00Z"));
    }

    @Test
    void pastTimesAreSkippedAndTheWindowEndsAfterTheWeeks() {
        ZoneId kaliningrad = ZoneId.of("Europe/Kaliningrad");
        // Wednesday 2030-03-06 16:00 local (14:00Z); the 15:00 slot that day has passed.
        Instant now = Instant.parse("2030-03-06T14:00:00Z");
        List<Slot> slots = List.of(new Slot(DayOfWeek.WEDNESDAY, LocalTime.of(15, 0), 60, "Алгебра"),
                new Slot(DayOfWeek.FRIDAY, LocalTime.of(10, 0), 45, null));
        List<Occurrence> lessons = TemplateMaterialisation.occurrences(slots, kaliningrad, now, 2);
        assertThat(lessons).extracting(Occurrence::start).containsExactly(
                Instant.parse("2030-03-08T08:00:00Z"),
                Instant.parse("2030-03-13T13:00:00Z"),
                Instant.parse("2030-03-15T08:00:00Z"),
                // two weeks from now (14:00Z) still includes the Wednesday slot at 13:00Z
                Instant.parse("2030-03-20T13:00:00Z"));
        assertThat(lessons).extracting(Occurrence::topic).containsExactly(TemplateMaterialisation.DEFAULT_TOPIC,
                "Алгебра", TemplateMaterialisation.DEFAULT_TOPIC, "Алгебра");
        assertThat(lessons).extracting(Occurrence::durationMinutes).containsExactly(45, 60, 45, 60);
    }

    @Test
    void anEmptyTemplateAsksForNothing() {
        assertThat(TemplateMaterialisation.occurrences(List.of(), BERLIN, Instant.now(), 4)).isEmpty();
    }

    @Test
    void weeksMustBePositive() {
        assertThatThrownBy(() -> TemplateMaterialisation.occurrences(List.of(), BERLIN, Instant.now(), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
