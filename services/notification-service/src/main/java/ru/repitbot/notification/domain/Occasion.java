package ru.repitbot.notification.domain;

/**
 * What happened, as notification-service sees it: one value per event (or event outcome) of docs/domain/events.md#catalogue
 * that concerns people, plus the reminders the scheduler asks for. {@code homework.checked} splits into accepted and returned;
 * {@code user.linked}/{@code user.unlinked} split by link kind.
 */
public enum Occasion {
    LESSON_CREATED,
    LESSON_RESCHEDULED,
    LESSON_CANCELLED,
    /** Attendance marked attended (or unexcused absence): the parents' lesson report. */
    LESSON_MARKED,
    LESSON_REMINDER_24H,
    LESSON_REMINDER_1H,
    HOMEWORK_ASSIGNED,
    HOMEWORK_SUBMITTED,
    HOMEWORK_ACCEPTED,
    HOMEWORK_RETURNED,
    HOMEWORK_DEADLINE,
    PAYMENT_CREATED,
    BALANCE_LOW,
    BALANCE_DIGEST,
    ACHIEVEMENT_EARNED,
    TUTOR_LINKED,
    TUTOR_UNLINKED,
    PARENT_LINKED,
    PARENT_UNLINKED;

    /** {@code homework.checked} carries the new status: {@code checked} is accepted, {@code pending} returned. */
    public static Occasion ofHomeworkCheck(boolean accepted) {
        return accepted ? HOMEWORK_ACCEPTED : HOMEWORK_RETURNED;
    }
}
