package ru.repitbot.homework.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import ru.repitbot.models.errors.InvalidFieldException;

class DeadlineInputTest {

    private static final ZoneId KALININGRAD = ZoneId.of("Europe/Kaliningrad");
    private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");

    @Test
    void aDateMeansTheEndOfThatDayInTheStudentsZone() {
        assertThat(DeadlineInput.parseFuture("deadline", " 10.03.2025 ", KALININGRAD, NOW))
                .isEqualTo(Instant.parse("2025-03-10T21:59:59Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tomorrow", "2025-13-01", "32.01.2025", "2025-03-10T25:00", "31.02.2025", "1741600000", ""})
    void anythingElseNamesTheField(String raw) {
        assertThatThrownBy(() -> DeadlineInput.parseFuture("deadline", raw, KALININGRAD, NOW))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("deadline"));
    }

    @Test
    void aNewDeadlineMustBeInTheFuture() {
        assertThatThrownBy(() -> DeadlineInput.parseFuture("deadline", "2025-02-28", KALININGRAD, NOW))
                .isInstanceOfSatisfying(InvalidFieldException.class,
                        e -> assertThat(e.reason()).isEqualTo("must be in the future"));
        assertThatThrownBy(() -> DeadlineInput.parseFuture("deadline", "2025-03-01T10:00:00Z", KALININGRAD, NOW))
                .isInstanceOf(InvalidFieldException.class);
        assertThat(DeadlineInput.parseFuture("deadline", "2025-03-01", KALININGRAD, NOW))
                .as("today still counts until its end").isAfter(NOW);
    }

    @Test
    void aDeadlineYearsAheadIsRefused() {
        assertThatThrownBy(() -> DeadlineInput.parseFuture("deadline", "+99999-01-01T00:00:00Z", KALININGRAD, NOW))
                .isInstanceOf(InvalidFieldException.class);
        assertThatThrownBy(() -> DeadlineInput.parseFuture("deadline", "2040-01-01", KALININGRAD, NOW))
                .isInstanceOf(InvalidFieldException.class);
    }
}
