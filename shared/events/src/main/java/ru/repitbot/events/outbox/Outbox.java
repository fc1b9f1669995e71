package ru.repitbot.events.outbox;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.MDC;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import ru.repitbot.events.EventCodec;
import ru.repitbot.events.EventEnvelope;
import ru.repitbot.events.EventPayload;
import ru.repitbot.events.tracing.EventTracing;

/**
 * Publishes an event the only safe way: by writing it to {@code outbox_event} in the caller's transaction. The
 * {@link OutboxRelay} sends it once the transaction has committed; a rollback leaves no event behind.
 */
public class Outbox {

    /** The request's {@code X-Request-Id} in the MDC, as shared/config's {@code RequestIdFilter} puts it there. */
    static final String REQUEST_ID_MDC_KEY = "request_id";


    private final JdbcTemplate jdbc;
    private final EventCodec codec;
    private final String serviceName;
    private final Supplier<String> currentUserId;
    private final Runnable wakeRelay;
    private final EventTracing tracing;

    public Outbox(JdbcTemplate jdbc, EventCodec codec, String serviceName, Supplier<String> currentUserId,
            Runnable wakeRelay) {
        this(jdbc, codec, serviceName, currentUserId, wakeRelay, EventTracing.none());
    }

    /** @param tracing keeps the writer's trace context with the row, for the relay to send on */
    public Outbox(JdbcTemplate jdbc, EventCodec codec, String serviceName, Supplier<String> currentUserId,
            Runnable wakeRelay, EventTracing tracing) {
        this.jdbc = jdbc;
        this.codec = codec;
        this.serviceName = serviceName;
        this.currentUserId = currentUserId;
        this.wakeRelay = wakeRelay;
        this.tracing = tracing;
    }

    /** Writes {@code payload} as an event; must run inside a transaction. Returns the envelope written. */
    @Transactional(propagation = Propagation.MANDATORY)
    public EventEnvelope publish(EventPayload payload) {
        return write(payload, null, 1);
    }

    /**
     * As {@link #publish(EventPayload)}, with the changed object's version as {@code aggregate_version}, so a
     * consumer keeping a projection can ignore a stale event that arrives after a newer one.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public EventEnvelope publish(EventPayload payload, long aggregateVersion) {
        return write(payload, null, aggregateVersion);
    }

    /** As {@link #publish(EventPayload)}, recording the event that caused this one. */
    @Transactional(propagation = Propagation.MANDATORY)
    public EventEnvelope publish(EventPayload payload, EventEnvelope cause) {
        return write(payload, cause, 1);
    }

    private EventEnvelope write(EventPayload payload, EventEnvelope cause, long aggregateVersion) {
        String correlation = cause != null && cause.correlationId() != null ? cause.correlationId()
                : firstNonNull(MDC.get(REQUEST_ID_MDC_KEY), MDC.get("traceId"));
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), payload.eventType(), serviceName,
                Instant.now(), correlation, cause == null ? null : cause.eventId().toString(),
                currentUserId.get(), payload.aggregateId(), aggregateVersion, codec.toTree(payload), Map.of());
        jdbc.update("INSERT INTO outbox_event (event_id, event_type, envelope, trace_context) VALUES (?, ?, ?, ?)",
                envelope.eventId(), envelope.eventType(), codec.encodeToString(envelope),
                tracing.currentContextJson());
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wakeRelay.run();
                }
            });
        }
        return envelope;
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
