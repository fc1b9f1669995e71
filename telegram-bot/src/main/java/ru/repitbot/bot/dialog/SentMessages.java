package ru.repitbot.bot.dialog;

/**
 * Which messages of a chat the bot's own dialogs sent. notification-service delivers with the same bot token, so a
 * Telegram reply alone does not say whether it answers a dialog's prompt or a delivered message (a tutor's message,
 * a reminder); the router asks this.
 */
public interface SentMessages {

    /** Nothing known: every reply is taken as a reply to a dialog message. */
    SentMessages NONE = (chatId, messageId) -> true;

    boolean sentByDialog(long chatId, int messageId);
}
