package ru.repitbot.bot.telegram;

import java.time.Duration;

/**
 * A Bot API call that failed: Telegram's {@code error_code} and {@code description} (0 = no answer: network, timeout),
 * and for 429 the {@code parameters.retry_after} it asks the bot to wait.
 */
public final class TelegramApiException extends RuntimeException {

    private final String method;
    private final int errorCode;
    private final String description;
    private final Duration retryAfter;

    public TelegramApiException(String method, int errorCode, String description, Duration retryAfter,
            Throwable cause) {
        super(method + " failed: " + (errorCode == 0 ? "no answer" : errorCode) + " " + description, cause);
        this.method = method;
        this.errorCode = errorCode;
        this.description = description == null ? "" : description;
        this.retryAfter = retryAfter;
    }

    public String method() {
        return method;
    }

    public int errorCode() {
        return errorCode;
    }

    public String description() {
        return description;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    public boolean tooManyRequests() {
        return errorCode == 429;
    }

    /** Worth another try: no answer, 5xx, 429. */
    public boolean transientFailure() {
        return errorCode == 0 || errorCode >= 500 || errorCode == 429;
    }

    /** The person blocked the bot, deleted their account, or the bot was removed from the group. */
    public boolean recipientGone() {
        return errorCode == 403;
    }

    /** An edit that changes nothing: Telegram says 400 "message is not modified", which is fine. */
    public boolean notModified() {
        return errorCode == 400 && description.contains("message is not modified");
    }
}
