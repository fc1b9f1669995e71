package ru.repitbot.scheduler.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;

/** The admin API's answers about the scheduler's jobs. */
public final class JobViews {

    private JobViews() {
    }

    /** Every job of the catalogue. */
    public record JobList(List<Job> items) {
    }

    /** One job, where it stands. */
    public record Job(
            @Schema(description = "The job's id: lesson-reminders, homework-deadline-reminders, balance-digest, "
                    + "template-materialisation, monthly-reports") String name,
            String description,
            @Schema(description = "A Quartz cron expression, or \"every <ISO-8601 duration>\"") String schedule,
            @Schema(description = "The zone the cron expression is read in; null for a fixed period") String zone,
            @Schema(description = "The next fire time Quartz has stored, or null") OffsetDateTime nextFireAt,
            @Schema(description = "The last fire time, or null before the first") OffsetDateTime previousFireAt,
            @Schema(description = "The latest finished run, or null") LastRun lastRun) {
    }

    /** The latest finished run of a job. */
    public record LastRun(OffsetDateTime startedAt, OffsetDateTime finishedAt,
            @Schema(allowableValues = {"succeeded", "failed", "skipped"}) String outcome, String detail) {
    }

    /** One run of a job, newest first in a page. */
    public record Run(long id,
            @Schema(description = "The replica (Quartz instance) that ran it") String instanceName,
            @Schema(description = "The fire time Quartz scheduled, or null") OffsetDateTime scheduledFor,
            OffsetDateTime startedAt, OffsetDateTime finishedAt,
            @Schema(allowableValues = {"running", "succeeded", "failed", "skipped"}) String outcome,
            String detail,
            @Schema(description = "Reminder jobs: the window of reminder moments covered, (from, until]")
            OffsetDateTime coveredFrom, OffsetDateTime coveredUntil,
            @Schema(description = "Reminder jobs: reminders published (reminder.due)") int sent,
            @Schema(description = "Reminder jobs: reminders dropped, each logged with its reason") int dropped,
            @Schema(description = "Reminder jobs: a reminder went out more than 2 minutes after its moment")
            boolean late) {
    }

    /** A run asked for by hand: Quartz fires it on a free replica as soon as it can. */
    public record Triggered(String name, OffsetDateTime requestedAt) {
    }
}
