package ru.repitbot.notification.events;

import org.springframework.stereotype.Component;
import ru.repitbot.events.EventEnvelope;
import ru.repitbot.events.catalogue.UserEvents;
import ru.repitbot.notification.db.Recipients;

/**
 * Keeps {@code recipient} from user-service's events: a user's Telegram id is their private chat with the bot
 * (their language stays as they chose it). A deleted user is told nothing more: their queued messages are
 * cancelled. docs/domain/notifications.md#tables
 */
@Component
public class RecipientsFromUsers {

    private final Recipients recipients;

    public RecipientsFromUsers(Recipients recipients) {
        this.recipients = recipients;
    }

    public void onCreated(UserEvents.Created created, EventEnvelope envelope) {
        if (created.telegramId() != null) {
            recipients.setChat(created.userId(), created.telegramId());
        }
    }

    public void onUpdated(UserEvents.Updated updated, EventEnvelope envelope) {
        if (updated.fields() != null && updated.fields().telegramId() != null) {
            recipients.setChat(updated.userId(), updated.fields().telegramId().newValue());
        }
    }

    public void onDeleted(UserEvents.Deleted deleted, EventEnvelope envelope) {
        recipients.cancelQueuedFor(deleted.userId(), "user deleted");
    }
}
