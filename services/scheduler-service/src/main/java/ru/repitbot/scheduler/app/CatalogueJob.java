package ru.repitbot.scheduler.app;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.SchedulerException;

/**
 * The one Quartz job class: the job's name (its {@code JobKey}) says which work of the catalogue to run. Not
 * concurrent, across the cluster too: a run of a job waits for the previous one (docs/domain/notifications.md#jobs).
 */
@DisallowConcurrentExecution
public class CatalogueJob implements Job {

    private final JobRuns runs;

    public CatalogueJob(JobRuns runs) {
        this.runs = runs;
    }

    @Override
    public void execute(JobExecutionContext context) {
        String instance;
        try {
            instance = context.getScheduler().getSchedulerInstanceId();
        } catch (SchedulerException e) {
            instance = "unknown";
        }
        runs.run(context.getJobDetail().getKey().getName(),
                context.getScheduledFireTime() == null ? null : context.getScheduledFireTime().toInstant(),
                instance);
    }
}
