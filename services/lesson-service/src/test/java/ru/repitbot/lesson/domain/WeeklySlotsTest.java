package ru.repitbot.lesson.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.repitbot.lesson.domain.WeeklySlots.Clash;
import ru.repitbot.lesson.domain.WeeklySlots.Slot;

class WeeklySlotsTest {

    static Slot slot(DayOfWeek day, String time, int minutes) {
        return new Slot(day, LocalTime.parse(time), minutes, null);
    }

    @Test
    void overlappingSlotsOnTheSameDayClash() {
        assertThat(WeeklySlots.firstOverlap(List.of(slot(DayOfWeek.MONDAY, "18:00", 60),
                slot(DayOfWeek.TUESDAY, "18:00", 60), slot(DayOfWeek.MONDAY, "18:30", 60))))
                .contains(new Clash(0, 2));
    }

    @Test
    void touchingSlotsAndOtherDaysAreFine() {
        assertThat(WeeklySlots.firstOverlap(List.of(slot(DayOfWeek.MONDAY, "18:00", 60),
                slot(DayOfWeek.MONDAY, "19:00", 60), slot(DayOfWeek.WEDNESDAY, "18:00", 60)))).isEmpty();
    }

    @Test
    void aSlotRunningPastMidnightClashesWithTheNextMorning() {
        assertThat(WeeklySlots.firstOverlap(List.of(slot(DayOfWeek.MONDAY, "23:30", 90),
                slot(DayOfWeek.TUESDAY, "00:30", 30)))).contains(new Clash(0, 1));
        // Sunday night into Monday morning wraps around the week.
        assertThat(WeeklySlots.firstOverlap(List.of(slot(DayOfWeek.MONDAY, "00:15", 30),
                slot(DayOfWeek.SUNDAY, "23:45", 60)))).contains(new Clash(0, 1));
    }
}
