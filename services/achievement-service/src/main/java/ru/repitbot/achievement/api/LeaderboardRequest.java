package ru.repitbot.achievement.api;

import jakarta.validation.constraints.NotNull;

/** {@code PUT /api/v1/achievements/leaderboard/settings}: turns the calling tutor's leaderboard on or off. */
public record LeaderboardRequest(@NotNull Boolean enabled) {
}
