package ru.repitbot.models.errors;

import java.time.Duration;

/** A limit was hit (429); the caller may try again after {@link #retryAfter()}. */
public class TooManyRequestsException extends DomainException {

    private final Duration retryAfter;

    public TooManyRequestsException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    @Override
    public String kind() {
        return "too-many-requests";
    }
}
