package ru.repitbot.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class QuietHoursTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId KALININGRAD = ZoneId.of("Europe/Kaliningrad");
    private static final ZoneId VLADIVOSTOK = ZoneId.of("Asia/Vladivostok");

    private static Instant at(String local, ZoneId zone) {
        return LocalDateTime.parse(local).atZone(zone).toInstant();
    }

    @Test
    void aNightSpanningMidnightIsQuietFromItsStartUntilItsEnd() {
        QuietHours night = QuietHours.NIGHT;
        assertThat(night.isQuietAt(at("2026-12-06T21:59", BERLIN), BERLIN)).isFalse();
        assertThat(night.isQuietAt(at("2026-12-06T22:00", BERLIN), BERLIN)).isTrue();
        assertThat(night.isQuietAt(at("2026-12-07T03:00", BERLIN), BERLIN)).isTrue();
        assertThat(night.isQuietAt(at("2026-12-07T07:59", BERLIN), BERLIN)).isTrue();
        assertThat(night.isQuietAt(at("2026-12-07T08:00", BERLIN), BERLIN)).isFalse();
    }

    @Test
    void aMessageInTheQuietHoursWaitsUntilTheMorningOnThePersonsOwnClock() {
        assertThat(QuietHours.NIGHT.releaseAt(at("2026-12-06T23:30", BERLIN), BERLIN))
                .isEqualTo(at("2026-12-07T08:00", BERLIN));
        assertThat(QuietHours.NIGHT.releaseAt(at("2026-12-07T02:00", BERLIN), BERLIN))
                .isEqualTo(at("2026-12-07T08:00", BERLIN));
        Instant afternoon = at("2026-12-07T15:00", BERLIN);
        assertThat(QuietHours.NIGHT.releaseAt(afternoon, BERLIN)).isEqualTo(afternoon);
        // The same instant is night in Vladivostok and afternoon in Kaliningrad.
        Instant instant = at("2026-12-07T14:30", KALININGRAD); // 22:30 in Vladivostok
        assertThat(QuietHours.NIGHT.releaseAt(instant, KALININGRAD)).isEqualTo(instant);
        assertThat(QuietHours.NIGHT.releaseAt(instant, VLADIVOSTOK)).isEqualTo(at("2026-12-08T08:00", VLADIVOSTOK));
    }

    @Test
    void aDaytimeWindowDoesNotSpanMidnight() {
        QuietHours school = new QuietHours(LocalTime.of(9, 0), LocalTime.of(14, 0));
        assertThat(school.isQuietAt(at("2026-12-07T08:59", BERLIN), BERLIN)).isFalse();
        assertThat(school.releaseAt(at("2026-12-07T10:00", BERLIN), BERLIN)).isEqualTo(at("2026-12-07T14:00", BERLIN));
        assertThat(school.isQuietAt(at("2026-12-07T23:00", BERLIN), BERLIN)).isFalse();
    }

    @Test
    void noQuietHoursNeverHoldAnything() {
        assertThat(QuietHours.NONE.isNone()).isTrue();
        Instant midnight = at("2026-12-07T00:00", BERLIN);
        assertThat(QuietHours.NONE.releaseAt(midnight, BERLIN)).isEqualTo(midnight);
        assertThatThrownBy(() -> new QuietHours(null, LocalTime.NOON)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nightsWithADaylightSavingChangeStayQuietUntilEightLocal() {
        // Spring: 02:00 → 03:00 on 2026-03-29 in Berlin and on 2026-03-08 in New York (a 9 h night of 10 wall hours).
        assertThat(QuietHours.NIGHT.releaseAt(at("2026-03-28T23:00", BERLIN), BERLIN))
                .isEqualTo(Instant.parse("2026-03-29T06:00:00Z"));
        assertThat(QuietHours.NIGHT.releaseAt(at("2026-03-07T23:00", NEW_YORK), NEW_YORK))
                .isEqualTo(Instant.parse("2026-03-08T12:00:00Z"));
        // Autumn: 03:00 → 02:00 on 2026-10-25 in Berlin, 02:00 → 01:00 on 2026-11-01 in New York.
        assertThat(QuietHours.NIGHT.releaseAt(at("2026-10-24T23:00", BERLIN), BERLIN))
                .isEqualTo(Instant.parse("2026-10-25T07:00:00Z"));
        assertThat(QuietHours.NIGHT.releaseAt(at("2026-10-31T23:00", NEW_YORK), NEW_YORK))
                .isEqualTo(Instant.parse("2026-11-01T13:00:00Z"));
        // Inside the repeated hour (the second 02:30 in Berlin) it is still night.
        Instant secondHalfPastTwo = ZonedDateTime.ofLocal(LocalDateTime.parse("2026-10-25T02:30"), BERLIN, null)
                .withLaterOffsetAtOverlap().toInstant();
        assertThat(QuietHours.NIGHT.releaseAt(secondHalfPastTwo, BERLIN)).isEqualTo(at("2026-10-25T08:00", BERLIN));
    }

    @Test
    void anEndThatASpringChangeSkipsIsReadAsTheFirstMomentAfterTheGap() {
        QuietHours untilHalfPastTwo = new QuietHours(LocalTime.of(23, 0), LocalTime.of(2, 30));
        assertThat(untilHalfPastTwo.releaseAt(at("2026-03-29T00:30", BERLIN), BERLIN))
                .isEqualTo(at("2026-03-29T03:30", BERLIN));
    }

    @Test
    void propertyTheReleaseIsNeverEarlierAndNeverInsideTheQuietHours() {
        Random random = new Random(20261206L);
        List<ZoneId> zones = List.of(BERLIN, NEW_YORK, KALININGRAD, VLADIVOSTOK, ZoneId.of("Asia/Kolkata"),
                ZoneId.of("Australia/Lord_Howe"));
        Instant from = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < 20_000; i++) {
            ZoneId zone = zones.get(random.nextInt(zones.size()));
            QuietHours hours = new QuietHours(LocalTime.of(random.nextInt(24), random.nextInt(4) * 15),
                    LocalTime.of(random.nextInt(24), random.nextInt(4) * 15));
            Instant now = from.plusSeconds(random.nextLong(Duration.ofDays(366).toSeconds()));
            Instant release = hours.releaseAt(now, zone);
            assertThat(release).as("%s %s %s", hours, zone, now).isAfterOrEqualTo(now);
            assertThat(hours.isQuietAt(release, zone)).as("%s %s %s -> %s", hours, zone, now, release).isFalse();
            assertThat(Duration.between(now, release)).isLessThanOrEqualTo(Duration.ofHours(25));
        }
    }
}
