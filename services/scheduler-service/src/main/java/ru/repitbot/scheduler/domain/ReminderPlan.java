package ru.repitbot.scheduler.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import ru.repitbot.scheduler.domain.ReminderDecision.Drop;
import ru.repitbot.scheduler.domain.ReminderDecision.DropReason;
import ru.repitbot.scheduler.domain.ReminderDecision.Send;

/**
 * Which reminders a run sends (issue 11), decided from each lesson or homework as it is at the run:
 * the reminder's moment is {@code at − lead}; it is sent by the run whose window holds that moment, provided the
 * lesson is still scheduled (the homework still pending) and has not begun.
 * docs/domain/notifications.md#reminders
 */
public final class ReminderPlan {

    /** A reminder sent more than this after its moment was caught up after downtime (logged as late). */
    public static final Duration ON_TIME_TOLERANCE = Duration.ofMinutes(2);

    private ReminderPlan() {
    }

    /** The decisions of one run for many targets: each kind of the target's reminders whose moment is in the window. */
    public static List<ReminderDecision> plan(List<ReminderTarget> targets, ReminderWindow window, Instant now) {
        List<ReminderDecision> decisions = new ArrayList<>();
        for (ReminderTarget target : targets) {
            for (ReminderKind kind : ReminderKind.values()) {
                if (kind.target() == target.target()) {
                    decide(target, kind, window, now).ifPresent(decisions::add);
                }
            }
        }
        return decisions;
    }

    /** The decision about one reminder, or none when its moment is not this run's (or the target has no date). */
    public static Optional<ReminderDecision> decide(ReminderTarget target, ReminderKind kind, ReminderWindow window,
            Instant now) {
        if (kind.target() != target.target()) {
            throw new IllegalArgumentException(kind + " does not remind of a " + target.target());
        }
        if (target.at() == null) {
            return Optional.empty();
        }
        Instant moment = target.at().minus(kind.lead());
        if (!window.contains(moment)) {
            return Optional.empty();
        }
        if (!target.open()) {
            return drop(target, kind, moment, DropReason.NO_LONGER_OPEN);
        }
        if (!target.at().isAfter(now)) {
            return drop(target, kind, moment, DropReason.ALREADY_STARTED);
        }
        if (target.atSetAt() != null && target.atSetAt().isAfter(moment)) {
            return drop(target, kind, moment, DropReason.SET_AFTER_MOMENT);
        }
        if (kind == ReminderKind.LESSON_24H && !now.isBefore(target.at().minus(ReminderKind.LESSON_1H.lead()))) {
            return drop(target, kind, moment, DropReason.SUPERSEDED);
        }
        boolean late = now.isAfter(moment.plus(ON_TIME_TOLERANCE));
        return Optional.of(new Send(kind, target.id(), target.at(), moment, idempotencyKey(kind, target.id(),
                target.at()), late));
    }

    /**
     * One key per (reminder kind, lesson or homework, its current start or deadline): a restart or a second replica
     * asking again sends nothing twice, while a lesson moved to a new time gets a new key and so its reminders at
     * the new time.
     */
    public static String idempotencyKey(ReminderKind kind, long targetId, Instant at) {
        return "reminder:" + kind.value() + ":" + kind.target().name().toLowerCase(java.util.Locale.ROOT) + ":"
                + targetId + ":" + at.getEpochSecond();
    }

    private static Optional<ReminderDecision> drop(ReminderTarget target, ReminderKind kind, Instant moment,
            DropReason reason) {
        return Optional.of(new Drop(kind, target.id(), moment, reason));
    }
}
