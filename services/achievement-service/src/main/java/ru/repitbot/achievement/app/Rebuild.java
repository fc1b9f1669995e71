package ru.repitbot.achievement.app;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import ru.repitbot.achievement.api.AchievementResponses;
import ru.repitbot.achievement.client.OwnerReader;
import ru.repitbot.achievement.db.HomeworkProgressRows;
import ru.repitbot.achievement.db.LessonProgressRows;
import ru.repitbot.achievement.domain.LessonFacts;
import ru.repitbot.achievement.domain.LessonProgress;
import ru.repitbot.config.security.CurrentUser;
import ru.repitbot.models.AttendanceStatus;
import ru.repitbot.models.Role;

/**
 * Recomputes points, streaks and achievements from lesson-service's and homework-service's current state (after a
 * migration or a rule change; docs/domain/achievements.md#rebuild). Each listed lesson is applied as one event telling
 * every fact at the lesson's version, so a fact a newer live event already set stays; a lesson (or accepted homework)
 * held but no longer listed, and not written since the rebuild began, is gone. Achievements already awarded are not
 * announced again (one row per student and type); newly reached ones are. One transaction per lesson, homework and
 * student: a rebuild stopped half-way leaves consistent state, and running it again finishes it.
 */
@Service
public class Rebuild {

    private static final Logger log = LoggerFactory.getLogger(Rebuild.class);

    private final OwnerReader owners;
    private final ProgressUpdates updates;
    private final LessonProgressRows lessons;
    private final HomeworkProgressRows homework;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public Rebuild(OwnerReader owners, ProgressUpdates updates, LessonProgressRows lessons,
            HomeworkProgressRows homework, TransactionTemplate transactions, Clock clock) {
        this.owners = owners;
        this.updates = updates;
        this.lessons = lessons;
        this.homework = homework;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * @param studentId only this student's lessons and homework (a large installation rebuilds student by student:
     *        the owners' lists stop at 100,000 rows), or {@code null} for everyone
     */
    public AchievementResponses.RebuildResult run(CurrentUser caller, Long studentId) {
        caller.require(Role.ADMIN);
        Instant started = clock.instant();
        List<OwnerReader.Lesson> listedLessons = owners.lessons(studentId);
        List<OwnerReader.Homework> listedHomework = owners.acceptedHomework(studentId);
        Set<Long> students = new HashSet<>();
        Set<Long> lessonIds = new HashSet<>();
        int lessonsChanged = 0;
        for (OwnerReader.Lesson l : listedLessons) {
            lessonIds.add(l.id());
            students.add(l.studentId());
            LessonFacts facts = LessonFacts.none().withAttendance(AttendanceStatus.fromValue(l.attendanceStatus()))
                    .withDate(l.startAt()).withDuration(l.durationMinutes());
            if ("mastered".equals(l.masteryLevel())) {
                facts = facts.withMastered();
            }
            LessonFacts told = facts;
            if (Boolean.TRUE.equals(transactions.execute(tx -> updates.lesson(l.id(), l.tutorId(), l.studentId(),
                    told, l.version(), null)))) {
                lessonsChanged++;
            }
        }
        for (LessonProgress held : lessons.liveWrittenBefore(started, studentId)) {
            if (!lessonIds.contains(held.lessonId())) {
                students.add(held.studentId());
                if (Boolean.TRUE.equals(transactions.execute(tx -> updates.lesson(held.lessonId(), held.tutorId(),
                        held.studentId(), LessonFacts.deletion(), held.version(), null)))) {
                    lessonsChanged++;
                }
            }
        }
        Set<Long> homeworkIds = new HashSet<>();
        int homeworkChanged = 0;
        for (OwnerReader.Homework h : listedHomework) {
            homeworkIds.add(h.id());
            students.add(h.studentId());
            if (Boolean.TRUE.equals(transactions.execute(tx -> updates.homeworkAccepted(h.id(), h.lessonId(),
                    h.studentId(), h.tutorId(), h.version(), null)))) {
                homeworkChanged++;
            }
        }
        for (HomeworkProgressRows.Row held : homework.worthWrittenBefore(started, studentId)) {
            if (!homeworkIds.contains(held.homeworkId())) {
                students.add(held.studentId());
                if (Boolean.TRUE.equals(transactions.execute(tx -> updates.homeworkGone(held)))) {
                    homeworkChanged++;
                }
            }
        }
        int awarded = 0;
        for (long student : students) {
            Integer n = transactions.execute(tx -> updates.awardDue(student, null));
            awarded += n == null ? 0 : n;
        }
        log.info("Rebuilt from {} lessons and {} accepted homework: {} lessons and {} homework changed, {} students, "
                + "{} achievements newly awarded", listedLessons.size(), listedHomework.size(), lessonsChanged,
                homeworkChanged, students.size(), awarded);
        return new AchievementResponses.RebuildResult(listedLessons.size(), listedHomework.size(), lessonsChanged,
                homeworkChanged, students.size(), awarded);
    }
}
