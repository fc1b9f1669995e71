package ru.repitbot.events.catalogue;

import java.time.OffsetDateTime;
import ru.repitbot.events.EventPayload;

/** Events of achievement-service (docs/domain/events.md#achievement-events). */
public final class AchievementEvents {

    private AchievementEvents() {
    }

    /** A badge awarded, once per student and type; {@code title}, {@code description} and {@code icon} as shown. */
    public record Earned(long achievementId, long studentId, String achievementType, String title,
            String description, String icon, @WireDateTime OffsetDateTime earnedAt) implements EventPayload {
        @Override
        public String aggregateId() {
            return Long.toString(achievementId);
        }
    }
}
