package ru.repitbot.scheduler.events;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.stereotype.Component;
import ru.repitbot.events.catalogue.SchedulerEvents;
import ru.repitbot.events.outbox.Outbox;

/**
 * What a job run decided, written to the outbox in the run's own transaction (the one that records the run and, for
 * reminders, advances the window): nothing is lost when the broker is down and nothing is said twice
 * (docs/domain/events.md#scheduler-events).
 */
@Component
public class SchedulerEventPublisher {

    private final Outbox outbox;

    public SchedulerEventPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    public void reminderDue(SchedulerEvents.ReminderDue reminder) {
        outbox.publish(reminder);
    }

    public void digestDue(Instant at) {
        outbox.publish(new SchedulerEvents.DigestDue(at.atOffset(ZoneOffset.UTC)));
    }

    public void monthEnded(YearMonth month, ZoneId zone) {
        outbox.publish(new SchedulerEvents.MonthEnded(month.toString(), zone.getId()));
    }
}
