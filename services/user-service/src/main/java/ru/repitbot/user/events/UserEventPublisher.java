package ru.repitbot.user.events;

import java.util.List;
import org.springframework.stereotype.Component;
import ru.repitbot.events.catalogue.UserEvents;
import ru.repitbot.events.outbox.Outbox;
import ru.repitbot.events.catalogue.UserChanges;
import ru.repitbot.user.domain.User;

/**
 * user-service's events, written to the outbox inside the transaction of the change (so other services' access
 * projections can never miss a link or see one that was rolled back). Never carries an access code.
 *
 * <p>{@code user.created/updated/deleted} carry the user's row version as {@code aggregate_version} (1, 2, …, and the
 * changes must be flushed first); link events are not versioned (always 1): their aggregate id is the student's, but
 * they are not changes of the student's row.
 */
@Component
public class UserEventPublisher {

    private final Outbox outbox;

    public UserEventPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    public void created(User user, List<Long> tutorIds, List<Long> parentIds) {
        outbox.publish(new UserEvents.Created(user.id(), user.role().value(), user.fullName(), user.telegramId(),
                user.username(), user.timeZone(), user.grade(), List.copyOf(tutorIds), List.copyOf(parentIds)),
                user.version());
    }

    /** Publishes {@code user.updated} when something really changed. */
    public void updated(User user, UserChanges changes) {
        if (!changes.isEmpty()) {
            outbox.publish(new UserEvents.Updated(user.id(), user.role().value(), changes), user.version());
        }
    }

    public void deleted(User user) {
        outbox.publish(new UserEvents.Deleted(user.id(), user.role().value()), user.version());
    }

    public void linked(UserEvents.LinkKind kind, long userId, long studentId) {
        outbox.publish(new UserEvents.Linked(kind, userId, studentId));
    }

    public void unlinked(UserEvents.LinkKind kind, long userId, long studentId) {
        outbox.publish(new UserEvents.Unlinked(kind, userId, studentId));
    }
}
