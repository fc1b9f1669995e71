package ru.repitbot.models;

/**
 * Whether a lesson costs one lesson of the prepaid balance (docs/domain/payments.md#charging): its attendance
 * is a charged one ({@link AttendanceStatus#charged()}), and it is not an undated make-up lesson (the topic that fell
 * off the end of a topic shift, waiting for a slot). Once a make-up lesson has a date it is charged by its status
 * like any other. lesson-service shows it as {@code charged}, payment-service counts it in the balance: one rule.
 */
public final class LessonCharging {

    private LessonCharging() {
    }

    public static boolean isCharged(AttendanceStatus status, boolean undatedMakeup) {
        return status != null && status.charged() && !undatedMakeup;
    }
}
