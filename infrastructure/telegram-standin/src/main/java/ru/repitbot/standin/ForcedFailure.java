package ru.repitbot.standin;

import java.time.Duration;

/**
 * What a forced failure answers (see {@link StandInBot#failNext(int, String, ForcedFailure)}): a 429 with
 * {@code retry_after}, a 500 with Telegram's JSON error, or a 502/503/504 with nginx's HTML page as Telegram's
 * front end sends it (the Bot API library then fails to parse the answer, as it does against Telegram). With
 * {@code hangMillis} the call first hangs that long (outside the bot's lock) before answering: a client with a
 * shorter read timeout sees no answer at all, as when Telegram does not respond. The message is not delivered.
 */
public record ForcedFailure(int errorCode, int retryAfter, boolean htmlBody, long hangMillis) {

    public ForcedFailure(int errorCode, int retryAfter, boolean htmlBody) {
        this(errorCode, retryAfter, htmlBody, 0);
    }

    public static ForcedFailure tooManyRequests(int retryAfterSeconds) {
        return new ForcedFailure(429, Math.max(1, retryAfterSeconds), false);
    }

    public static ForcedFailure serverError() {
        return new ForcedFailure(500, 0, false);
    }

    public static ForcedFailure badGateway() {
        return new ForcedFailure(502, 0, true);
    }

    /** No answer for {@code hang}, then 504 with nginx's page: a timeout for any client that waits less. */
    public static ForcedFailure noAnswer(Duration hang) {
        return new ForcedFailure(504, 0, true, Math.max(1, hang.toMillis()));
    }

    /** Any of 429 (with retryAfter), 500 (JSON), 502/503/504 (HTML). */
    public static ForcedFailure of(int errorCode, int retryAfter) {
        return switch (errorCode) {
            case 429 -> tooManyRequests(retryAfter);
            case 500 -> serverError();
            case 502, 503, 504 -> new ForcedFailure(errorCode, 0, true);
            default -> throw new IllegalArgumentException("error_code must be 429, 500, 502, 503 or 504: " + errorCode);
        };
    }

    ApiError error() {
        return errorCode == 429 ? ApiError.tooManyRequests(retryAfter) : ApiError.serverError(errorCode, htmlBody);
    }
}
