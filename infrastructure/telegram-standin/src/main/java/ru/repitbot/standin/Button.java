package ru.repitbot.standin;

/**
 * A keyboard button as the bot sent it: an inline button (callbackData or url set) or a reply-keyboard button
 * (both null). Row and column count from 0.
 */
public record Button(String text, String callbackData, String url, int row, int column) {
}
