package ru.repitbot.achievement.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.NavigableSet;
import org.junit.jupiter.api.Test;

class StreakRuleTest {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static Instant at(ZoneId zone, int year, int month, int day, int hour, int minute) {
        return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, zone).toInstant();
    }

    @Test
    void consecutiveDaysMakeARunAndAGapEndsIt() {
        NavigableSet<LocalDate> days = StreakRule.days(List.of(at(MOSCOW, 2026, 3, 2, 16, 0),
                at(MOSCOW, 2026, 3, 3, 16, 0), at(MOSCOW, 2026, 3, 4, 10, 0), at(MOSCOW, 2026, 3, 6, 10, 0)), MOSCOW);
        assertThat(StreakRule.longest(days)).isEqualTo(3);
    }

    @Test
    void twoLessonsOnOneDayAreOneDay() {
        NavigableSet<LocalDate> days = StreakRule.days(List.of(at(MOSCOW, 2026, 3, 2, 10, 0),
                at(MOSCOW, 2026, 3, 2, 18, 0), at(MOSCOW, 2026, 3, 3, 9, 0)), MOSCOW);
        assertThat(StreakRule.longest(days)).isEqualTo(2);
    }

    @Test
    void theDayIsTheStudentsAcrossMidnight() {
        // 23:30 and 00:30 Moscow the next night: two days in a row for a student in Moscow.
        Instant late = at(MOSCOW, 2026, 3, 2, 23, 30);
        Instant nextNight = at(MOSCOW, 2026, 3, 4, 0, 30);
        Instant between = at(MOSCOW, 2026, 3, 3, 12, 0);
        assertThat(StreakRule.longest(StreakRule.days(List.of(late, between, nextNight), MOSCOW))).isEqualTo(3);
        // The same instants in UTC: 20:30 on the 2nd, 09:00 on the 3rd, 21:30 on the 3rd — two days, not three.
        assertThat(StreakRule.longest(StreakRule.days(List.of(late, between, nextNight), ZoneId.of("UTC"))))
                .isEqualTo(2);
    }

    @Test
    void aDaylightSavingChangeDoesNotBreakOrStretchARun() {
        // Berlin moves its clocks forward on 29 March 2026 at 02:00: that day has 23 hours.
        List<Instant> aroundSpringForward = List.of(at(BERLIN, 2026, 3, 28, 23, 45), at(BERLIN, 2026, 3, 29, 23, 45),
                at(BERLIN, 2026, 3, 30, 0, 15));
        NavigableSet<LocalDate> days = StreakRule.days(aroundSpringForward, BERLIN);
        assertThat(days).containsExactly(LocalDate.of(2026, 3, 28), LocalDate.of(2026, 3, 29),
                LocalDate.of(2026, 3, 30));
        assertThat(StreakRule.longest(days)).isEqualTo(3);
        // And back on 25 October 2026 (a 25-hour day): 00:30 and 23:30 are still one day apart from their neighbours.
        List<Instant> aroundFallBack = List.of(at(BERLIN, 2026, 10, 24, 23, 30), at(BERLIN, 2026, 10, 25, 0, 30),
                at(BERLIN, 2026, 10, 25, 23, 30), at(BERLIN, 2026, 10, 26, 0, 10));
        assertThat(StreakRule.longest(StreakRule.days(aroundFallBack, BERLIN))).isEqualTo(3);
    }

    @Test
    void theCurrentStreakEndsTodayOrYesterday() {
        NavigableSet<LocalDate> days = StreakRule.days(List.of(at(MOSCOW, 2026, 3, 2, 16, 0),
                at(MOSCOW, 2026, 3, 3, 16, 0), at(MOSCOW, 2026, 3, 4, 16, 0)), MOSCOW);
        assertThat(StreakRule.current(days, LocalDate.of(2026, 3, 4))).isEqualTo(3);
        assertThat(StreakRule.current(days, LocalDate.of(2026, 3, 5))).isEqualTo(3);
        assertThat(StreakRule.current(days, LocalDate.of(2026, 3, 6))).isZero();
        assertThat(StreakRule.current(days, LocalDate.of(2026, 3, 3))).as("days after today do not count")
                .isEqualTo(2);
        assertThat(StreakRule.current(StreakRule.days(List.of(), MOSCOW), LocalDate.of(2026, 3, 3))).isZero();
    }

    @Test
    void undatedLessonsHaveNoDay() {
        assertThat(StreakRule.days(java.util.Arrays.asList(null, at(MOSCOW, 2026, 3, 2, 16, 0)), MOSCOW)).hasSize(1);
    }
}
