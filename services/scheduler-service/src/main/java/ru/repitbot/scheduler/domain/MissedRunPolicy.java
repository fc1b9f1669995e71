package ru.repitbot.scheduler.domain;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

/**
 * What to do about fire times that passed while no scheduler replica was running (issue 11: "after the scheduler
 * was down…"). Several missed fires of one job become one run; whether that run happens depends on the job
 * ({@link ScheduledJob.MissedRun}). The reminders' own rule — a late reminder is sent if the lesson has not started,
 * otherwise dropped — is {@link ReminderPlan}'s. docs/domain/notifications.md#downtime
 */
public final class MissedRunPolicy {

    private MissedRunPolicy() {
    }

    /** Run once now, or skip with the reason to log. */
    public sealed interface Verdict {
        record RunNow(Instant missedSince, int missedFires) implements Verdict {
        }

        record Skip(String reason) implements Verdict {
        }
    }

    /**
     * @param missedFires the fire times that passed unrun, oldest first (Quartz's misfires, or the times between the
     *        job's last finished run and now); none means nothing was missed
     * @param zone the zone the job's schedule is read in (the month of a monthly job)
     */
    public static Verdict decide(ScheduledJob job, List<Instant> missedFires, Instant now, ZoneId zone) {
        if (missedFires.isEmpty()) {
            return new Verdict.Skip("nothing missed");
        }
        Instant oldest = missedFires.getFirst();
        Instant newest = missedFires.getLast();
        return switch (job.onMissed()) {
            case CATCH_UP_WINDOW, RUN_ONCE_NOW -> new Verdict.RunNow(oldest, missedFires.size());
            case RUN_IF_SAME_MONTH -> YearMonth.from(newest.atZone(zone)).equals(YearMonth.from(now.atZone(zone)))
                    ? new Verdict.RunNow(oldest, missedFires.size())
                    : new Verdict.Skip("the run of " + YearMonth.from(newest.atZone(zone))
                            + " was missed and its month is over; the next month's run covers it");
        };
    }
}
