package ru.repitbot.standin;

/** A token bucket: up to {@code capacity} tokens, refilled at {@code perSecond}. Not thread-safe (the bot's lock). */
final class TokenBucket {

    private final double capacity;
    private final double perSecond;
    private double tokens;
    private long updatedNanos;

    TokenBucket(double capacity, double perSecond, long nowNanos) {
        this.capacity = capacity;
        this.perSecond = perSecond;
        this.tokens = capacity;
        this.updatedNanos = nowNanos;
    }

    private void refill(long nowNanos) {
        double elapsed = (nowNanos - updatedNanos) / 1e9;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed * perSecond);
            updatedNanos = nowNanos;
        }
    }

    /** 0 when a token is available now, else the whole seconds (at least 1) until one is. */
    int retryAfter(long nowNanos) {
        refill(nowNanos);
        if (tokens >= 1) {
            return 0;
        }
        return (int) Math.max(1, Math.ceil((1 - tokens) / perSecond));
    }

    void take() {
        tokens -= 1;
    }
}
