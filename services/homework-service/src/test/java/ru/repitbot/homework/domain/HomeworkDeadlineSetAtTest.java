package ru.repitbot.homework.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code deadline_set_at}: when the deadline got its current value, which the deadline reminder reads
 * (docs/domain/notifications.md#reminders). Only a new deadline moves it.
 */
class HomeworkDeadlineSetAtTest {

    private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");
    private static final KnownLesson LESSON = new KnownLesson(7, 1, 2, "Дроби", NOW.plus(Duration.ofDays(1)), false);
    private static final Instant DEADLINE = NOW.plus(Duration.ofDays(7));

    private static Homework assigned(Instant at) {
        return Homework.assign(LESSON, "Решить №1-5", DEADLINE, null, List.of(), List.of(), "1", at);
    }

    @Test
    void theAssignmentSetsIt() {
        assertThat(assigned(NOW).deadlineSetAt()).isEqualTo(NOW);
    }

    @Test
    void itIsKeptToTheMicrosecondAsTheDatabaseKeepsIt() {
        assertThat(assigned(NOW.plusNanos(1_234_567)).deadlineSetAt()).isEqualTo(NOW.plusNanos(1_234_000));
    }

    @Test
    void aNewDeadlineSetsItAnew() {
        Homework h = assigned(NOW);
        Instant later = NOW.plus(Duration.ofHours(2));
        h.edit(null, DEADLINE.plus(Duration.ofDays(1)), null, false, null, null, later);
        assertThat(h.deadlineSetAt()).isEqualTo(later);
    }

    @Test
    void editsThatKeepTheDeadlineKeepIt() {
        Homework h = assigned(NOW);
        Instant later = NOW.plus(Duration.ofHours(2));
        h.edit("Решить №1-10", DEADLINE, "https://example.org", false, List.of("photo"), List.of(), later);
        h.submit("ответ", List.of(), null, later);
        h.returnForRework("ещё раз", later);
        assertThat(h.deadlineSetAt()).isEqualTo(NOW);
        assertThat(h.updatedAt()).isEqualTo(later);
    }
}
