package ru.repitbot.achievement.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AchievementCatalogueTest {

    private static Progress only(AchievementType.Measure measure, int value) {
        return new Progress(measure == AchievementType.Measure.ATTENDED_LESSONS ? value : 0,
                measure == AchievementType.Measure.ACCEPTED_HOMEWORK ? value : 0,
                measure == AchievementType.Measure.STREAK_DAYS ? value : 0,
                measure == AchievementType.Measure.POINTS ? value : 0);
    }

    @ParameterizedTest
    @EnumSource(AchievementType.class)
    void everyTierIsReachedAtItsThresholdAndBeyondButNotBelow(AchievementType type) {
        Set<AchievementType> none = EnumSet.noneOf(AchievementType.class);
        assertThat(AchievementCatalogue.due(only(type.measure(), type.threshold() - 1), none)).doesNotContain(type);
        assertThat(AchievementCatalogue.due(only(type.measure(), type.threshold()), none)).contains(type);
        assertThat(AchievementCatalogue.due(only(type.measure(), type.threshold() + 7), none))
                .as("crossed, not hit exactly: a skipped value still awards").contains(type);
    }

    @ParameterizedTest
    @EnumSource(AchievementType.class)
    void aTierAlreadyAwardedIsNotDueAgain(AchievementType type) {
        assertThat(AchievementCatalogue.due(only(type.measure(), 10_000), EnumSet.of(type))).doesNotContain(type);
    }

    @Test
    void allMissingPointsTiersComeAtOnce() {
        assertThat(AchievementCatalogue.due(new Progress(0, 0, 0, 260), EnumSet.noneOf(AchievementType.class)))
                .containsExactly(AchievementType.POINTS_50, AchievementType.POINTS_100, AchievementType.POINTS_250);
        assertThat(AchievementCatalogue.due(new Progress(0, 0, 0, 1000), EnumSet.of(AchievementType.POINTS_100)))
                .containsExactly(AchievementType.POINTS_50, AchievementType.POINTS_250, AchievementType.POINTS_500,
                        AchievementType.POINTS_1000);
    }

    @Test
    void countsIncludeTheTriggeringChange() {
        // The tenth attended lesson, counted with itself: both first_lesson (missing) and lessons_10 are due.
        assertThat(AchievementCatalogue.due(new Progress(10, 0, 1, 100), EnumSet.of(AchievementType.POINTS_50,
                AchievementType.POINTS_100))).containsExactly(AchievementType.FIRST_LESSON, AchievementType.LESSONS_10);
    }

    @Test
    void theCatalogueHasTheOldBotsNineteenTypes() {
        assertThat(AchievementType.values()).hasSize(19);
        assertThat(AchievementType.ofCode("streak_7").title()).isEqualTo("Неделя знаний");
        assertThat(AchievementType.ofCode("points_1000").icon()).isEqualTo("🏆");
        assertThat(AchievementType.LESSONS_25.description()).isEqualTo("25 проведенных уроков!");
    }
}
