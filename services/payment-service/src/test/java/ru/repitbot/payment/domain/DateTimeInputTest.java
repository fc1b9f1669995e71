package ru.repitbot.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import ru.repitbot.models.errors.InvalidFieldException;

class DateTimeInputTest {

    private static final ZoneId KALININGRAD = ZoneId.of("Europe/Kaliningrad");

    @Test
    void acceptsAnOffsetALocalDateTimeOrADate() {
        assertThat(DateTimeInput.parse("paid_at", "2025-03-03T16:30:00+02:00", KALININGRAD))
                .isEqualTo(Instant.parse("2025-03-03T14:30:00Z"));
        assertThat(DateTimeInput.parse("paid_at", "2025-03-03T14:30:00Z", KALININGRAD))
                .isEqualTo(Instant.parse("2025-03-03T14:30:00Z"));
        assertThat(DateTimeInput.parse("paid_at", "2025-03-03T16:30", KALININGRAD))
                .isEqualTo(Instant.parse("2025-03-03T14:30:00Z"));
        assertThat(DateTimeInput.parse("paid_at", "2025-03-03", KALININGRAD))
                .isEqualTo(Instant.parse("2025-03-02T22:00:00Z"));
    }

    @Test
    void anUpperBoundDateIncludesTheWholeDay() {
        assertThat(DateTimeInput.parseBound("to", "2025-03-03", KALININGRAD, true))
                .isEqualTo(Instant.parse("2025-03-03T21:59:59.999999999Z"));
    }

    @Test
    void anythingElseNamesTheField() {
        for (String bad : new String[] {"", "yesterday", "03.03.2025", "2025-13-01", "x".repeat(100)}) {
            assertThatThrownBy(() -> DateTimeInput.parse("paid_at", bad, KALININGRAD))
                    .isInstanceOfSatisfying(InvalidFieldException.class,
                            e -> assertThat(e.field()).isEqualTo("paid_at"));
        }
    }
}
