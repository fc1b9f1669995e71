package ru.repitbot.bot.dialog;

/**
 * Sends a {@link Reply} to the chat of an event: answers the button press (always, with the toast if any), edits the
 * pressed message in place for the first editable screen, sends the rest as new messages. Implemented over the Bot
 * API by {@code telegram.TelegramDelivery}.
 */
public interface Delivery {

    void deliver(BotEvent event, Reply reply);
}
