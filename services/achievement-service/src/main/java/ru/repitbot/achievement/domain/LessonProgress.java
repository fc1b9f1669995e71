package ru.repitbot.achievement.domain;

import java.time.Instant;
import java.util.Objects;
import ru.repitbot.models.AttendanceStatus;

/**
 * achievement-service's view of one lesson, fed by lesson events: what its points, the streak and study time are
 * derived from. Events carry the lesson's version ({@code aggregate_version}) and only the facts they are about; each
 * fact keeps the version that last set it ({@link FactVersions}), so events applied in any order, once or many times,
 * end in the state of the newest event for every fact (as payment-service's {@code LessonCharge}). Two facts are
 * monotone and need no version: {@code masteredOnce} (the topic reached {@code mastered} at some version: any event
 * saying so sets it, none clears it — docs/domain/achievements.md#points) and {@code deleted} (final whatever its
 * order).
 */
public record LessonProgress(long lessonId, long tutorId, long studentId, AttendanceStatus attendanceStatus,
        Instant startAt, int durationMinutes, boolean masteredOnce, boolean deleted, long version,
        FactVersions factVersions) {

    public LessonProgress {
        Objects.requireNonNull(attendanceStatus, "attendanceStatus");
        Objects.requireNonNull(factVersions, "factVersions");
    }

    /** The version of the event that last set each fact; 0: no event has told it yet. */
    public record FactVersions(long attendance, long date, long duration) {

        public static FactVersions all(long version) {
            return new FactVersions(version, version, version);
        }
    }

    /** Attended and not deleted: counts for points, the lesson tiers, the streak and study time. */
    public boolean attended() {
        return !deleted && attendanceStatus == AttendanceStatus.ATTENDED;
    }

    /**
     * The lesson after an event: each fact the event tells is taken unless a newer event already set it. An unknown
     * lesson starts as a new lesson is ({@code scheduled}, undated, no fact told) — how it is when an update arrives
     * before its creation.
     */
    public static LessonProgress apply(LessonProgress existing, long lessonId, long tutorId, long studentId,
            LessonFacts facts, long eventVersion) {
        LessonProgress base = existing != null ? existing
                : new LessonProgress(lessonId, tutorId, studentId, AttendanceStatus.SCHEDULED, null, 0, false, false,
                        0, FactVersions.all(0));
        FactVersions held = base.factVersions();
        AttendanceStatus attendance = base.attendanceStatus();
        long attendanceVersion = held.attendance();
        if (facts.attendance() != null && eventVersion >= held.attendance()) {
            attendance = facts.attendance();
            attendanceVersion = eventVersion;
        }
        Instant startAt = base.startAt();
        long dateVersion = held.date();
        if (facts.dateKnown() && eventVersion >= held.date()) {
            startAt = facts.startAt();
            dateVersion = eventVersion;
        }
        int duration = base.durationMinutes();
        long durationVersion = held.duration();
        if (facts.durationMinutes() != null && eventVersion >= held.duration()) {
            duration = facts.durationMinutes();
            durationVersion = eventVersion;
        }
        return new LessonProgress(lessonId, base.tutorId(), base.studentId(), attendance, startAt, duration,
                base.masteredOnce() || facts.reachedMastered(), base.deleted() || facts.deleted(),
                Math.max(eventVersion, base.version()),
                new FactVersions(attendanceVersion, dateVersion, durationVersion));
    }
}
