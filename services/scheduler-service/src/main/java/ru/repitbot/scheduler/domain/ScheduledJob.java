package ru.repitbot.scheduler.domain;

/**
 * One job of scheduler-service (issue 11). {@code name} is the Quartz job and trigger name, the metric tag and the
 * admin API's id.
 */
public record ScheduledJob(String name, String description, JobSchedule schedule, MissedRun onMissed) {

    /** What happens when the job's fire time passed while no scheduler was running (see {@link MissedRunPolicy}). */
    public enum MissedRun {
        /**
         * Run once at once, covering everything since the last finished run (the reminder jobs: their window starts
         * where the last run stopped, so nothing is lost and nothing doubled). Quartz: fire once now.
         */
        CATCH_UP_WINDOW,
        /** Run once at once however many fires were missed; the job is idempotent. Quartz: fire once now. */
        RUN_ONCE_NOW,
        /** Run once at once if still in the period (month) of the missed fire, otherwise wait for the next one. */
        RUN_IF_SAME_MONTH
    }
}
