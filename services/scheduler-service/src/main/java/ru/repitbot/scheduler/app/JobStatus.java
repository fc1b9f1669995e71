package ru.repitbot.scheduler.app;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.springframework.stereotype.Component;
import ru.repitbot.scheduler.db.JobRunLog;

/** Where each job stands: Quartz's stored fire times and the recorded runs. */
@Component
public class JobStatus {

    private final Scheduler scheduler;
    private final JobRunLog runs;

    public JobStatus(Scheduler scheduler, JobRunLog runs) {
        this.scheduler = scheduler;
        this.runs = runs;
    }

    public Optional<Trigger> trigger(String job) {
        try {
            return Optional.ofNullable(scheduler.getTrigger(JobRegistrar.triggerKey(job)));
        } catch (SchedulerException e) {
            throw new IllegalStateException("Quartz could not read the trigger of " + job, e);
        }
    }

    public Optional<Instant> nextFire(String job) {
        return trigger(job).map(Trigger::getNextFireTime).map(Date::toInstant);
    }

    public Optional<Instant> previousFire(String job) {
        return trigger(job).map(Trigger::getPreviousFireTime).map(Date::toInstant);
    }

    public Optional<Instant> lastSuccess(String job) {
        return runs.lastSuccess(job);
    }
}
