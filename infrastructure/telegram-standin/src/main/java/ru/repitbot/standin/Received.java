package ru.repitbot.standin;

import java.time.Instant;

/**
 * One message the stand-in accepted from a bot (sendMessage, sendPhoto, sendDocument), with the stand-in's own clock
 * at the moment it took it: tests measure the limits a sender kept from these, not from the sender's own logs.
 *
 * @param chatId     the chat
 * @param messageId  the message id it answered with
 * @param method     the Bot API method
 * @param text       the text or caption (as sent, markup removed), null when none
 * @param nanoTime   {@link System#nanoTime()} when it was accepted (for intervals)
 * @param at         the wall-clock time it was accepted
 */
public record Received(long chatId, int messageId, String method, String text, long nanoTime, Instant at) {
}
