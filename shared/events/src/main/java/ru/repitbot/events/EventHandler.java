package ru.repitbot.events;

/**
 * Work a service does for one event: its payload, decoded once as the subscribed record, and its envelope (the
 * aggregate version, the event id, …). Runs inside the transaction that also records the event as processed, so a
 * redelivered event changes nothing. Throwing makes the delivery retry with back-off and then go to the DLQ.
 */
@FunctionalInterface
public interface EventHandler<T extends EventPayload> {

    void handle(T payload, EventEnvelope envelope) throws Exception;
}
