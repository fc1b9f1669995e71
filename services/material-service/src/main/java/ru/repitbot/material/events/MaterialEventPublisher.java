package ru.repitbot.material.events;

import org.springframework.stereotype.Component;
import ru.repitbot.events.catalogue.MaterialEvents;
import ru.repitbot.events.outbox.Outbox;
import ru.repitbot.material.domain.Material;

/** material.created/updated/deleted through the outbox, in the transaction of the change. */
@Component
public class MaterialEventPublisher {

    private final Outbox outbox;

    public MaterialEventPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    public void created(Material m) {
        outbox.publish(new MaterialEvents.Created(m.id(), m.tutorId(), m.title(), m.grade(), firstLink(m),
                m.description(), m.subject(), m.tags(), m.links()), m.version());
    }

    public void updated(Material m) {
        outbox.publish(new MaterialEvents.Updated(m.id(), m.tutorId(), m.title(), m.grade(), firstLink(m),
                m.description(), m.subject(), m.tags(), m.links()), m.version());
    }

    /** {@code m} as it was; the version one past its last, so a consumer orders it after every update. */
    public void deleted(Material m) {
        outbox.publish(new MaterialEvents.Deleted(m.id(), m.tutorId(), m.title(), m.grade(), firstLink(m),
                m.description(), m.subject(), m.tags(), m.links()), m.version() + 1);
    }

    private static String firstLink(Material m) {
        return m.links().isEmpty() ? null : m.links().getFirst();
    }
}
