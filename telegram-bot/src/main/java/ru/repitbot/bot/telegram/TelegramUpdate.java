package ru.repitbot.bot.telegram;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import ru.repitbot.bot.dialog.BotEvent;

/**
 * The part of Telegram's {@code Update} the bot handles ({@code allowed_updates}: message, callback_query), as the
 * Bot API sends it (snake_case; unknown fields ignored).
 */
public record TelegramUpdate(long updateId, Message message, CallbackQuery callbackQuery) {

    public record User(long id, Boolean isBot, String firstName, String lastName, String username,
            String languageCode) {
    }

    public record Chat(long id, String type, String title) {
    }

    public record PhotoSize(String fileId, String fileUniqueId, int width, int height, Long fileSize) {
    }

    public record Document(String fileId, String fileName, String mimeType, Long fileSize) {
    }

    public record Message(int messageId, User from, Chat chat, Long date, String text, String caption,
            List<PhotoSize> photo, Document document, Message replyToMessage) {
    }

    public record CallbackQuery(String id, User from, Message message, String data) {
    }

    /** The normalised event, or empty for an update the bot does not handle (a channel post, a service message). */
    public Optional<BotEvent> toEvent() {
        if (callbackQuery != null && callbackQuery.from() != null) {
            Message on = callbackQuery.message();
            long chatId = on != null && on.chat() != null ? on.chat().id() : callbackQuery.from().id();
            return Optional.of(new BotEvent(updateId, chatId, on != null && on.chat() != null ? on.chat().type() : null,
                    callbackQuery.from().id(), callbackQuery.from().username(), callbackQuery.from().firstName(),
                    callbackQuery.from().languageCode(), null, callbackQuery.id(),
                    callbackQuery.data() == null ? "" : callbackQuery.data(), on == null ? null : on.messageId(),
                    List.of(), null, null));
        }
        if (message != null && message.chat() != null && message.from() != null) {
            List<BotEvent.Attachment> photos = message.photo() == null || message.photo().isEmpty() ? List.of()
                    : List.of(new BotEvent.Attachment(message.photo().stream()
                            .max(Comparator.comparingLong(p -> (long) p.width() * p.height())).orElseThrow().fileId(),
                            null, "image/jpeg"));
            BotEvent.Attachment document = message.document() == null ? null
                    : new BotEvent.Attachment(message.document().fileId(), message.document().fileName(),
                            message.document().mimeType());
            String text = message.text() != null ? message.text() : message.caption();
            return Optional.of(new BotEvent(updateId, message.chat().id(), message.chat().type(), message.from().id(),
                    message.from().username(), message.from().firstName(), message.from().languageCode(), text, null,
                    null, message.messageId(), photos, document,
                    message.replyToMessage() == null ? null : message.replyToMessage().messageId()));
        }
        return Optional.empty();
    }
}
