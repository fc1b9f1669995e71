package ru.repitbot.payment.domain;

import java.time.Instant;
import java.util.Objects;
import ru.repitbot.models.AttendanceStatus;
import ru.repitbot.models.LessonCharging;

/**
 * payment-service's view of one lesson, fed by lesson events: just what decides whether it is charged. Each event
 * carries the lesson's version ({@code aggregate_version}); an event older than the version held is stale and
 * changes nothing, an event of the same version is the same state told again (e.g. {@code lesson.updated} and
 * {@code lesson.conducted} of one change) and applying it again is harmless.
 */
public record LessonCharge(long lessonId, long tutorId, long studentId, AttendanceStatus attendanceStatus,
        Instant startAt, boolean makeup, boolean deleted, long version) {

    public LessonCharge {
        Objects.requireNonNull(attendanceStatus, "attendanceStatus");
    }

    /**
     * Whether this lesson takes one lesson off its student's balance with its tutor: the shared charging rule
     * ({@link LessonCharging}), and a deleted lesson is no lesson.
     */
    public boolean charged() {
        return !deleted && LessonCharging.isCharged(attendanceStatus, makeup && startAt == null);
    }

    /** Whether an event of {@code eventVersion} may change this lesson (it is not older than what we hold). */
    public boolean accepts(long eventVersion) {
        return eventVersion >= version;
    }

    /**
     * The lesson after an event. An unknown lesson starts from what a new lesson is ({@code scheduled}, dated as
     * the event says, not a make-up lesson) — how it is when an update arrives before its creation.
     *
     * @param existing what we hold, or {@code null} for a lesson not seen yet
     */
    public static Change apply(LessonCharge existing, long lessonId, long tutorId, long studentId, LessonFacts facts,
            long eventVersion) {
        if (existing != null && !existing.accepts(eventVersion)) {
            return new Change(existing, existing, false);
        }
        LessonCharge base = existing != null ? existing
                : new LessonCharge(lessonId, tutorId, studentId, AttendanceStatus.SCHEDULED, null, false, false,
                        eventVersion);
        LessonCharge after = new LessonCharge(lessonId, base.tutorId(), base.studentId(),
                facts.attendance() != null ? facts.attendance() : base.attendanceStatus(),
                facts.dateKnown() ? facts.startAt() : base.startAt(),
                facts.makeup() != null ? facts.makeup() : base.makeup(),
                base.deleted() || facts.deleted(),
                Math.max(eventVersion, base.version()));
        return new Change(existing, after, true);
    }

    /**
     * One event applied to one lesson.
     *
     * @param before what we held ({@code null}: the lesson was unknown)
     * @param after what we hold now (the same as {@code before} when the event was stale)
     * @param applied {@code false} when the event was stale and ignored
     */
    public record Change(LessonCharge before, LessonCharge after, boolean applied) {

        /** +1 when the lesson became charged, −1 when it stopped being charged, 0 otherwise. */
        public int chargedDelta() {
            boolean was = before != null && before.charged();
            boolean is = after.charged();
            return was == is ? 0 : is ? 1 : -1;
        }

        /** Whether this change lowers the balance (the lesson became charged). */
        public boolean lowersBalance() {
            return chargedDelta() > 0;
        }
    }
}
