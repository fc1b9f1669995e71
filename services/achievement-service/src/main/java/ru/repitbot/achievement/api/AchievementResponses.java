package ru.repitbot.achievement.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;

/** What the read API answers (docs/domain/achievements.md). Times carry the student's offset. */
public final class AchievementResponses {

    private AchievementResponses() {
    }

    /** A student's progress now. */
    public record StudentProgress(
            long studentId,
            int points,
            @Schema(description = "Days in a row with an attended lesson, ending today or yesterday in the student's "
                    + "zone; 0 when the last one is older") int streak,
            @Schema(description = "The longest run of days in a row there has been (what streak achievements are "
                    + "awarded on)") int bestStreak,
            int attendedLessons,
            @Schema(description = "Minutes of attended lessons") long studyMinutes,
            int acceptedHomework,
            int achievements,
            @Schema(description = "The IANA zone the streak's days are counted in") String timeZone) {
    }

    /** An awarded achievement, as shown: «{icon} {title}», the description, «📅 Получено: dd.mm.yyyy». */
    public record Achievement(long id, String achievementType, String title, String description, String icon,
            OffsetDateTime earnedAt) {
    }

    /** One type of the catalogue. */
    public record CatalogueEntry(String achievementType, String title, String description, String icon,
            @Schema(description = "attended_lessons, accepted_homework, streak_days or points") String measure,
            int threshold) {
    }

    /** One change of a student's points. */
    public record PointChange(long id,
            int delta,
            @Schema(description = "lesson_attended, attendance_removed, topic_mastered, homework_accepted, "
                    + "lesson_deleted or homework_deleted") String reason,
            Long lessonId,
            Long homeworkId,
            int pointsAfter,
            OffsetDateTime changedAt) {
    }

    /** A tutor's students by points. */
    public record Leaderboard(long tutorId, boolean enabled, List<LeaderboardEntry> items) {
    }

    /** One line of a leaderboard; equal points share a rank. */
    public record LeaderboardEntry(int rank, long studentId, String fullName, int points, boolean isCaller) {
    }

    /** A tutor's leaderboard switch. */
    public record LeaderboardSetting(long tutorId, boolean enabled) {
    }

    /** What a rebuild did. */
    public record RebuildResult(int lessonsRead, int homeworkRead, int lessonsChanged, int homeworkChanged,
            int students, int achievementsAwarded) {
    }
}
