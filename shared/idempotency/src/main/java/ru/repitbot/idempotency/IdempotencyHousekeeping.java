package ru.repitbot.idempotency;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Forgets expired {@code Idempotency-Key}s now and then, on a virtual thread of its own (no
 * {@code @EnableScheduling} needed). Only tidiness: an expired key is ignored when reused anyway.
 */
public class IdempotencyHousekeeping implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyHousekeeping.class);

    private final IdempotencyKeys keys;
    private final Duration initialDelay;
    private final Duration interval;
    private ScheduledExecutorService executor;

    public IdempotencyHousekeeping(IdempotencyKeys keys, Duration initialDelay, Duration interval) {
        this.keys = keys;
        this.initialDelay = initialDelay;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofVirtual().name("idempotency-housekeeping").factory());
        executor.scheduleWithFixedDelay(this::forgetExpiredKeys, initialDelay.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    void forgetExpiredKeys() {
        try {
            int forgotten = keys.forgetExpired();
            if (forgotten > 0) {
                log.debug("Forgot {} expired Idempotency-Keys", forgotten);
            }
        } catch (RuntimeException e) {
            // A failed run must not end the schedule; the next one tries again.
            log.warn("Could not forget expired Idempotency-Keys: {}", e.toString());
        }
    }
}
