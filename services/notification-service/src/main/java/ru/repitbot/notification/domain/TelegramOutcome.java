package ru.repitbot.notification.domain;

/** What one call to the Bot API came back with. */
public sealed interface TelegramOutcome {

    /** {@code ok: true}; {@code messageId} lets a tutor's Telegram reply be threaded back
         * (docs/domain/notifications.md#q17-messages-are-stored). */
    record Accepted(long messageId) implements TelegramOutcome {
    }

    /**
     * An error answer: the HTTP status / {@code error_code}, Telegram's {@code description}, and
     * {@code parameters.retry_after} in seconds when it sent one (429), otherwise {@code null}.
     */
    record Refused(int status, String description, Integer retryAfterSeconds) implements TelegramOutcome {
    }

    /** No answer: a timeout or a broken connection. Telegram may or may not have delivered the message. */
    record NoAnswer(String cause) implements TelegramOutcome {
    }
}
