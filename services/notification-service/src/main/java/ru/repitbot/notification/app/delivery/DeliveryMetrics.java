package ru.repitbot.notification.app.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The delivery engine's meters on /metrics: messages by outcome and kind, attempts by verdict, Telegram's 429s,
 * the queue's depth and the age of its oldest due message, the time from enqueue to Telegram accepting it, reminders
 * that went out late, how long sends waited for the shared limits, and how many people are unreachable.
 */
public class DeliveryMetrics {

    private final MeterRegistry registry;
    private final AtomicLong depth = new AtomicLong();
    private final AtomicLong oldestAgeMillis = new AtomicLong();
    private final Timer latency;
    private final Counter tooManyRequests;
    private final Counter leasesExpired;

    public DeliveryMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("notification.delivery.queue.depth", depth, AtomicLong::get)
                .description("Messages due now and not yet taken").register(registry);
        Gauge.builder("notification.delivery.queue.oldest.age", oldestAgeMillis, v -> v.get() / 1000.0)
                .baseUnit("seconds").description("How long the oldest due message has been waiting")
                .register(registry);
        this.latency = Timer.builder("notification.delivery.latency")
                .description("From enqueue to Telegram accepting the message")
                .publishPercentiles(0.5, 0.95, 0.99).publishPercentileHistogram()
                .register(registry);
        this.tooManyRequests = Counter.builder("notification.delivery.telegram.too.many.requests")
                .description("429 answers from Telegram").register(registry);
        this.leasesExpired = Counter.builder("notification.delivery.lease.expired")
                .description("Rows whose sender's lease ran out mid-send (each may have gone out twice)")
                .register(registry);
    }

    /**
     * People Telegram says cannot be reached (rows of unreachable_chat), read at each scrape; the alert on many
     * becoming unreachable at once reads it. NaN while the database cannot answer.
     */
    public void unreachablePeople(LongSupplier count) {
        Gauge.builder("notification.unreachable.chats", () -> {
            try {
                return count.getAsLong();
            } catch (RuntimeException e) {
                return Double.NaN;
            }
        }).description("People marked unreachable on Telegram (blocked the bot, deleted, never started)")
                .register(registry);
    }

    /** {@code outcome}: sent, failed, unreachable, cancelled. */
    public void finished(String outcome, String kind) {
        registry.counter("notification.delivery.messages", "outcome", outcome, "kind", kind).increment();
    }

    public void attempt(String verdict) {
        registry.counter("notification.delivery.attempts", "verdict", verdict).increment();
    }

    public void tooManyRequests() {
        tooManyRequests.increment();
    }

    public void leaseExpired() {
        leasesExpired.increment();
    }

    public void handedOver(Instant createdAt, Instant acceptedAt) {
        latency.record(Duration.between(createdAt, acceptedAt));
    }

    public void lateReminder(String kind) {
        registry.counter("notification.delivery.reminders.late", "kind", kind).increment();
    }

    public void limitWait(String scope, Duration waited) {
        registry.timer("notification.delivery.limit.wait", "scope", scope).record(waited);
    }

    public void queue(long due, Instant oldestDueAt, Instant now) {
        depth.set(due);
        oldestAgeMillis.set(oldestDueAt == null ? 0 : Math.max(0, Duration.between(oldestDueAt, now).toMillis()));
    }
}
