package ru.repitbot.payment.domain;

import java.util.EnumSet;
import java.util.Set;
import ru.repitbot.models.AttendanceStatus;

/**
 * Which lessons take one lesson off a balance (docs/domain/payments.md#charging): {@code attended} and
 * {@code unexcused_absence}. Not charged: {@code scheduled}, {@code excused_absence}, {@code rescheduled}, an undated
 * make-up lesson (the topic that fell off the end of a topic shift, waiting for a slot) whatever its status, and a
 * deleted lesson. Once a make-up lesson is given a date it is a lesson like any other and charged by its status.
 */
public final class Chargeable {

    private static final Set<AttendanceStatus> CHARGED =
            EnumSet.of(AttendanceStatus.ATTENDED, AttendanceStatus.UNEXCUSED_ABSENCE);

    private Chargeable() {
    }

    /** Whether a lesson in this state is charged. */
    public static boolean isCharged(AttendanceStatus status, boolean undatedMakeup, boolean deleted) {
        return status != null && CHARGED.contains(status) && !undatedMakeup && !deleted;
    }

    /** Whether this attendance status is a charged one (ignoring make-up and deletion). */
    public static boolean isChargedStatus(AttendanceStatus status) {
        return status != null && CHARGED.contains(status);
    }
}
