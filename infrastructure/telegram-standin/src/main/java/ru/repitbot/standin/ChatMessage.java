package ru.repitbot.standin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A message of a chat as it is now (a snapshot): the user's or the bot's, its text (markup already applied, as
 * Telegram stores it) or caption, the inline keyboard under it, a photo or document.
 *
 * @param chatId           the chat
 * @param messageId        its id in the chat
 * @param fromBot          sent by the bot (else by a user)
 * @param fromId           the sender's Telegram id
 * @param text             the text (null for a photo/document)
 * @param caption          the caption of a photo/document (null when none)
 * @param inlineKeyboard   rows of inline buttons (empty when none)
 * @param photo            the photo (null when none)
 * @param document         the document (null when none)
 * @param replyToMessageId the message it replies to (null when none)
 * @param date             sent at
 * @param editDate         last edited at (null when never)
 * @param editCount        how many times it was edited
 * @param deleted          deleted by the bot
 * @param html             text or caption with its formatting as safe HTML (what the chat page shows)
 */
public record ChatMessage(long chatId, int messageId, boolean fromBot, long fromId, String text, String caption,
        List<List<Button>> inlineKeyboard, Attachment photo, Attachment document, Integer replyToMessageId,
        Instant date, Instant editDate, int editCount, boolean deleted, String html) {

    /** The text, or the caption of a photo/document. */
    public String textOrCaption() {
        return text != null ? text : caption;
    }

    public boolean edited() {
        return editCount > 0;
    }

    /** Every inline button, row by row. */
    public List<Button> buttons() {
        List<Button> all = new ArrayList<>();
        inlineKeyboard.forEach(all::addAll);
        return all;
    }

    public List<String> buttonTexts() {
        return buttons().stream().map(Button::text).toList();
    }

    public Optional<Button> button(String buttonText) {
        return buttons().stream().filter(b -> b.text().equals(buttonText)).findFirst();
    }

    public boolean hasButton(String buttonText) {
        return button(buttonText).isPresent();
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(fromBot ? "bot" : "user").append(" #").append(messageId).append(": ");
        if (photo != null) {
            b.append("[photo] ");
        }
        if (document != null) {
            b.append("[document ").append(document.fileName()).append("] ");
        }
        b.append(textOrCaption() == null ? "" : textOrCaption());
        if (!inlineKeyboard.isEmpty()) {
            b.append(' ').append(buttonTexts());
        }
        if (edited()) {
            b.append(" (edited)");
        }
        if (deleted) {
            b.append(" (deleted)");
        }
        return b.toString();
    }
}
