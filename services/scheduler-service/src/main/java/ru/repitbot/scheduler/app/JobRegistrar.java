package ru.repitbot.scheduler.app;

import java.time.Duration;
import java.util.Date;
import java.util.Set;
import java.util.TimeZone;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.DateBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import ru.repitbot.scheduler.domain.JobCatalogue;
import ru.repitbot.scheduler.domain.JobSchedule;
import ru.repitbot.scheduler.domain.ScheduledJob;

/**
 * Puts the catalogue's jobs into Quartz's store at start. A trigger already stored with the same schedule is left as
 * it is: its next fire time survives a restart, so fires missed while every replica was down are seen as misfires
 * and run once at once ("fire once now", docs/domain/notifications.md#downtime). A changed schedule replaces it.
 */
@Component
public class JobRegistrar implements SmartInitializingSingleton {

    public static final String GROUP = "repitbot";

    private static final Logger log = LoggerFactory.getLogger(JobRegistrar.class);

    private final Scheduler scheduler;
    private final JobCatalogue catalogue;

    public JobRegistrar(Scheduler scheduler, JobCatalogue catalogue) {
        this.scheduler = scheduler;
        this.catalogue = catalogue;
    }

    public static JobKey jobKey(String job) {
        return JobKey.jobKey(job, GROUP);
    }

    public static TriggerKey triggerKey(String job) {
        return TriggerKey.triggerKey(job, GROUP);
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (ScheduledJob job : catalogue.jobs()) {
            try {
                register(job);
            } catch (SchedulerException e) {
                throw new IllegalStateException("Quartz could not register job " + job.name(), e);
            }
        }
        try {
            // A job dropped from the catalogue must not keep firing from the stored triggers of an older release.
            for (JobKey stored : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP))) {
                if (catalogue.job(stored.getName()).isEmpty()) {
                    scheduler.deleteJob(stored);
                    log.info("job {} is no longer in the catalogue: deleted with its triggers", stored.getName());
                }
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("Quartz could not list the stored jobs", e);
        }
    }

    private void register(ScheduledJob job) throws SchedulerException {
        JobDetail detail = JobBuilder.newJob(CatalogueJob.class).withIdentity(jobKey(job.name()))
                .withDescription(job.description()).storeDurably().build();
        Trigger stored = scheduler.getTrigger(triggerKey(job.name()));
        if (stored != null && sameSchedule(stored, job.schedule())) {
            scheduler.addJob(detail, true);
            return;
        }
        try {
            scheduler.scheduleJob(detail, Set.of(trigger(job)), true);
            log.info("job {} scheduled: {}", job.name(), job.schedule());
        } catch (ObjectAlreadyExistsException e) {
            log.debug("job {} was registered by another replica meanwhile", job.name());
        }
    }

    static Trigger trigger(ScheduledJob job) {
        TriggerBuilder<Trigger> builder = TriggerBuilder.newTrigger().withIdentity(triggerKey(job.name()))
                .withDescription(job.description()).forJob(jobKey(job.name()));
        return switch (job.schedule()) {
            // Missed fires become one run at once (MissedRunPolicy; docs/domain/notifications.md#downtime).
            case JobSchedule.Cron cron -> builder.withSchedule(CronScheduleBuilder.cronSchedule(cron.expression())
                    .inTimeZone(TimeZone.getTimeZone(cron.zone())).withMisfireHandlingInstructionFireAndProceed())
                    .startNow().build();
            case JobSchedule.Every every -> builder.withSchedule(SimpleScheduleBuilder.simpleSchedule()
                    .withIntervalInMilliseconds(every.period().toMillis()).repeatForever()
                    .withMisfireHandlingInstructionNowWithExistingCount())
                    .startAt(DateBuilder.evenMinuteDate(new Date())).build();
        };
    }

    static boolean sameSchedule(Trigger stored, JobSchedule schedule) {
        return switch (schedule) {
            case JobSchedule.Cron cron -> stored instanceof CronTrigger c
                    && c.getCronExpression().equals(cron.expression())
                    && c.getTimeZone().getID().equals(TimeZone.getTimeZone(cron.zone()).getID());
            case JobSchedule.Every every -> stored instanceof SimpleTrigger s
                    && s.getRepeatInterval() == every.period().toMillis()
                    && s.getRepeatCount() == SimpleTrigger.REPEAT_INDEFINITELY;
        };
    }

    /** How the admin API shows a schedule: the cron expression, or {@code every PT1M}. */
    public static String describe(JobSchedule schedule) {
        return switch (schedule) {
            case JobSchedule.Cron cron -> cron.expression();
            case JobSchedule.Every every -> "every " + Duration.ofMillis(every.period().toMillis());
        };
    }
}
