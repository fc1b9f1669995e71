package ru.repitbot.events.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import ru.repitbot.events.EventsProperties;
import ru.repitbot.events.tracing.EventTracing;

/**
 * Sends committed outbox rows to the exchange, oldest first, and marks them sent only after the broker confirmed
 * them. Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so replicas share the work without sending twice;
 * while the broker is unreachable nothing is marked and the next round tries again. Each message carries the trace
 * of the change that wrote it ({@link EventTracing}): a {@code publish <type>} span, child of the stored context.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final RabbitTemplate rabbit;
    private final EventsProperties properties;
    private final EventTracing tracing;
    private final Semaphore wake = new Semaphore(0);
    private final MeterRegistry meters;
    private final Counter failures;
    private volatile boolean running;
    private volatile Instant lastCleanup = Instant.EPOCH;
    private ScheduledExecutorService executor;

    public OutboxRelay(JdbcTemplate jdbc, TransactionTemplate tx, RabbitTemplate rabbit, EventsProperties properties,
            MeterRegistry meters) {
        this(jdbc, tx, rabbit, properties, meters, EventTracing.none());
    }

    public OutboxRelay(JdbcTemplate jdbc, TransactionTemplate tx, RabbitTemplate rabbit, EventsProperties properties,
            MeterRegistry meters, EventTracing tracing) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.rabbit = rabbit;
        this.properties = properties;
        this.tracing = tracing;
        this.meters = meters;
        this.failures = Counter.builder("repitbot.outbox.failures").description("Relay rounds that failed")
                .register(meters);
        Gauge.builder("repitbot.outbox.pending", this, OutboxRelay::pendingQuietly)
                .description("Events written but not yet confirmed").register(meters);
        // The alert "outbox rows waiting longer than a minute" (infrastructure/monitoring/prometheus/rules).
        Gauge.builder("repitbot.outbox.oldest.age", this, OutboxRelay::oldestAgeQuietly).baseUnit("seconds")
                .description("How long the oldest event not yet confirmed has been waiting (0 when none)")
                .register(meters);
    }

    /** Asks for a relay round now (called after a commit that wrote events). */
    public void wakeUp() {
        wake.release();
    }

    /**
     * Sends one batch; returns how many events the broker confirmed. Public so tests and tools can drive it.
     */
    public int relayOnce() {
        List<Row> sent = tx.execute(status -> {
            List<Row> rows = jdbc.query("""
                    SELECT id, event_type, envelope, trace_context FROM outbox_event
                    WHERE published_at IS NULL ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED""",
                    (rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                    properties.relayBatch());
            if (rows.isEmpty()) {
                return List.<Row>of();
            }
            List<Span> spans = new ArrayList<>(rows.size());
            try {
                rabbit.invoke(ops -> {
                    for (Row row : rows) {
                        MessageProperties headers = new MessageProperties();
                        spans.add(tracing.startPublish(row.eventType(), properties.exchange(), row.traceContext(),
                                headers));
                        ops.send(properties.exchange(), row.eventType(), message(row, headers));
                    }
                    ops.waitForConfirmsOrDie(properties.confirmTimeout().toMillis());
                    return null;
                });
            } catch (RuntimeException e) {
                spans.forEach(span -> span.error(e).end());
                status.setRollbackOnly();
                throw e;
            }
            // A publish span lasts until the broker confirmed the batch: the event is then safe.
            spans.forEach(Span::end);
            Timestamp now = Timestamp.from(Instant.now());
            jdbc.batchUpdate("UPDATE outbox_event SET published_at = ?, attempts = attempts + 1 WHERE id = ?",
                    rows, rows.size(), (ps, row) -> {
                        ps.setTimestamp(1, now);
                        ps.setLong(2, row.id());
                    });
            return rows;
        });
        if (sent == null) {
            return 0;
        }
        // By type, so that dashboards count what happened (lessons created, payments, homework) from the events.
        for (Row row : sent) {
            Counter.builder("repitbot.outbox.published").description("Events confirmed by the broker, by type")
                    .tag("type", row.eventType()).register(meters).increment();
        }
        return sent.size();
    }

    /** Number of events not yet confirmed by the broker. */
    public long pending() {
        Long n = jdbc.queryForObject("SELECT count(*) FROM outbox_event WHERE published_at IS NULL", Long.class);
        return n == null ? 0 : n;
    }

    /** Seconds since the oldest event not yet confirmed was written (database clock); 0 when every event is sent. */
    public double oldestAgeSeconds() {
        Double age = jdbc.query("""
                SELECT EXTRACT(EPOCH FROM (now() - created_at)) FROM outbox_event
                WHERE published_at IS NULL ORDER BY id LIMIT 1""",
                rs -> rs.next() ? rs.getDouble(1) : 0.0);
        return age == null ? 0 : Math.max(0, age);
    }

    private double oldestAgeQuietly() {
        try {
            return oldestAgeSeconds();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    private double pendingQuietly() {
        try {
            return pending();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    private Message message(Row row, MessageProperties headers) {
        return MessageBuilder.withBody(row.envelope().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .copyHeaders(headers.getHeaders())
                .setContentType("application/json")
                .setContentEncoding("utf-8")
                .setDeliveryMode(MessageDeliveryMode.PERSISTENT)
                .setType(row.eventType())
                .build();
    }

    private void loop() {
        while (running) {
            try {
                int sent;
                do {
                    sent = relayOnce();
                } while (sent > 0 && running);
                cleanupIfDue();
            } catch (RuntimeException e) {
                failures.increment();
                log.warn("Outbox relay round failed, will retry: {}", e.toString());
            }
            try {
                wake.tryAcquire(properties.relayInterval().toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void cleanupIfDue() {
        Instant now = Instant.now();
        if (lastCleanup.plusSeconds(3600).isBefore(now)) {
            lastCleanup = now;
            jdbc.update("DELETE FROM outbox_event WHERE published_at < ?",
                    Timestamp.from(now.minus(properties.publishedRetention())));
        }
    }

    @Override
    public void start() {
        running = true;
        executor = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("outbox-relay").factory());
        executor.execute(this::loop);
    }

    @Override
    public void stop() {
        running = false;
        wake.release();
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private record Row(long id, String eventType, String envelope, String traceContext) {
    }
}
