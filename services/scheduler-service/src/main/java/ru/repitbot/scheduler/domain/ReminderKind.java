package ru.repitbot.scheduler.domain;

import java.time.Duration;

/**
 * The reminders of docs/domain/notifications.md#q7-reminders and how long before their moment they go out. The lead is real time: "24 h before"
 * is 24 elapsed hours before the instant the lesson starts, also across a daylight-saving change
 * (docs/domain/notifications.md#daylight-saving).
 */
public enum ReminderKind {
    LESSON_24H("lesson_reminder_24h", Target.LESSON, Duration.ofHours(24)),
    LESSON_1H("lesson_reminder_1h", Target.LESSON, Duration.ofHours(1)),
    HOMEWORK_DEADLINE_24H("homework_deadline", Target.HOMEWORK, Duration.ofHours(24));

    /** What a reminder is about. */
    public enum Target { LESSON, HOMEWORK }

    private final String value;
    private final Target target;
    private final Duration lead;

    ReminderKind(String value, Target target, Duration lead) {
        this.value = value;
        this.target = target;
        this.lead = lead;
    }

    /** notification-service's notice kind of the same name. */
    public String value() {
        return value;
    }

    public Target target() {
        return target;
    }

    public Duration lead() {
        return lead;
    }

    /** The longest lead of a target's reminders: a run never needs to look further back than this. */
    public static Duration longestLead(Target target) {
        Duration longest = Duration.ZERO;
        for (ReminderKind kind : values()) {
            if (kind.target == target && kind.lead.compareTo(longest) > 0) {
                longest = kind.lead;
            }
        }
        return longest;
    }
}
