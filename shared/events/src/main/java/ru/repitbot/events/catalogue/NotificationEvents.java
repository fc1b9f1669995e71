package ru.repitbot.events.catalogue;

import ru.repitbot.events.EventPayload;

/**
 * Events of notification-service: the outcome of one delivery. {@code channel} is e.g. {@code telegram};
 * {@code type} the kind of notification, e.g. {@code lesson_reminder}, {@code balance_low}, {@code message}.
 */
public final class NotificationEvents {

    private NotificationEvents() {
    }

    public record Sent(long notificationId, long userId, String channel, String type) implements EventPayload {
        @Override
        public String aggregateId() {
            return Long.toString(notificationId);
        }
    }

    /** Delivery given up: retries exhausted, or the user blocked the bot; {@code error} says which. */
    public record Failed(long notificationId, long userId, String channel, String type, String error)
            implements EventPayload {
        @Override
        public String aggregateId() {
            return Long.toString(notificationId);
        }
    }
}
