package ru.repitbot.standin;

import java.time.Instant;

/** A callback query the stand-in sent and what the bot answered. Guarded by the bot's lock. */
final class CallbackRecord {

    final String id;
    final ChatState chat;
    final StoredMessage message;
    final TgUser from;
    final String data;
    final Instant pressedAt = Instant.now();
    boolean answered;
    String text;
    boolean showAlert;
    String url;
    Instant answeredAt;

    CallbackRecord(String id, ChatState chat, StoredMessage message, TgUser from, String data) {
        this.id = id;
        this.chat = chat;
        this.message = message;
        this.from = from;
        this.data = data;
    }

    CallbackAnswer snapshot() {
        return new CallbackAnswer(id, chat.id, message.messageId, from.id(), data, answered, text, showAlert, url,
                pressedAt, answeredAt);
    }
}
