package ru.repitbot.payment.domain;

import java.time.Instant;
import java.util.Objects;
import ru.repitbot.models.AttendanceStatus;
import ru.repitbot.models.LessonCharging;

/**
 * payment-service's view of one lesson, fed by lesson events: just what decides whether it is charged. Each event
 * carries the lesson's version ({@code aggregate_version}) and only the facts it is about (a {@code lesson.updated}
 * names the changed fields). Each fact keeps the version that last set it ({@link FactVersions}), so events applied
 * in any order — two replicas consuming at once, a redelivery after a newer event — end in the state of the newest
 * event for every fact: an older event still fills in a fact no newer event has told (the date of a
 * {@code lesson.created} arriving after a {@code lesson.updated} of its attendance), and never overwrites one a newer
 * event set. An event of the same version is the same state told again and applying it again is harmless.
 */
public record LessonCharge(long lessonId, long tutorId, long studentId, AttendanceStatus attendanceStatus,
        Instant startAt, boolean makeup, boolean deleted, long version, FactVersions factVersions) {

    public LessonCharge {
        Objects.requireNonNull(attendanceStatus, "attendanceStatus");
        Objects.requireNonNull(factVersions, "factVersions");
    }

    /** A lesson whose every fact was set by the event of {@code version}. */
    public LessonCharge(long lessonId, long tutorId, long studentId, AttendanceStatus attendanceStatus,
            Instant startAt, boolean makeup, boolean deleted, long version) {
        this(lessonId, tutorId, studentId, attendanceStatus, startAt, makeup, deleted, version,
                FactVersions.all(version));
    }

    /** The version of the event that last set each fact; 0: no event has told it yet. */
    public record FactVersions(long attendance, long date, long makeup) {

        public static FactVersions all(long version) {
            return new FactVersions(version, version, version);
        }
    }

    /**
     * Whether this lesson takes one lesson off its student's balance with its tutor: the shared charging rule
     * ({@link LessonCharging}), and a deleted lesson is no lesson.
     */
    public boolean charged() {
        return !deleted && LessonCharging.isCharged(attendanceStatus, makeup && startAt == null);
    }

    /**
     * The lesson after an event: each fact the event tells is taken unless a newer event already set it. An unknown
     * lesson starts from what a new lesson is ({@code scheduled}, undated, not a make-up lesson, no fact told) — how
     * it is when an update arrives before its creation. A deletion is final whatever its order.
     *
     * @param existing what we hold, or {@code null} for a lesson not seen yet
     * @return the change; {@code applied} is {@code false} when the event was older than everything it tells
     */
    public static Change apply(LessonCharge existing, long lessonId, long tutorId, long studentId, LessonFacts facts,
            long eventVersion) {
        LessonCharge base = existing != null ? existing
                : new LessonCharge(lessonId, tutorId, studentId, AttendanceStatus.SCHEDULED, null, false, false, 0,
                        FactVersions.all(0));
        FactVersions held = base.factVersions();
        boolean told = false;
        AttendanceStatus attendance = base.attendanceStatus();
        long attendanceVersion = held.attendance();
        if (facts.attendance() != null && eventVersion >= held.attendance()) {
            attendance = facts.attendance();
            attendanceVersion = eventVersion;
            told = true;
        }
        Instant startAt = base.startAt();
        long dateVersion = held.date();
        if (facts.dateKnown() && eventVersion >= held.date()) {
            startAt = facts.startAt();
            dateVersion = eventVersion;
            told = true;
        }
        boolean makeup = base.makeup();
        long makeupVersion = held.makeup();
        if (facts.makeup() != null && eventVersion >= held.makeup()) {
            makeup = facts.makeup();
            makeupVersion = eventVersion;
            told = true;
        }
        boolean applied = existing == null || told || facts.deleted() || eventVersion >= base.version();
        if (!applied) {
            return new Change(existing, existing, false);
        }
        LessonCharge after = new LessonCharge(lessonId, base.tutorId(), base.studentId(), attendance, startAt, makeup,
                base.deleted() || facts.deleted(), Math.max(eventVersion, base.version()),
                new FactVersions(attendanceVersion, dateVersion, makeupVersion));
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
