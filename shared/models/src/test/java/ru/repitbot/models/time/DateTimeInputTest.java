package ru.repitbot.models.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import ru.repitbot.models.errors.InvalidFieldException;

/** The one way dates and times are read from requests, and the one meaning of a {@code from}/{@code to} range. */
class DateTimeInputTest {

    static final ZoneId KALININGRAD = ZoneId.of("Europe/Kaliningrad");

    @Test
    void anOffsetIsTakenAsGivenAndWithoutOneTheStudentsZoneIsUsed() {
        assertThat(DateTimeInput.dateTime("start_at", "2030-03-04T18:00:00+03:00", KALININGRAD))
                .isEqualTo(Instant.parse("2030-03-04T15:00:00Z"));
        assertThat(DateTimeInput.dateTime("start_at", "2030-03-04T18:00:00.750Z", KALININGRAD))
                .isEqualTo(Instant.parse("2030-03-04T18:00:00Z"));
        assertThat(DateTimeInput.dateTime("start_at", "2030-03-04T18:00", KALININGRAD))
                .isEqualTo(Instant.parse("2030-03-04T16:00:00Z"));
    }

    @Test
    void aDayIsItsFirstMomentOrTheWholeOfIt() {
        assertThat(DateTimeInput.startOf("paid_at", "2030-03-04", KALININGRAD))
                .isEqualTo(Instant.parse("2030-03-03T22:00:00Z"));
        assertThat(DateTimeInput.endOf("deadline", "2030-03-04", KALININGRAD))
                .isEqualTo(Instant.parse("2030-03-04T21:59:59Z"));
        assertThat(DateTimeInput.endOf("deadline", "04.03.2030", KALININGRAD))
                .isEqualTo(Instant.parse("2030-03-04T21:59:59Z"));
        assertThatThrownBy(() -> DateTimeInput.dateTime("start_at", "2030-03-04", KALININGRAD))
                .isInstanceOf(InvalidFieldException.class);
    }

    @Test
    void anInclusiveToTakesInTheWholeDayOrTheMomentItself() {
        DateRange day = DateRange.parse("2026-12-01", "2026-12-31", KALININGRAD);
        assertThat(day.includes(Instant.parse("2026-12-31T21:59:59.999999Z"))).isTrue();
        assertThat(day.includes(Instant.parse("2026-12-31T22:00:00Z"))).as("1 January in Kaliningrad").isFalse();
        assertThat(day.includes(Instant.parse("2026-11-30T22:00:00Z"))).isTrue();
        assertThat(day.includes(Instant.parse("2026-11-30T21:59:59Z"))).isFalse();

        DateRange moment = DateRange.parse(null, "2026-12-31T18:00:00+02:00", KALININGRAD);
        assertThat(moment.includes(Instant.parse("2026-12-31T16:00:00Z"))).as("to= itself").isTrue();
        assertThat(moment.includes(Instant.parse("2026-12-31T16:00:01Z"))).isFalse();
        assertThat(moment.to()).isAfterOrEqualTo(Instant.parse("2026-12-31T16:00:00Z"));
    }

    @Test
    void aRangeBackwardsIsRefusedNamingTo() {
        assertThatThrownBy(() -> DateRange.parse("2026-12-31", "2026-12-01", KALININGRAD))
                .isInstanceOf(InvalidFieldException.class)
                .satisfies(e -> assertThat(((InvalidFieldException) e).field()).isEqualTo("to"));
        assertThat(DateRange.parse("2026-12-31", "2026-12-31", KALININGRAD).includes(
                Instant.parse("2026-12-31T12:00:00Z"))).as("one day").isTrue();
    }

    @Test
    void onlyTheYears2000To2100AreAccepted() {
        assertThat(DateTimeInput.dateTime("start_at", "2000-01-01T00:00:00+02:00", KALININGRAD)).isNotNull();
        assertThat(DateTimeInput.endOf("deadline", "31.12.2100", KALININGRAD)).isNotNull();
        for (String bad : new String[] {"1999-12-31T10:00:00Z", "2101-01-01T00:00:00Z", "9999-01-01T00:00Z",
                "0001-01-01T00:00Z",
                "+999999999-12-31T23:59:59-18:00", "-999999999-01-01T00:00+18:00"}) {
            assertThatThrownBy(() -> DateTimeInput.dateTime("start_at", bad, KALININGRAD))
                    .as(bad).isInstanceOf(InvalidFieldException.class)
                    .satisfies(e -> assertThat(((InvalidFieldException) e).field()).isEqualTo("start_at"))
                    .hasMessageContaining("2000 and 2100");
        }
        assertThatThrownBy(() -> DateRange.parse(null, "2101-01-01", KALININGRAD))
                .satisfies(e -> assertThat(((InvalidFieldException) e).field()).isEqualTo("to"));
    }

    @Test
    void nonsenseIsRefusedNamingTheField() {
        for (String bad : new String[] {"tomorrow", "2030-13-01T10:00:00Z", "04.03.2030 18:00", "", " ",
                "2030-02-30", "x".repeat(100)}) {
            assertThatThrownBy(() -> DateTimeInput.startOf("from", bad, KALININGRAD))
                    .as(bad).isInstanceOf(InvalidFieldException.class)
                    .satisfies(e -> assertThat(((InvalidFieldException) e).field()).isEqualTo("from"));
        }
    }
}
