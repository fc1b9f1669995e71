package ru.repitbot.events.inbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.context.SmartLifecycle;
import ru.repitbot.events.EventsProperties;

/**
 * How many events wait in this service's queue (its consumer lag) and in its dead-letter queue, as the gauge
 * {@code repitbot.events.queue.depth{queue, kind=inbox|dlq}} on /metrics. Read with a passive queue declare (the
 * broker's count of ready messages) every {@code repitbot.events.queue-depth-interval} (15 s), not at each scrape: a
 * scrape must not wait for the broker. NaN until the first read succeeds or while the broker is unreachable.
 */
public class QueueDepths implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(QueueDepths.class);

    private final RabbitTemplate rabbit;
    private final Duration interval;
    private final Map<String, AtomicLong> depths = new LinkedHashMap<>();
    private volatile boolean running;
    private ScheduledExecutorService executor;

    public QueueDepths(RabbitTemplate rabbit, EventsProperties properties, String service, Duration interval,
            MeterRegistry meters) {
        this.rabbit = rabbit;
        this.interval = interval;
        register(meters, properties.queueFor(service), "inbox");
        register(meters, properties.deadLetterQueueFor(service), "dlq");
    }

    private void register(MeterRegistry meters, String queue, String kind) {
        AtomicLong depth = new AtomicLong(-1);
        depths.put(queue, depth);
        Gauge.builder("repitbot.events.queue.depth", depth, d -> d.get() < 0 ? Double.NaN : d.get())
                .tag("queue", queue).tag("kind", kind)
                .description("Events waiting in the queue (inbox: not yet consumed; dlq: given up on)")
                .register(meters);
    }

    /** Reads every queue's depth now; a queue that cannot be read shows NaN. Public for tests. */
    public void refresh() {
        depths.forEach((queue, depth) -> {
            try {
                Integer count = rabbit.execute(channel -> channel.queueDeclarePassive(queue).getMessageCount());
                depth.set(count == null ? -1 : count);
            } catch (RuntimeException e) {
                depth.set(-1);
                log.debug("depth of {} not readable: {}", queue, e.toString());
            }
        });
    }

    /** The last depth read of {@code queue}, -1 when unknown. */
    public long depth(String queue) {
        AtomicLong depth = depths.get(queue);
        return depth == null ? -1 : depth.get();
    }

    @Override
    public void start() {
        running = true;
        executor = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("queue-depths").factory());
        executor.scheduleWithFixedDelay(this::refresh, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        running = false;
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
