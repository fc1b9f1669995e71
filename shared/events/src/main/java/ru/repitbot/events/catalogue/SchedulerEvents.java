package ru.repitbot.events.catalogue;

import java.time.OffsetDateTime;
import ru.repitbot.events.EventPayload;

/**
 * Events of scheduler-service (docs/domain/events.md#scheduler-events): what a job run decided, for the services
 * that act on it. The scheduler owns no business data; it reads the owners at the run and says what is due.
 */
public final class SchedulerEvents {

    private SchedulerEvents() {
    }

    /**
     * A reminder to send now (docs/domain/notifications.md#reminders): decided from the lesson or homework as it was
     * at the run. notification-service tells the people concerned, once per {@code idempotencyKey} and recipient.
     *
     * @param kind {@code lesson_reminder_24h}, {@code lesson_reminder_1h} or {@code homework_deadline}
     * @param target {@code lesson} or {@code homework}
     * @param at the lesson's start or the homework's deadline
     * @param moment when the reminder was due ({@code at} minus the lead)
     * @param late sent more than 2 minutes after its moment (the scheduler was down or behind)
     * @param idempotencyKey {@code reminder:{kind}:{lesson|homework}:{id}:{at epoch seconds}}
     * @param topic the lesson's topic (for homework: its lesson's), or {@code null}
     * @param description the homework's description ({@code null} for a lesson)
     * @param lessonId the lesson (for homework: the lesson it was given at)
     * @param durationMinutes the lesson's length, or {@code null}
     */
    public record ReminderDue(String kind, String target, long targetId, long studentId, Long tutorId,
            @WireDateTime OffsetDateTime at, @WireDateTime OffsetDateTime moment, boolean late, String idempotencyKey,
            String topic, String description, Long lessonId, Integer durationMinutes) implements EventPayload {
        @Override
        public String aggregateId() {
            return target + ":" + targetId;
        }
    }

    /**
     * The low-balance digest job ran ({@code 0 0/15 * * * ?}): notification-service sends every reader whose clock
     * shows between 10:00 and 20:00 their digest of the day, if not yet sent (docs/domain/notifications.md#low-balance).
     */
    public record DigestDue(@WireDateTime OffsetDateTime at) implements EventPayload {
        @Override
        public String aggregateId() {
            return "balance-digest";
        }
    }

    /**
     * A month ended in the installation's zone (first of the month, 06:00): the month's reports may be made.
     *
     * @param month {@code yyyy-MM} of the month that ended
     * @param zone the installation zone the month was counted in
     */
    public record MonthEnded(String month, String zone) implements EventPayload {
        @Override
        public String aggregateId() {
            return month;
        }
    }
}
