package ru.repitbot.events;

/** A record of the catalogue: knows its event type (the routing key) and the object it is about. */
public interface EventPayload {

    /** Routing key and {@code event_type}, e.g. {@code user.created}. Not serialised. */
    String eventType();

    /** The id of the changed object. Not serialised. */
    String aggregateId();
}
