package ru.repitbot.bot.telegram;

import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import ru.repitbot.bot.session.RedisKeys;

/**
 * Long polling ({@code getUpdates}), by one replica at a time: the poller lock in Redis is held with a renewed lease;
 * the other replica stands by and takes over when the lease expires. The offset is kept in Redis and moved past an
 * update only after the update is queued ({@link UpdateIntake}), so a crash between the two redelivers it (and the
 * queue's dedupe drops it if it had made it in). A failed poll is retried after {@code retryDelay}, doubling up to
 * {@code maxRetryDelay}, and logged once.
 */
public final class TelegramPolling {

    private static final Logger log = LoggerFactory.getLogger(TelegramPolling.class);

    private final TelegramApi api;
    private final UpdateIntake intake;
    private final Leases leases;
    private final RedisKeys keys;
    private final StringRedisTemplate redis;
    private final PollingState state;
    private final Duration pollTimeout;
    private final Duration retryDelay;
    private final Duration maxRetryDelay;
    private final String token;
    private volatile boolean running;
    private volatile Thread thread;

    public TelegramPolling(TelegramApi api, UpdateIntake intake, Leases leases, RedisKeys keys,
            StringRedisTemplate redis, PollingState state, Duration pollTimeout, Duration retryDelay,
            Duration maxRetryDelay, String token) {
        this.api = api;
        this.intake = intake;
        this.leases = leases;
        this.keys = keys;
        this.redis = redis;
        this.state = state;
        this.pollTimeout = pollTimeout;
        this.retryDelay = retryDelay;
        this.maxRetryDelay = maxRetryDelay;
        this.token = token;
    }

    public void start() {
        running = true;
        thread = Thread.ofVirtual().name("telegram-polling").start(this::loop);
    }

    public void stop() {
        running = false;
        Thread polling = thread;
        if (polling != null) {
            polling.interrupt();
            try {
                polling.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void loop() {
        Duration delay = retryDelay;
        boolean webhookRemoved = false;
        while (running) {
            Leases.Lease lease;
            try {
                lease = leases.tryAcquire(keys.pollerLock());
            } catch (RuntimeException redisDown) {
                lease = null;
                log.debug("Poller lock unavailable: {}", redisDown.toString());
            }
            if (lease == null) {
                state.mode("standby");
                if (!sleep(leases.lease().dividedBy(3))) {
                    return;
                }
                continue;
            }
            state.mode("polling");
            log.info("This replica polls Telegram for updates");
            try (Leases.Lease held = lease) {
                while (running && !held.lost()) {
                    try {
                        if (!webhookRemoved) {
                            // getUpdates is refused while a webhook is set (e.g. left by a webhook deployment).
                            api.call("deleteWebhook", java.util.Map.of("drop_pending_updates", false));
                            webhookRemoved = true;
                        }
                        pollOnce();
                        int failedBefore = state.polled();
                        if (failedBefore > 0) {
                            log.info("Telegram polling works again after {} failed attempts", failedBefore);
                        }
                        delay = retryDelay;
                    } catch (RuntimeException e) {
                        if (!running) {
                            return;
                        }
                        if (e instanceof TelegramApiException api && api.errorCode() == 409) {
                            // "Conflict: terminated by other getUpdates request" or a webhook is set: remove it and
                            // let the lease decide who polls.
                            webhookRemoved = false;
                        }
                        String message = redact(e.getMessage());
                        if (state.failed(message) == 1) {
                            log.warn("Telegram polling failed, retrying with back-off: {}", message);
                        } else {
                            log.debug("Telegram polling failed again: {}", message);
                        }
                        if (!sleep(delay)) {
                            return;
                        }
                        delay = delay.multipliedBy(2).compareTo(maxRetryDelay) > 0 ? maxRetryDelay
                                : delay.multipliedBy(2);
                    }
                }
            }
        }
    }

    private void pollOnce() {
        String stored = redis.opsForValue().get(keys.pollOffset());
        long offset = stored == null ? 0 : Long.parseLong(stored);
        List<TelegramUpdate> updates = api.getUpdates(offset, pollTimeout, TelegramSender.allowedUpdates());
        for (TelegramUpdate update : updates) {
            intake.accept(update);
            // Confirmed only now that it is queued: the next poll's offset moves past it.
            redis.opsForValue().set(keys.pollOffset(), Long.toString(update.updateId() + 1));
        }
    }

    private boolean sleep(Duration duration) {
        try {
            Thread.sleep(duration);
            return running;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The token is a password: never let it reach a log line or /health. */
    private String redact(String text) {
        return text == null || token == null || token.isEmpty() ? text : text.replace(token, "<token>");
    }
}
