package ru.repitbot.gateway.domain;

/**
 * "{@code requests} per {@code windowSeconds}" expressed as a token bucket (what Redis keeps): {@code requests}
 * tokens flow in every second, one request costs {@code windowSeconds} tokens and the bucket holds
 * {@code requests * windowSeconds}. A caller may burst the whole window's allowance at once and then gets one more
 * request every {@code windowSeconds / requests} seconds, i.e. {@code requests} per window on average.
 */
public record RateWindow(int requests, int windowSeconds) {

    public RateWindow {
        if (requests < 1) {
            throw new IllegalArgumentException("requests must be at least 1, was " + requests);
        }
        if (windowSeconds < 1) {
            throw new IllegalArgumentException("window must be at least 1 second, was " + windowSeconds);
        }
    }

    public int replenishRate() {
        return requests;
    }

    public int requestedTokens() {
        return windowSeconds;
    }

    public long burstCapacity() {
        return (long) requests * windowSeconds;
    }

    /** Seconds after which a refused caller is sure to have room for one more request. */
    public long retryAfterSeconds() {
        return Math.max(1, (windowSeconds + requests - 1) / requests);
    }
}
