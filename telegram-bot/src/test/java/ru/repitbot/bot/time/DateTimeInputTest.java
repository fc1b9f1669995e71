package ru.repitbot.bot.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** "Now" is Sunday 6 December 2026, 10:00 in Moscow (07:00 UTC). */
class DateTimeInputTest {

    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    static final Clock NOW = Clock.fixed(Instant.parse("2026-12-06T07:00:00Z"), ZoneOffset.UTC);
    final DateTimeInput input = new DateTimeInput(NOW);

    private LocalDateTime parse(String text) {
        return input.parse(text, MOSCOW).map(ZonedDateTime::toLocalDateTime).orElse(null);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "25.12.2026 15:30 | 2026-12-25T15:30",
        "25.12.26 15:30 | 2026-12-25T15:30",
        "2026-12-25 15:30 | 2026-12-25T15:30",
        "15:30 25.12.2026 | 2026-12-25T15:30",
        "25.12 15:30 | 2026-12-25T15:30",
        "15:30 25.12 | 2026-12-25T15:30",
        "  25.12   15:30  | 2026-12-25T15:30",
        "1.1 9:05 | 2027-01-01T09:05",
        "сегодня 18:00 | 2026-12-06T18:00",
        "Сегодня в 18:00 | 2026-12-06T18:00",
        "завтра 15:00 | 2026-12-07T15:00",
        "завтра в 7:00 | 2026-12-07T07:00",
        "послезавтра 9:30 | 2026-12-08T09:30",
        "today 18:00 | 2026-12-06T18:00",
        "tomorrow 15:00 | 2026-12-07T15:00",
        "tomorrow 3pm | 2026-12-07T15:00",
        "tomorrow at 3:30 pm | 2026-12-07T15:30",
        "day after tomorrow 9:30 | 2026-12-08T09:30",
        "tomorrow 12am | 2026-12-07T00:00",
        "tomorrow 12pm | 2026-12-07T12:00",
    })
    void readsDatesAndTimesAsPeopleTypeThem(String text, String expected) {
        assertThat(parse(text)).isEqualTo(LocalDateTime.parse(expected));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        // Today is Sunday: every weekday is the coming one.
        "пн 15:00 | 2026-12-07T15:00",
        "понедельник 15:00 | 2026-12-07T15:00",
        "в понедельник 15:00 | 2026-12-07T15:00",
        "вт 10:00 | 2026-12-08T10:00",
        "во вторник 10:00 | 2026-12-08T10:00",
        "в среду 18:30 | 2026-12-09T18:30",
        "ср 18:30 | 2026-12-09T18:30",
        "среда 18:30 | 2026-12-09T18:30",
        "чт 8:00 | 2026-12-10T08:00",
        "в пятницу 17:00 | 2026-12-11T17:00",
        "сб 12:00 | 2026-12-12T12:00",
        "в субботу 12:00 | 2026-12-12T12:00",
        "mon 15:00 | 2026-12-07T15:00",
        "Monday 15:00 | 2026-12-07T15:00",
        "on friday 6:30 pm | 2026-12-11T18:30",
        "wed 18:30 | 2026-12-09T18:30",
        "thurs 9:00 | 2026-12-10T09:00",
        "15:00 пн | 2026-12-07T15:00",
    })
    void weekdaysMeanTheComingSuchDay(String text, String expected) {
        assertThat(parse(text)).isEqualTo(LocalDateTime.parse(expected));
    }

    @Test
    void todaysWeekdayIsTodayWhileTheTimeIsAheadAndNextWeekOnceItPassed() {
        assertThat(parse("вс 18:00")).isEqualTo(LocalDateTime.parse("2026-12-06T18:00"));
        assertThat(parse("воскресенье 9:00")).isEqualTo(LocalDateTime.parse("2026-12-13T09:00"));
        assertThat(parse("sun 10:00")).as("exactly now counts as passed").isEqualTo(
                LocalDateTime.parse("2026-12-13T10:00"));
    }

    @Test
    void aDateWithoutAYearIsThisYearOrTheNextOnceItHasPassed() {
        assertThat(parse("06.12 18:00")).isEqualTo(LocalDateTime.parse("2026-12-06T18:00"));
        assertThat(parse("06.12 9:00")).isEqualTo(LocalDateTime.parse("2027-12-06T09:00"));
        assertThat(parse("01.03 10:00")).isEqualTo(LocalDateTime.parse("2027-03-01T10:00"));
    }

    @Test
    void pastMomentsWithAYearAreKeptAsTypedAndReportedPast() {
        ZonedDateTime past = input.parse("01.12.2026 15:00", MOSCOW).orElseThrow();
        assertThat(past.toLocalDateTime()).isEqualTo(LocalDateTime.parse("2026-12-01T15:00"));
        assertThat(input.isPast(past)).isTrue();
        assertThat(input.isPast(input.parse("сегодня 9:59", MOSCOW).orElseThrow())).isTrue();
        assertThat(input.isPast(input.parse("сегодня 10:01", MOSCOW).orElseThrow())).isFalse();
    }

    @Test
    void theTimeIsReadInThePersonsZone() {
        ZonedDateTime moscow = input.parse("завтра 15:00", MOSCOW).orElseThrow();
        ZonedDateTime kaliningrad = input.parse("завтра 15:00", ZoneId.of("Europe/Kaliningrad")).orElseThrow();
        assertThat(moscow.toInstant()).isEqualTo(Instant.parse("2026-12-07T12:00:00Z"));
        assertThat(kaliningrad.toInstant()).isEqualTo(Instant.parse("2026-12-07T13:00:00Z"));
        // In Vladivostok it is already 17:00 on Sunday: "today 16:00" has passed there.
        assertThat(input.isPast(input.parse("сегодня 16:00", ZoneId.of("Asia/Vladivostok")).orElseThrow())).isTrue();
    }

    @Test
    void aTimeInTheSpringGapMovesForward() {
        Clock march = Clock.fixed(Instant.parse("2027-03-20T12:00:00Z"), ZoneOffset.UTC);
        ZonedDateTime gap = new DateTimeInput(march).parse("28.03.2027 2:30", ZoneId.of("Europe/Berlin"))
                .orElseThrow();
        assertThat(gap.toLocalDateTime()).isEqualTo(LocalDateTime.parse("2027-03-28T03:30"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "завтра", "15:00", "32.12 15:00", "25.13 15:00", "29.02.2027 10:00",
        "25.12 25:00", "25.12 15:60", "abc", "завтра 15:00 18:00", "пн вт 15:00", "15.30", "tomorrow 13pm",
        "tomorrow 0am", "вчера 15:00", "25.12.2026", "/skip", "завтра 1500"})
    void anythingElseIsNotADateAndTime(String text) {
        assertThat(input.parse(text, MOSCOW)).as(text).isEmpty();
    }

    @Test
    void yearsTheServicesRefuseAreNoDates() {
        assertThat(input.parse("25.12.2101 15:00", MOSCOW)).isEmpty();
        assertThat(input.parse("2999-12-25 15:00", MOSCOW)).isEmpty();
        assertThat(input.parse("25.12.1999 15:00", MOSCOW)).isEmpty();
        assertThat(input.parseDate("01.01.2101", MOSCOW)).isEmpty();
        assertThat(input.parseDate("31.12.2100", MOSCOW)).contains(LocalDate.parse("2100-12-31"));
    }

    @Test
    void nullIsNotADateAndTime() {
        assertThat(input.parse(null, MOSCOW)).isEmpty();
        assertThat(input.parseDate(null, MOSCOW)).isEmpty();
    }

    @Test
    void readsDatesWithoutATime() {
        assertThat(input.parseDate("25.12.2026", MOSCOW)).contains(LocalDate.parse("2026-12-25"));
        assertThat(input.parseDate("25.12", MOSCOW)).contains(LocalDate.parse("2026-12-25"));
        assertThat(input.parseDate("01.12", MOSCOW)).contains(LocalDate.parse("2027-12-01"));
        assertThat(input.parseDate("06.12", MOSCOW)).as("today").contains(LocalDate.parse("2026-12-06"));
        assertThat(input.parseDate("завтра", MOSCOW)).contains(LocalDate.parse("2026-12-07"));
        assertThat(input.parseDate("tomorrow", MOSCOW)).contains(LocalDate.parse("2026-12-07"));
        assertThat(input.parseDate("в среду", MOSCOW)).contains(LocalDate.parse("2026-12-09"));
        assertThat(input.parseDate("вс", MOSCOW)).as("today is Sunday").contains(LocalDate.parse("2026-12-06"));
        assertThat(input.parseDate("завтра 15:00", MOSCOW)).as("a time is not a date").isEmpty();
        assertThat(input.parseDate("31.02", MOSCOW)).isEmpty();
    }

    @Test
    void showsTimesBackInThePersonsZone() {
        var lesson = java.time.OffsetDateTime.parse("2026-12-07T15:00:00+03:00");
        assertThat(DateTimeText.dateTime(lesson, ZoneId.of("Europe/Kaliningrad"))).isEqualTo("07.12.2026 14:00");
        assertThat(DateTimeText.withWeekday(lesson, MOSCOW, ru.repitbot.bot.i18n.Language.RU))
                .isEqualTo("пн 07.12.2026 15:00");
        assertThat(DateTimeText.withWeekday(lesson, MOSCOW, ru.repitbot.bot.i18n.Language.EN))
                .isEqualTo("Mon 07.12.2026 15:00");
        assertThat(DateTimeText.dateTime((Instant) null, MOSCOW)).isEqualTo("—");
    }
}
