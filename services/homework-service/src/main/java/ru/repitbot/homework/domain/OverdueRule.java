package ru.repitbot.homework.domain;

import java.time.Instant;
import ru.repitbot.models.HomeworkStatus;

/**
 * docs/domain/homework.md#overdue: homework is overdue while it is still {@code pending} and its deadline has passed. Submitted or checked
 * homework is never overdue, however late it was handed in; nothing changes status automatically.
 */
public final class OverdueRule {

    private OverdueRule() {
    }

    public static boolean isOverdue(HomeworkStatus status, Instant deadline, Instant now) {
        return status == HomeworkStatus.PENDING && deadline != null && deadline.isBefore(now);
    }
}
