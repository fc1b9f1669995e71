package ru.repitbot.events;

import ru.repitbot.events.catalogue.EventTypes;

/** A record of the catalogue: knows its event type (the routing key) and the object it is about. */
public interface EventPayload {

    /** Routing key and {@code event_type}, e.g. {@code user.created}, as {@link EventTypes} maps it. Not serialised. */
    default String eventType() {
        return EventTypes.of(getClass());
    }

    /** The id of the changed object. Not serialised. */
    String aggregateId();
}
