package ru.repitbot.scheduler.app;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.TimeZone;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.springframework.stereotype.Service;
import ru.repitbot.config.security.CurrentUser;
import ru.repitbot.models.PageQuery;
import ru.repitbot.models.PageResponse;
import ru.repitbot.models.errors.NotFoundException;
import ru.repitbot.scheduler.api.JobViews;
import ru.repitbot.scheduler.db.JobRunLog;
import ru.repitbot.scheduler.domain.JobCatalogue;
import ru.repitbot.scheduler.domain.JobSchedule;
import ru.repitbot.scheduler.domain.ScheduledJob;

/**
 * The admin API's use cases. Admins and services only; anyone else gets 404, as for anything they may not see
 * (docs/architecture/contracts.md).
 */
@Service
public class JobAdmin {

    private final JobCatalogue catalogue;
    private final JobStatus status;
    private final JobRunLog runs;
    private final Scheduler scheduler;
    private final Clock clock;

    public JobAdmin(JobCatalogue catalogue, JobStatus status, JobRunLog runs, Scheduler scheduler, Clock clock) {
        this.catalogue = catalogue;
        this.status = status;
        this.runs = runs;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    public JobViews.JobList jobs(CurrentUser caller) {
        allowed(caller, "jobs");
        return new JobViews.JobList(catalogue.jobs().stream().map(this::view).toList());
    }

    public PageResponse<JobViews.Run> runs(CurrentUser caller, String name, Integer page, Integer size) {
        ScheduledJob job = job(caller, name);
        PageQuery paging = PageQuery.of(page, size);
        List<JobViews.Run> items = runs.page(job.name(), paging).stream().map(JobAdmin::run).toList();
        return PageResponse.of(items, runs.count(job.name()), paging.page(), paging.size());
    }

    public JobViews.Triggered trigger(CurrentUser caller, String name) {
        ScheduledJob job = job(caller, name);
        try {
            scheduler.triggerJob(JobRegistrar.jobKey(job.name()));
        } catch (SchedulerException e) {
            throw new IllegalStateException("Quartz could not trigger " + job.name(), e);
        }
        return new JobViews.Triggered(job.name(), utc(clock.instant()));
    }

    private ScheduledJob job(CurrentUser caller, String name) {
        allowed(caller, name);
        return catalogue.job(name).orElseThrow(() -> new NotFoundException("job", name));
    }

    private static void allowed(CurrentUser caller, String what) {
        if (caller == null || !caller.seesEverything()) {
            throw new NotFoundException("job", what);
        }
    }

    private JobViews.Job view(ScheduledJob job) {
        JobViews.LastRun last = runs.lastFinished(job.name())
                .map(r -> new JobViews.LastRun(utc(r.startedAt()), utc(r.finishedAt()), r.outcome(), r.detail()))
                .orElse(null);
        // TimeZone's id, as Quartz stores it: "UTC" rather than java.time's "Z".
        String zone = job.schedule() instanceof JobSchedule.Cron cron ? TimeZone.getTimeZone(cron.zone()).getID()
                : null;
        return new JobViews.Job(job.name(), job.description(), JobRegistrar.describe(job.schedule()), zone,
                status.nextFire(job.name()).map(JobAdmin::utc).orElse(null),
                status.previousFire(job.name()).map(JobAdmin::utc).orElse(null), last);
    }

    private static JobViews.Run run(JobRunLog.Run r) {
        return new JobViews.Run(r.id(), r.instanceName(), utc(r.scheduledFor()), utc(r.startedAt()),
                utc(r.finishedAt()), r.outcome(), r.detail(), utc(r.coveredFrom()), utc(r.coveredUntil()), r.sent(),
                r.dropped(), r.late());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
