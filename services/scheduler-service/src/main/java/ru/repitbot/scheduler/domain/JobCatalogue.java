package ru.repitbot.scheduler.domain;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import ru.repitbot.scheduler.domain.JobSchedule.Cron;
import ru.repitbot.scheduler.domain.JobSchedule.Every;
import ru.repitbot.scheduler.domain.ScheduledJob.MissedRun;

/**
 * The jobs of scheduler-service (issue 11, README) and when they fire. Reminders run often and cover time windows,
 * so they need no zone; the daily digest fires every quarter hour in UTC and sends to those whose own clock passed
 * 10:00 (notification-service knows each person's zone); the nightly and monthly jobs follow the installation's zone
 * (docs/domain/README.md#q15-time-zones; default {@code Europe/Kaliningrad}) at times that exist exactly once on every day of the year, also in zones
 * with daylight saving (no wall time between 01:00 and 03:00, which a change skips or repeats).
 * docs/domain/notifications.md#jobs
 */
public record JobCatalogue(ZoneId installationZone) {

    public static final String LESSON_REMINDERS = "lesson-reminders";
    public static final String HOMEWORK_DEADLINE_REMINDERS = "homework-deadline-reminders";
    public static final String BALANCE_DIGEST = "balance-digest";
    public static final String TEMPLATE_MATERIALISATION = "template-materialisation";
    public static final String MONTHLY_REPORTS = "monthly-reports";

    public JobCatalogue {
        if (installationZone == null) {
            throw new IllegalArgumentException("the installation zone is required");
        }
    }

    public List<ScheduledJob> jobs() {
        return List.of(
                new ScheduledJob(LESSON_REMINDERS,
                        "Lesson reminders 24 h and 1 h before, to the student and every parent",
                        new Every(Duration.ofMinutes(1)), MissedRun.CATCH_UP_WINDOW),
                new ScheduledJob(HOMEWORK_DEADLINE_REMINDERS,
                        "Reminder 24 h before the deadline of pending homework, to the student",
                        new Every(Duration.ofMinutes(5)), MissedRun.CATCH_UP_WINDOW),
                // Every quarter hour so that zones with :30 and :45 offsets (Asia/Kolkata, Asia/Kathmandu) get 10:00.
                new ScheduledJob(BALANCE_DIGEST,
                        "Daily low-balance digest at 10:00 on each reader's own clock",
                        new Cron("0 0/15 * * * ?", ZoneOffset.UTC), MissedRun.RUN_ONCE_NOW),
                new ScheduledJob(TEMPLATE_MATERIALISATION,
                        "Materialise scheduled lessons from the weekly templates, weeks ahead (lesson-service)",
                        new Cron("0 30 3 * * ?", installationZone), MissedRun.RUN_ONCE_NOW),
                new ScheduledJob(MONTHLY_REPORTS,
                        "First-of-month trigger for the monthly reports (when reports exist)",
                        new Cron("0 0 6 1 * ?", installationZone), MissedRun.RUN_IF_SAME_MONTH));
    }

    public Optional<ScheduledJob> job(String name) {
        return jobs().stream().filter(j -> j.name().equals(name)).findFirst();
    }
}
