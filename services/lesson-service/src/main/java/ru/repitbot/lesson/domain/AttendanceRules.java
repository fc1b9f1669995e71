package ru.repitbot.lesson.domain;

import java.util.EnumSet;
import java.util.Set;
import ru.repitbot.models.AttendanceStatus;

/**
 * What an attendance change means (docs/domain/lessons.md#attendance-and-charges): which statuses cancel a lesson, and
 * when a change runs the topic shift or counts as the lesson being conducted. Which are charged is the shared rule,
 * {@code LessonCharging} (shared/models), as payment-service counts it.
 */
public final class AttendanceRules {

    private static final Set<AttendanceStatus> CANCELLATIONS = EnumSet.of(AttendanceStatus.EXCUSED_ABSENCE,
            AttendanceStatus.UNEXCUSED_ABSENCE, AttendanceStatus.RESCHEDULED);

    private AttendanceRules() {
    }

    public static boolean isCancellation(AttendanceStatus status) {
        return CANCELLATIONS.contains(status);
    }

    /**
     * Moving from {@code scheduled} or {@code attended} into a cancellation status shifts the topics; switching
     * between two cancellation statuses does not shift again.
     */
    public static boolean runsTopicShift(AttendanceStatus from, AttendanceStatus to) {
        return isCancellation(to) && !isCancellation(from);
    }

    /** {@code lesson.conducted} is emitted when attendance becomes {@code attended} (docs/domain/lessons.md#q4-what-lessonconducted-means). */
    public static boolean becomesAttended(AttendanceStatus from, AttendanceStatus to) {
        return to == AttendanceStatus.ATTENDED && from != AttendanceStatus.ATTENDED;
    }
}
