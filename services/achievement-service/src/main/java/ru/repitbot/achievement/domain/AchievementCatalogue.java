package ru.repitbot.achievement.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Thresholds are crossed, not hit exactly (docs/domain/achievements.md#q3-thresholds-are-crossed): after any change,
 * every type whose measure has reached its threshold and that the student does not have yet is due — all of them at
 * once, so a jump from 40 to 260 points brings 50, 100 and 250 together, and a count that skipped a value (two lessons
 * marked in one event's wake, a rebuild) still awards. Awards are never taken back: a measure that falls again
 * changes nothing here.
 */
public final class AchievementCatalogue {

    private AchievementCatalogue() {
    }

    /** The types reached by {@code progress} and not in {@code awarded}, in catalogue order. */
    public static List<AchievementType> due(Progress progress, Set<AchievementType> awarded) {
        return Arrays.stream(AchievementType.values())
                .filter(type -> !awarded.contains(type))
                .filter(type -> progress.measure(type.measure()) >= type.threshold())
                .toList();
    }
}
