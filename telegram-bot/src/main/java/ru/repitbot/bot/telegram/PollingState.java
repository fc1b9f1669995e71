package ru.repitbot.bot.telegram;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How the connection to Telegram is doing, for {@code /health} and for logging a failure once, not every retry:
 * the mode ({@code disabled}, {@code polling}, {@code standby} — the other replica polls — or {@code webhook}) and
 * the latest poll's outcome.
 */
public final class PollingState {

    private final boolean enabled;
    private final AtomicInteger failuresInARow = new AtomicInteger();
    private volatile String mode;
    private volatile Instant lastPoll;
    private volatile String lastError;
    private volatile Instant lastErrorAt;

    public PollingState(boolean enabled, boolean webhook) {
        this.enabled = enabled;
        this.mode = !enabled ? "disabled" : webhook ? "webhook" : "standby";
    }

    /** A poll (or the webhook registration) succeeded; returns how many had failed in a row before it. */
    public int polled() {
        lastPoll = Instant.now();
        lastError = null;
        return failuresInARow.getAndSet(0);
    }

    /** A poll failed; returns how many have failed in a row, this one included. */
    public int failed(String error) {
        lastError = error;
        lastErrorAt = Instant.now();
        return failuresInARow.incrementAndGet();
    }

    public void mode(String newMode) {
        this.mode = newMode;
    }

    public String mode() {
        return mode;
    }

    public boolean enabled() {
        return enabled;
    }

    public Instant lastPoll() {
        return lastPoll;
    }

    /** The error of the latest attempt, {@code null} when it succeeded. */
    public String lastError() {
        return lastError;
    }

    public Instant lastErrorAt() {
        return lastErrorAt;
    }

    public int failuresInARow() {
        return failuresInARow.get();
    }
}
