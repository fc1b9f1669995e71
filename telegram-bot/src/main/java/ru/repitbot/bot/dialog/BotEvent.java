package ru.repitbot.bot.dialog;

import java.util.List;
import java.util.Optional;

/**
 * One incoming update, normalised: who, which chat, and what they sent — a text (a command is a text), a button
 * press (callback id + data + the message the button was on), photos, a document, a reply. This is what waits in a
 * chat's queue in Redis and what flows read.
 *
 * @param messageId the incoming message's id, or for a button press the id of the bot message carrying the button
 *        (edited in place by the answer)
 * @param photos the photo's file id (largest size) when a photo was sent; empty otherwise
 */
public record BotEvent(long updateId, long chatId, String chatType, long userId, String username, String firstName,
        String languageCode, String text, String callbackId, String callbackData, Integer messageId,
        List<Attachment> photos, Attachment document, Integer replyToMessageId) {

    /** A file Telegram already holds: sent on by its {@code file_id}, never downloaded. */
    public record Attachment(String fileId, String fileName, String mimeType) {
    }

    public BotEvent {
        photos = photos == null ? List.of() : List.copyOf(photos);
    }

    public boolean isCallback() {
        return callbackId != null;
    }

    /** A command's name ({@code start} for {@code /start@RepitBot x}); empty for other texts and button presses. */
    public Optional<String> command() {
        return isCallback() ? Optional.empty() : BotCommand.nameOf(text);
    }

    /** Telegram's per-group send limit applies to groups and supergroups (their chat ids are negative). */
    public boolean isGroup() {
        return "group".equals(chatType) || "supergroup".equals(chatType) || chatId < 0;
    }

    /** A short kind for metrics: command, text, callback, photo, document, other. */
    public String kind() {
        if (isCallback()) {
            return "callback";
        }
        if (command().isPresent()) {
            return "command";
        }
        if (!photos.isEmpty()) {
            return "photo";
        }
        if (document != null) {
            return "document";
        }
        return text != null ? "text" : "other";
    }
}
