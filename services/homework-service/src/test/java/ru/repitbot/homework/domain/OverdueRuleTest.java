package ru.repitbot.homework.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import ru.repitbot.models.HomeworkStatus;

class OverdueRuleTest {

    private static final Instant NOW = Instant.parse("2025-03-10T12:00:00Z");

    @Test
    void pendingAfterTheDeadlineIsOverdue() {
        assertThat(OverdueRule.isOverdue(HomeworkStatus.PENDING, NOW.minusSeconds(1), NOW)).isTrue();
        assertThat(OverdueRule.isOverdue(HomeworkStatus.PENDING, NOW.minus(Duration.ofDays(30)), NOW)).isTrue();
    }

    @Test
    void pendingBeforeOrAtTheDeadlineIsNot() {
        assertThat(OverdueRule.isOverdue(HomeworkStatus.PENDING, NOW.plusSeconds(1), NOW)).isFalse();
        assertThat(OverdueRule.isOverdue(HomeworkStatus.PENDING, NOW, NOW)).isFalse();
    }

    @Test
    void handedInOrCheckedHomeworkIsNeverOverdue() {
        Instant past = NOW.minus(Duration.ofDays(3));
        assertThat(OverdueRule.isOverdue(HomeworkStatus.SUBMITTED, past, NOW)).isFalse();
        assertThat(OverdueRule.isOverdue(HomeworkStatus.CHECKED, past, NOW)).isFalse();
    }

    @Test
    void noDeadlineNeverOverdue() {
        assertThat(OverdueRule.isOverdue(HomeworkStatus.PENDING, null, NOW)).isFalse();
    }
}
