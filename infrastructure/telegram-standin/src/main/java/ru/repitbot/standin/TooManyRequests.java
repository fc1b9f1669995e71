package ru.repitbot.standin;

import java.time.Instant;

/**
 * One 429 the stand-in answered.
 *
 * @param method     the Bot API method
 * @param chatId     the chat the call was for, null when none
 * @param retryAfter the retry_after it told the bot (seconds)
 * @param reason     {@code global} (30/s per bot), {@code chat} (private chat), {@code group}, or {@code forced}
 * @param at         when
 */
public record TooManyRequests(String method, Long chatId, int retryAfter, String reason, Instant at) {
}
