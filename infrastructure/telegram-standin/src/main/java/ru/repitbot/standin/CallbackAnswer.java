package ru.repitbot.standin;

import java.time.Instant;

/**
 * A callback query (an inline button press) and the bot's answer to it.
 *
 * @param queryId    the callback_query id the bot got
 * @param chatId     the chat of the message with the button
 * @param messageId  that message
 * @param userId     who pressed
 * @param data       the button's callback_data
 * @param answered   whether answerCallbackQuery was called for it
 * @param text       the answer's text (a toast, or an alert when showAlert), null when none
 * @param showAlert  answered with show_alert=true
 * @param url        the answer's url, null when none
 * @param pressedAt  when the button was pressed
 * @param answeredAt when it was answered, null while unanswered
 */
public record CallbackAnswer(String queryId, long chatId, int messageId, long userId, String data, boolean answered,
        String text, boolean showAlert, String url, Instant pressedAt, Instant answeredAt) {
}
