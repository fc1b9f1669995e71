package ru.repitbot.bot.flows.achievements;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What achievement-service answers (its README, {@code AchievementResponses}), as the bot reads it; the fields the
 * screens show.
 */
public final class AchievementModels {

    private AchievementModels() {
    }

    /** {@code GET /api/v1/achievements/students/{id}}. */
    public record Progress(long studentId, int points, int streak, int bestStreak, int attendedLessons,
            long studyMinutes, int acceptedHomework, int achievements, String timeZone) {
    }

    /** One awarded achievement ({@code .../students/{id}/achievements}, newest first). */
    public record Earned(long id, String achievementType, String title, String description, String icon,
            OffsetDateTime earnedAt) {
    }

    /** One change of the points ({@code .../students/{id}/points-history}, newest first). */
    public record PointChange(long id, int delta, String reason, Long lessonId, Long homeworkId, int pointsAfter,
            OffsetDateTime changedAt) {
    }

    /** A tutor's students by points ({@code GET /api/v1/achievements/leaderboard}). */
    public record Board(long tutorId, boolean enabled, List<BoardLine> items) {

        public Board {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    /** One line of a leaderboard; equal points share a rank; {@code isCaller} marks the student looking at it. */
    public record BoardLine(int rank, long studentId, String fullName, int points, boolean isCaller) {
    }

    /** {@code PUT /api/v1/achievements/leaderboard/settings}'s answer. */
    public record Setting(long tutorId, boolean enabled) {
    }
}
