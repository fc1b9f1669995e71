package ru.repitbot.scheduler.domain;

import java.time.Instant;
import ru.repitbot.scheduler.domain.ReminderKind.Target;

/**
 * A lesson or a homework as it is now, read from its owning service at the run that may remind of it, never from a
 * plan made earlier (issue 11: a moved or cancelled lesson is not reminded at its old time).
 *
 * @param at the lesson's start or the homework's deadline; {@code null} for an undated make-up or no deadline
 * @param open a lesson still {@code scheduled} (not cancelled, not marked); a homework still {@code pending}
 * @param atSetAt when {@code at} got its current value (creation, reschedule, deadline change); {@code null} when
 *        the owning service does not say, read as "long ago"
 */
public record ReminderTarget(Target target, long id, Instant at, boolean open, Instant atSetAt) {

    public static ReminderTarget lesson(long lessonId, Instant start, boolean scheduled, Instant startSetAt) {
        return new ReminderTarget(Target.LESSON, lessonId, start, scheduled, startSetAt);
    }

    public static ReminderTarget homework(long homeworkId, Instant deadline, boolean pending, Instant deadlineSetAt) {
        return new ReminderTarget(Target.HOMEWORK, homeworkId, deadline, pending, deadlineSetAt);
    }
}
