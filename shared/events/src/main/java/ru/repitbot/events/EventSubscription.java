package ru.repitbot.events;

/**
 * Declares that this service consumes {@code eventType}: its queue is bound to that routing key and
 * {@code handler} runs for each such event. Declare one bean per (type, handler).
 */
public record EventSubscription(String eventType, EventHandler handler) {

    public static EventSubscription on(String eventType, EventHandler handler) {
        return new EventSubscription(eventType, handler);
    }
}
