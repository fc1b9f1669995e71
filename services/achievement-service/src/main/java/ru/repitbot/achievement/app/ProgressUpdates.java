package ru.repitbot.achievement.app;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import ru.repitbot.achievement.db.AwardedAchievements;
import ru.repitbot.achievement.db.HomeworkProgressRows;
import ru.repitbot.achievement.db.LessonProgressRows;
import ru.repitbot.achievement.db.PointsLedger;
import ru.repitbot.achievement.db.StudentLocks;
import ru.repitbot.achievement.domain.AchievementCatalogue;
import ru.repitbot.achievement.domain.AchievementType;
import ru.repitbot.achievement.domain.LessonFacts;
import ru.repitbot.achievement.domain.LessonProgress;
import ru.repitbot.achievement.domain.PointReason;
import ru.repitbot.achievement.domain.PointsRule;
import ru.repitbot.achievement.domain.Progress;
import ru.repitbot.achievement.domain.StreakRule;
import ru.repitbot.achievement.events.AchievementEventPublisher;
import ru.repitbot.events.EventEnvelope;

/**
 * The one writer of a student's progress: a lesson's facts or a homework's acceptance applied (from an event or a
 * rebuild), the points history written for what the new state is worth, and every achievement now due awarded and
 * announced. Runs in the caller's transaction (the inbox's, or the rebuild's per student) under the student's lock.
 */
@Service
public class ProgressUpdates {

    private static final Logger log = LoggerFactory.getLogger(ProgressUpdates.class);

    private final LessonProgressRows lessons;
    private final HomeworkProgressRows homework;
    private final PointsLedger ledger;
    private final AwardedAchievements awards;
    private final StudentLocks locks;
    private final AchievementEventPublisher events;
    private final Zones zones;
    private final Clock clock;

    public ProgressUpdates(LessonProgressRows lessons, HomeworkProgressRows homework, PointsLedger ledger,
            AwardedAchievements awards, StudentLocks locks, AchievementEventPublisher events, Zones zones,
            Clock clock) {
        this.lessons = lessons;
        this.homework = homework;
        this.ledger = ledger;
        this.awards = awards;
        this.locks = locks;
        this.events = events;
        this.zones = zones;
        this.clock = clock;
    }

    private record Entry(PointsRule.Change change, Long lessonId, Long homeworkId) {
    }

    /**
     * A lesson event (or a rebuild's reading of a lesson) applied. Returns whether anything changed.
     *
     * @param cause the event, for the correlation of what it leads to; {@code null} at a rebuild
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean lesson(long lessonId, long tutorId, long studentId, LessonFacts facts, long version,
            EventEnvelope cause) {
        locks.lock(studentId);
        LessonProgress before = lessons.find(lessonId).orElse(null);
        LessonProgress after = LessonProgress.apply(before, lessonId, tutorId, studentId, facts, version);
        if (after.equals(before)) {
            log.debug("Lesson {} unchanged by version {}", lessonId, version);
            return false;
        }
        Instant now = clock.instant();
        lessons.upsert(after, now);
        List<Entry> entries = new ArrayList<>();
        PointsRule.lessonChanges(before, after).forEach(c -> entries.add(new Entry(c, lessonId, null)));
        if (after.deleted() && (before == null || !before.deleted())) {
            for (HomeworkProgressRows.Row row : homework.ofLesson(lessonId)) {
                PointsRule.homeworkChange(row.points(), 0, PointReason.LESSON_DELETED)
                        .forEach(c -> entries.add(new Entry(c, lessonId, row.homeworkId())));
                homework.upsert(new HomeworkProgressRows.Row(row.homeworkId(), row.lessonId(), row.studentId(),
                        row.tutorId(), 0, row.version()), now);
            }
        }
        finish(after.studentId(), entries, now, cause);
        return true;
    }

    /**
     * A homework accepted ({@code checked} is final in homework-service, so any event saying so, in any order,
     * leaves it accepted). Returns whether anything changed.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean homeworkAccepted(long homeworkId, long lessonId, long studentId, long tutorId, long version,
            EventEnvelope cause) {
        locks.lock(studentId);
        Optional<HomeworkProgressRows.Row> held = homework.find(homeworkId);
        if (held.isPresent()) {
            return false;
        }
        Instant now = clock.instant();
        int worth = PointsRule.homeworkPoints(true, lessons.isDeleted(lessonId));
        homework.upsert(new HomeworkProgressRows.Row(homeworkId, lessonId, studentId, tutorId, worth, version), now);
        List<Entry> entries = new ArrayList<>();
        PointsRule.homeworkChange(0, worth, PointReason.LESSON_DELETED)
                .forEach(c -> entries.add(new Entry(c, lessonId, homeworkId)));
        finish(studentId, entries, now, cause);
        return true;
    }

    /** A rebuild found the accepted homework gone from homework-service: it is worth nothing any more. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean homeworkGone(HomeworkProgressRows.Row row) {
        locks.lock(row.studentId());
        HomeworkProgressRows.Row held = homework.find(row.homeworkId()).orElse(row);
        if (held.points() == 0) {
            return false;
        }
        Instant now = clock.instant();
        homework.upsert(new HomeworkProgressRows.Row(held.homeworkId(), held.lessonId(), held.studentId(),
                held.tutorId(), 0, held.version()), now);
        List<Entry> entries = new ArrayList<>();
        PointsRule.homeworkChange(held.points(), 0, PointReason.HOMEWORK_DELETED)
                .forEach(c -> entries.add(new Entry(c, held.lessonId(), held.homeworkId())));
        finish(held.studentId(), entries, now, null);
        return true;
    }

    /** Awards what the student's state has reached and they do not have yet; returns how many. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int awardDue(long studentId, EventEnvelope cause) {
        locks.lock(studentId);
        return award(studentId, clock.instant(), cause);
    }

    private void finish(long studentId, List<Entry> entries, Instant now, EventEnvelope cause) {
        if (!entries.isEmpty()) {
            int total = ledger.points(studentId);
            int running = total - entries.stream().mapToInt(e -> e.change().delta()).sum();
            for (Entry e : entries) {
                running += e.change().delta();
                ledger.record(studentId, e.change().delta(), e.change().reason(), e.lessonId(), e.homeworkId(),
                        running, now);
            }
        }
        award(studentId, now, cause);
    }

    private int award(long studentId, Instant now, EventEnvelope cause) {
        ZoneId zone = zones.of(studentId);
        Progress progress = progressOf(studentId, zone);
        int awarded = 0;
        for (AchievementType type : AchievementCatalogue.due(progress, awards.typesOf(studentId))) {
            Optional<AwardedAchievements.Award> award = awards.award(studentId, type, now);
            if (award.isPresent()) {
                events.earned(award.get(), zone, cause);
                awarded++;
            }
        }
        return awarded;
    }

    /** The student's measures now. */
    public Progress progressOf(long studentId, ZoneId zone) {
        LessonProgressRows.Attended attended = lessons.attended(studentId);
        int streak = StreakRule.longest(StreakRule.days(lessons.attendedStarts(studentId), zone));
        return new Progress(attended.lessons(), homework.acceptedCount(studentId), streak, ledger.points(studentId));
    }
}
