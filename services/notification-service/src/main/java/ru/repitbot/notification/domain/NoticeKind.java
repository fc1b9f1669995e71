package ru.repitbot.notification.domain;

/**
 * The kinds of notice a person receives, one per switch in the bot's notification settings (every reminder is
 * switchable per user, docs/domain/notifications.md#q7-reminders). A kind that is not switchable is not a notification but a conversation or an account
 * change, which a person cannot mute without losing something they must know. Defaults and urgency are
 * docs/domain/notifications.md#switches-and-their-defaults
 */
public enum NoticeKind {
    LESSON_REMINDER_24H("lesson_reminder_24h", true, true, false),
    /** Urgent by default: held until the morning it would arrive after the lesson had begun. */
    LESSON_REMINDER_1H("lesson_reminder_1h", true, true, true),
    LESSON_SCHEDULED("lesson_scheduled", true, true, false),
    /** Urgent by default: a family must hear that tomorrow's 08:30 lesson moved before 08:30. */
    LESSON_RESCHEDULED("lesson_rescheduled", true, true, true),
    LESSON_CANCELLED("lesson_cancelled", true, true, true),
    /** The after-lesson report to parents; a tutor may also switch it off for all their students' parents. */
    LESSON_REPORT("lesson_report", true, true, false),
    HOMEWORK_ASSIGNED("homework_assigned", true, true, false),
    HOMEWORK_DEADLINE("homework_deadline", true, true, false),
    HOMEWORK_SUBMITTED("homework_submitted", true, true, false),
    HOMEWORK_ACCEPTED("homework_accepted", true, true, false),
    HOMEWORK_RETURNED("homework_returned", true, true, false),
    PAYMENT_RECORDED("payment_recorded", true, true, false),
    BALANCE_LOW("balance_low", true, true, false),
    BALANCE_DIGEST("balance_digest", true, true, false),
    ACHIEVEMENT_EARNED("achievement_earned", true, true, false),
    BROADCAST("broadcast", true, true, false),
    /** A tutor or parent linked to or unlinked from a student: who may see the child's data changed. */
    ACCOUNT_LINK("account_link", false, true, false),
    /** A tutor ↔ student/parent message (docs/domain/notifications.md#q17-messages-are-stored): a conversation. */
    MESSAGE("message", false, true, false);

    private final String value;
    private final boolean switchable;
    private final boolean onByDefault;
    private final boolean urgentByDefault;

    NoticeKind(String value, boolean switchable, boolean onByDefault, boolean urgentByDefault) {
        this.value = value;
        this.switchable = switchable;
        this.onByDefault = onByDefault;
        this.urgentByDefault = urgentByDefault;
    }

    /** The lower-case value stored in the database and used on the wire ({@code notification.sent}'s type). */
    public String value() {
        return value;
    }

    public boolean switchable() {
        return switchable;
    }

    public boolean onByDefault() {
        return onByDefault;
    }

    public boolean urgentByDefault() {
        return urgentByDefault;
    }

    /** The bundle key of the switch's label in the settings menu. */
    public String labelKey() {
        return "notify.kind." + value;
    }

    /** Only the parents' lesson report needs the tutor's consent as well as the parent's (issue 11). */
    public boolean tutorMaySilence() {
        return this == LESSON_REPORT;
    }

    public static NoticeKind fromValue(String value) {
        for (NoticeKind kind : values()) {
            if (kind.value.equals(value)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown notice kind '" + value + "'");
    }
}
