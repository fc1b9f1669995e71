package ru.repitbot.achievement.domain;

/**
 * What a student has, after a change (the change included): the measures the achievement tiers are compared with.
 *
 * @param attendedLessons lessons attended (not deleted)
 * @param acceptedHomework homework accepted (of lessons not deleted)
 * @param longestStreak the longest run of consecutive days with an attended lesson, in the student's zone
 * @param points the points ({@link PointsRule})
 */
public record Progress(int attendedLessons, int acceptedHomework, int longestStreak, int points) {

    public int measure(AchievementType.Measure measure) {
        return switch (measure) {
            case ATTENDED_LESSONS -> attendedLessons;
            case ACCEPTED_HOMEWORK -> acceptedHomework;
            case STREAK_DAYS -> longestStreak;
            case POINTS -> points;
        };
    }
}
