package ru.repitbot.scheduler.domain;

import java.time.Instant;

/** What a run does about one reminder of one lesson or homework. */
public sealed interface ReminderDecision {

    /**
     * Ask notification-service to send it. {@code idempotencyKey} makes a second request (a restarted run, a second
     * replica) a no-op there; {@code late} marks a reminder caught up after downtime, for the log and the metrics.
     */
    record Send(ReminderKind kind, long targetId, Instant at, Instant moment, String idempotencyKey, boolean late)
            implements ReminderDecision {
    }

    /** Not sent, and logged with the reason (issue 11: "otherwise dropped and logged"). */
    record Drop(ReminderKind kind, long targetId, Instant moment, DropReason reason) implements ReminderDecision {
    }

    enum DropReason {
        /** The lesson had started (the deadline had passed) when a late run reached the reminder. */
        ALREADY_STARTED,
        /** The lesson was cancelled or marked, the homework handed in. */
        NO_LONGER_OPEN,
        /** The lesson got its time (the homework its deadline) after the reminder's moment: the family was told then. */
        SET_AFTER_MOMENT,
        /** A late 24 h reminder when the 1 h moment has passed too: the 1 h reminder says it all, once. */
        SUPERSEDED
    }
}
