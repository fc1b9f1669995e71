package ru.repitbot.scheduler.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.text.ParseException;
import java.util.Date;
import java.util.TimeZone;
import org.quartz.CronExpression;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import ru.repitbot.models.errors.NotFoundException;
import ru.repitbot.scheduler.client.OwnerClient;
import ru.repitbot.scheduler.db.JobRunLog;
import ru.repitbot.scheduler.db.JobRunLog.Outcome;
import ru.repitbot.scheduler.domain.JobCatalogue;
import ru.repitbot.scheduler.domain.JobSchedule;
import ru.repitbot.scheduler.domain.MissedRunPolicy;
import ru.repitbot.scheduler.domain.ReminderDecision;
import ru.repitbot.scheduler.domain.ScheduledJob;
import ru.repitbot.scheduler.events.SchedulerEventPublisher;

/**
 * Runs one job of the catalogue and records it in {@code job_run} (docs/domain/notifications.md#jobs). The work,
 * its events (outbox) and its outcome (for a reminder job: the window it covered) are one transaction, taken under a
 * per-job database lock; a run that fails (an owner unreachable) leaves no event and no advanced window, only its
 * {@code failed} row, and the next run covers what it did not.
 */
@Service
public class JobRuns {

    private static final Logger log = LoggerFactory.getLogger(JobRuns.class);

    /** A fire later than this after its scheduled time is a missed one (Quartz's own misfire threshold). */
    static final Duration MISSED_AFTER = Duration.ofMinutes(1);

    /** A run still "running" this long after it started lost its replica (a run reads a few pages, then ends). */
    static final Duration STALE_AFTER = Duration.ofHours(1);

    private final JobCatalogue catalogue;
    private final JobRunLog runs;
    private final ReminderRuns reminders;
    private final OwnerClient owners;
    private final SchedulerEventPublisher events;
    private final SchedulerMetrics metrics;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public JobRuns(JobCatalogue catalogue, JobRunLog runs, ReminderRuns reminders, OwnerClient owners,
            SchedulerEventPublisher events, SchedulerMetrics metrics, TransactionTemplate transactions, Clock clock) {
        this.catalogue = catalogue;
        this.runs = runs;
        this.reminders = reminders;
        this.owners = owners;
        this.events = events;
        this.metrics = metrics;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A run's record, as written. */
    public record Finished(long runId, Outcome outcome) {
    }

    /**
     * Runs {@code jobName} now.
     *
     * @param scheduledFor the fire time Quartz scheduled (null for a run started otherwise)
     * @param instanceName the Quartz instance (replica) that runs it
     */
    public Finished run(String jobName, Instant scheduledFor, String instanceName) {
        ScheduledJob job = catalogue.job(jobName).orElseThrow(() -> new NotFoundException("job", jobName));
        long runId = runs.started(jobName, instanceName, scheduledFor, clock.instant());
        try {
            Work work = transactions.execute(status -> {
                runs.lockJob(jobName);
                runs.abandonStale(jobName, runId, clock.instant().minus(STALE_AFTER), clock.instant());
                Work done = work(job, scheduledFor, clock.instant());
                runs.finished(runId, clock.instant(), done.outcome());
                return done;
            });
            work.decisions().forEach(metrics::decided);
            metrics.run(jobName, work.outcome().outcome());
            log.info("job {} {}: {}", jobName, work.outcome().outcome(), work.outcome().detail());
            return new Finished(runId, work.outcome());
        } catch (RuntimeException e) {
            Outcome failed = Outcome.failed(e.getClass().getSimpleName() + ": " + e.getMessage());
            runs.finished(runId, clock.instant(), failed);
            metrics.run(jobName, failed.outcome());
            log.warn("job {} failed; its next run covers what this one did not: {}", jobName, e.toString());
            return new Finished(runId, failed);
        }
    }

    private record Work(Outcome outcome, List<ReminderDecision> decisions) {
        static Work of(Outcome outcome) {
            return new Work(outcome, List.of());
        }
    }

    private Work work(ScheduledJob job, Instant scheduledFor, Instant now) {
        return switch (job.name()) {
            case JobCatalogue.LESSON_REMINDERS -> reminders(reminders.lessons(job.name(), now));
            case JobCatalogue.HOMEWORK_DEADLINE_REMINDERS -> reminders(reminders.homework(job.name(), now));
            case JobCatalogue.BALANCE_DIGEST -> {
                events.digestDue(now);
                yield Work.of(Outcome.succeeded("balance_digest.due at " + now + late(scheduledFor, now)));
            }
            case JobCatalogue.TEMPLATE_MATERIALISATION -> Work.of(Outcome.succeeded(
                    "lesson-service materialised: " + owners.materialiseTemplates() + late(scheduledFor, now)));
            case JobCatalogue.MONTHLY_REPORTS -> Work.of(monthEnded(job, scheduledFor, now));
            default -> throw new IllegalStateException("no work is wired for job " + job.name());
        };
    }

    private static Work reminders(ReminderRuns.Result result) {
        return new Work(result.outcome(), result.decisions());
    }

    /**
     * The first-of-month trigger. Quartz's "fire once now" after downtime reports the late run as scheduled now, so
     * the fire it stands for is taken from the schedule: the latest fire time at or before now. It runs late only
     * within that fire's month ({@link MissedRunPolicy}); once the month is over, the next month's run covers it
     * (down from the 30th to the 2nd of the month after next: the run on the 2nd says the last month ended, the
     * month before is not said).
     */
    private Outcome monthEnded(ScheduledJob job, Instant scheduledFor, Instant now) {
        JobSchedule.Cron cron = (JobSchedule.Cron) job.schedule();
        ZoneId zone = cron.zone();
        Instant fire = latestFire(cron, now);
        if (fire == null) {
            return Outcome.skipped("no fire of " + cron.expression() + " before " + now);
        }
        if (MissedRunPolicy.decide(job, List.of(fire), now, zone) instanceof MissedRunPolicy.Verdict.Skip skip) {
            return Outcome.skipped(skip.reason());
        }
        YearMonth ended = YearMonth.from(fire.atZone(zone)).minusMonths(1);
        events.monthEnded(ended, zone);
        return Outcome.succeeded("month.ended " + ended + " (" + zone.getId() + ") for the fire of " + fire
                + late(fire, now));
    }

    /** The latest time at or before {@code now} that {@code cron} fires (a monthly cron: within the last 32 days). */
    static Instant latestFire(JobSchedule.Cron cron, Instant now) {
        CronExpression expression;
        try {
            expression = new CronExpression(cron.expression());
        } catch (ParseException e) {
            throw new IllegalStateException("not a Quartz cron expression: " + cron.expression(), e);
        }
        expression.setTimeZone(TimeZone.getTimeZone(cron.zone()));
        Date latest = null;
        Date next = expression.getNextValidTimeAfter(Date.from(now.minus(Duration.ofDays(32))));
        while (next != null && !next.toInstant().isAfter(now)) {
            latest = next;
            next = expression.getNextValidTimeAfter(next);
        }
        return latest == null ? null : latest.toInstant();
    }

    private static String late(Instant scheduledFor, Instant now) {
        if (scheduledFor == null || Duration.between(scheduledFor, now).compareTo(MISSED_AFTER) <= 0) {
            return "";
        }
        return "; fired late for " + scheduledFor + " (missed fires run once)";
    }
}
