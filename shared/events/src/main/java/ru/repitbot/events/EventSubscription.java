package ru.repitbot.events;

import ru.repitbot.events.catalogue.EventTypes;

/**
 * Declares that this service consumes events of {@code payloadType}: its queue is bound to that type's routing key
 * ({@link EventTypes}) and {@code handler} runs for each such event with the payload decoded. Declare one bean per
 * (type, handler): {@code EventSubscription.on(LessonEvents.Created.class, (created, envelope) -> …)}.
 */
public record EventSubscription<T extends EventPayload>(Class<T> payloadType, EventHandler<T> handler) {

    public static <T extends EventPayload> EventSubscription<T> on(Class<T> payloadType, EventHandler<T> handler) {
        return new EventSubscription<>(payloadType, handler);
    }

    /** The routing key this subscription binds. */
    public String eventType() {
        return EventTypes.of(payloadType);
    }

    /** Runs the handler for a payload already decoded as {@link #payloadType()}. */
    public void deliver(EventPayload payload, EventEnvelope envelope) throws Exception {
        handler.handle(payloadType.cast(payload), envelope);
    }
}
