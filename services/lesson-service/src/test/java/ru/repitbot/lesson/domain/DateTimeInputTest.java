package ru.repitbot.lesson.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import ru.repitbot.models.errors.InvalidFieldException;

class DateTimeInputTest {

    static final ZoneId KALININGRAD = ZoneId.of("Europe/Kaliningrad");

    @Test
    void anOffsetIsTakenAsGiven() {
        assertThat(DateTimeInput.parse("start_at", "2030-03-04T18:00:00+03:00", KALININGRAD))
                .isEqualTo(Instant.parse("2030-03-04T15:00:00Z"));
        assertThat(DateTimeInput.parse("start_at", "2030-03-04T18:00Z", KALININGRAD))
                .isEqualTo(Instant.parse("2030-03-04T18:00:00Z"));
    }

    @Test
    void withoutAnOffsetTheStudentsZoneIsUsed() {
        assertThat(DateTimeInput.parse("start_at", "2030-03-04T18:00", KALININGRAD))
                .isEqualTo(Instant.parse("2030-03-04T16:00:00Z"));
    }

    @Test
    void aDateBoundIsTheStartOfTheDayOrOfTheNextOne() {
        assertThat(DateTimeInput.parseBound("from", "2030-03-04", KALININGRAD, false))
                .isEqualTo(Instant.parse("2030-03-03T22:00:00Z"));
        assertThat(DateTimeInput.parseBound("to", "2030-03-04", KALININGRAD, true))
                .isEqualTo(Instant.parse("2030-03-04T22:00:00Z"));
    }

    @Test
    void nonsenseIsRefusedNamingTheField() {
        for (String bad : new String[] {"tomorrow", "2030-13-01T10:00:00Z", "04.03.2030 18:00", "", "9999-01-01T00:00Z"}) {
            assertThatThrownBy(() -> DateTimeInput.parse("start_at", bad, KALININGRAD))
                    .as(bad).isInstanceOf(InvalidFieldException.class)
                    .satisfies(e -> assertThat(((InvalidFieldException) e).field()).isEqualTo("start_at"));
        }
        assertThatThrownBy(() -> DateTimeInput.parseBound("from", "2030-02-30", KALININGRAD, false))
                .isInstanceOf(InvalidFieldException.class);
    }
}
