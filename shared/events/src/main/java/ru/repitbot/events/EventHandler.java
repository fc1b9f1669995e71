package ru.repitbot.events;

/**
 * Work a service does for one event. Runs inside the transaction that also records the event as processed, so a
 * redelivered event changes nothing. Throwing makes the delivery retry with back-off and then go to the DLQ.
 */
@FunctionalInterface
public interface EventHandler {

    void handle(EventEnvelope event) throws Exception;
}
