package ru.repitbot.achievement.app;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.repitbot.access.StudentAccess;
import ru.repitbot.achievement.api.AchievementResponses;
import ru.repitbot.achievement.db.AwardedAchievements;
import ru.repitbot.achievement.db.HomeworkProgressRows;
import ru.repitbot.achievement.db.LessonProgressRows;
import ru.repitbot.achievement.db.PointsLedger;
import ru.repitbot.achievement.domain.AchievementType;
import ru.repitbot.achievement.domain.StreakRule;
import ru.repitbot.config.security.CurrentUser;
import ru.repitbot.models.PageQuery;
import ru.repitbot.models.PageResponse;

/**
 * A student's points, streak, study time, achievements and points history, for the student, their parents, their
 * tutors, admins and services; anyone else gets 404 (docs/domain/achievements.md#who-may-see-what).
 */
@Service
@Transactional(readOnly = true)
public class ProgressQueries {

    private final StudentAccess access;
    private final LessonProgressRows lessons;
    private final HomeworkProgressRows homework;
    private final PointsLedger ledger;
    private final AwardedAchievements awards;
    private final Zones zones;
    private final Clock clock;

    public ProgressQueries(StudentAccess access, LessonProgressRows lessons, HomeworkProgressRows homework,
            PointsLedger ledger, AwardedAchievements awards, Zones zones, Clock clock) {
        this.access = access;
        this.lessons = lessons;
        this.homework = homework;
        this.ledger = ledger;
        this.awards = awards;
        this.zones = zones;
        this.clock = clock;
    }

    public AchievementResponses.StudentProgress progress(CurrentUser caller, long studentId) {
        access.requireVisible(caller, studentId);
        ZoneId zone = zones.of(studentId);
        var days = StreakRule.days(lessons.attendedStarts(studentId), zone);
        LessonProgressRows.Attended attended = lessons.attended(studentId);
        return new AchievementResponses.StudentProgress(studentId, ledger.points(studentId),
                StreakRule.current(days, clock.instant().atZone(zone).toLocalDate()), StreakRule.longest(days),
                attended.lessons(), attended.minutes(), homework.acceptedCount(studentId),
                awards.typesOf(studentId).size(), zone.getId());
    }

    public List<AchievementResponses.Achievement> achievements(CurrentUser caller, long studentId) {
        access.requireVisible(caller, studentId);
        ZoneId zone = zones.of(studentId);
        return awards.of(studentId).stream().map(a -> new AchievementResponses.Achievement(a.id(), a.type().code(),
                a.type().title(), a.type().description(), a.type().icon(), a.earnedAt().atZone(zone)
                        .toOffsetDateTime())).toList();
    }

    public PageResponse<AchievementResponses.PointChange> history(CurrentUser caller, long studentId,
            PageQuery page) {
        access.requireVisible(caller, studentId);
        ZoneId zone = zones.of(studentId);
        List<AchievementResponses.PointChange> items = ledger.page(studentId, page.size(), page.offset()).stream()
                .map(e -> new AchievementResponses.PointChange(e.id(), e.delta(), e.reason(), e.lessonId(),
                        e.homeworkId(), e.pointsAfter(), e.changedAt().atZone(zone).toOffsetDateTime()))
                .toList();
        return PageResponse.of(items, ledger.count(studentId), page.page(), page.size());
    }

    public List<AchievementResponses.CatalogueEntry> catalogue() {
        return Arrays.stream(AchievementType.values()).map(t -> new AchievementResponses.CatalogueEntry(t.code(),
                t.title(), t.description(), t.icon(), t.measure().name().toLowerCase(java.util.Locale.ROOT),
                t.threshold())).toList();
    }
}
