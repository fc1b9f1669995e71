package ru.repitbot.achievement.events;

import java.time.ZoneId;
import org.springframework.stereotype.Component;
import ru.repitbot.achievement.db.AwardedAchievements;
import ru.repitbot.events.EventEnvelope;
import ru.repitbot.events.catalogue.AchievementEvents;
import ru.repitbot.events.outbox.Outbox;

/**
 * {@code achievement.earned} (docs/domain/events.md#achievement-events), written to the outbox in the transaction
 * that awards it — and only when the award row was new, so an award is announced once and never again.
 */
@Component
public class AchievementEventPublisher {

    private final Outbox outbox;

    public AchievementEventPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    /** @param cause the event that led to the award, or {@code null} (a rebuild) */
    public void earned(AwardedAchievements.Award award, ZoneId zone, EventEnvelope cause) {
        AchievementEvents.Earned earned = new AchievementEvents.Earned(award.id(), award.studentId(),
                award.type().code(), award.type().title(), award.type().description(), award.type().icon(),
                award.earnedAt().atZone(zone).toOffsetDateTime());
        if (cause == null) {
            outbox.publish(earned);
        } else {
            outbox.publish(earned, cause);
        }
    }
}
