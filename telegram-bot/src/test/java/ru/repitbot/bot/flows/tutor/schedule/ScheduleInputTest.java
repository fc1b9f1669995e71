package ru.repitbot.bot.flows.tutor.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.repitbot.bot.flows.tutor.schedule.ScheduleData.Slot;
import ru.repitbot.bot.flows.tutor.schedule.ScheduleData.Template;

class ScheduleInputTest {

    @Test
    void timesOfDayAreReadAsTyped() {
        assertThat(ScheduleFlow.time("18:30")).isEqualTo("18:30");
        assertThat(ScheduleFlow.time("9:05")).isEqualTo("09:05");
        assertThat(ScheduleFlow.time(" 18.30 ")).isEqualTo("18:30");
        assertThat(ScheduleFlow.time("00:00")).isEqualTo("00:00");
        assertThat(ScheduleFlow.time("24:00")).isNull();
        assertThat(ScheduleFlow.time("18:60")).isNull();
        assertThat(ScheduleFlow.time("18")).isNull();
        assertThat(ScheduleFlow.time("вечером")).isNull();
        assertThat(ScheduleFlow.time(null)).isNull();
    }

    @Test
    void slotsAreOrderedByWeekdayThenTimeAndKnowTheirDay() {
        Template template = new Template(1, 2L, null, "Europe/Moscow", List.of(
                new Slot("wednesday", "18:00", 60, null),
                new Slot("monday", "16:00", 45, null),
                new Slot("monday", "09:00", 45, "Утро")), null);
        assertThat(template.ordered()).extracting(Slot::time).containsExactly("09:00", "16:00", "18:00");
        assertThat(template.ordered().getFirst().day()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(template.ordered().getFirst().compactTime()).isEqualTo("0900");
        assertThat(Slot.weekday(DayOfWeek.SUNDAY)).isEqualTo("sunday");
    }
}
