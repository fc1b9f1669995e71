package ru.repitbot.events.inbox;

import com.rabbitmq.client.Channel;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.listener.api.ChannelAwareMessageListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import ru.repitbot.events.EventCodec;
import ru.repitbot.events.EventEnvelope;
import ru.repitbot.events.EventPayload;
import ru.repitbot.events.EventSubscription;
import ru.repitbot.events.EventsProperties;
import ru.repitbot.events.tracing.EventTracing;

/**
 * The one consumer of a service's queue. For each delivery: decode the envelope and its payload (once, as the
 * subscribed record), then in one transaction record {@code (consumer, event_id)} and run the handlers; commit, then ack (manual acks). A redelivered event finds its
 * record and is only acked. A failing handler is retried with doubling back-off; after the last attempt the message
 * is rejected without requeue and dead-letters to {@code <queue>.dlq}; so does a payload that does not decode as
 * its record (retrying would not change it). Nothing is acked that was not done. Each delivery runs in a
 * {@code process <type>} consumer span, a child of the producer span named in the message's {@code traceparent}
 * header ({@link EventTracing}), so the handlers' work is part of the trace of the action that caused the event.
 */
public class InboxListener implements ChannelAwareMessageListener {

    private static final Logger log = LoggerFactory.getLogger(InboxListener.class);

    private final String consumer;
    private final Map<String, List<EventSubscription<?>>> subscriptions;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final EventCodec codec;
    private final EventsProperties properties;
    private final MeterRegistry meters;
    private final EventTracing tracing;

    public InboxListener(String consumer, Map<String, List<EventSubscription<?>>> subscriptions, JdbcTemplate jdbc,
            TransactionTemplate tx, EventCodec codec, EventsProperties properties, MeterRegistry meters) {
        this(consumer, subscriptions, jdbc, tx, codec, properties, meters, EventTracing.none());
    }

    public InboxListener(String consumer, Map<String, List<EventSubscription<?>>> subscriptions, JdbcTemplate jdbc,
            TransactionTemplate tx, EventCodec codec, EventsProperties properties, MeterRegistry meters,
            EventTracing tracing) {
        this.tracing = tracing;
        this.consumer = consumer;
        this.subscriptions = subscriptions;
        this.jdbc = jdbc;
        this.tx = tx;
        this.codec = codec;
        this.properties = properties;
        this.meters = meters;
    }

    @Override
    public void onMessage(Message message, Channel channel) throws Exception {
        Span span = tracing.startConsume(message.getMessageProperties(), consumer);
        try (Tracer.SpanInScope scope = tracing.inScope(span)) {
            String outcome = deliver(message, channel, span);
            span.tag("repitbot.outcome", outcome);
        } catch (Exception | Error e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }

    private String deliver(Message message, Channel channel, Span span) throws Exception {
        long tag = message.getMessageProperties().getDeliveryTag();
        EventEnvelope event;
        try {
            event = codec.decode(message.getBody());
            if (event.eventId() == null || event.eventType() == null) {
                throw new IllegalArgumentException("envelope without event_id or event_type");
            }
        } catch (RuntimeException e) {
            log.error("Undecodable message on {} sent to the DLQ: {}", consumer, e.toString());
            count("undecodable", "unknown");
            channel.basicNack(tag, false, false);
            return "undecodable";
        }
        EventTracing.describe(span, event.eventType(), event.eventId().toString());
        MDC.put("eventId", event.eventId().toString());
        MDC.put("eventType", event.eventType());
        if (event.correlationId() != null) {
            MDC.put("correlationId", event.correlationId());
        }
        try {
            Outcome outcome = processWithRetries(event);
            if (outcome == Outcome.FAILED) {
                channel.basicNack(tag, false, false);
            } else {
                channel.basicAck(tag, false);
            }
            String name = outcome.name().toLowerCase(java.util.Locale.ROOT);
            count(name, event.eventType());
            return name;
        } finally {
            MDC.remove("eventId");
            MDC.remove("eventType");
            MDC.remove("correlationId");
        }
    }

    /** Processes one event once, idempotently; public so tests can drive the exact path a delivery takes. */
    public Outcome process(EventEnvelope event) {
        List<EventSubscription<?>> subscribed = subscriptions.getOrDefault(event.eventType(), List.of());
        Map<Class<?>, EventPayload> payloads = new java.util.HashMap<>();
        for (EventSubscription<?> subscription : subscribed) {
            payloads.computeIfAbsent(subscription.payloadType(), type -> decode(event, subscription));
        }
        Boolean done = tx.execute(status -> {
            int inserted = jdbc.update("""
                    INSERT INTO inbox_event (consumer, event_id, event_type) VALUES (?, ?, ?)
                    ON CONFLICT DO NOTHING""", consumer, event.eventId(), event.eventType());
            if (inserted == 0) {
                return false;
            }
            for (EventSubscription<?> subscription : subscribed) {
                try {
                    subscription.deliver(payloads.get(subscription.payloadType()), event);
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new HandlerFailedException(e);
                }
            }
            return true;
        });
        return Boolean.TRUE.equals(done) ? Outcome.PROCESSED : Outcome.DUPLICATE;
    }

    private EventPayload decode(EventEnvelope event, EventSubscription<?> subscription) {
        try {
            return codec.data(event, subscription.payloadType());
        } catch (RuntimeException e) {
            throw new UndecodablePayloadException(subscription.payloadType(), e);
        }
    }

    private Outcome processWithRetries(EventEnvelope event) throws InterruptedException {
        Duration backoff = properties.initialBackoff();
        for (int attempt = 1; ; attempt++) {
            try {
                return process(event);
            } catch (UndecodablePayloadException e) {
                log.error("Event {} {} does not decode as {}, sent to the DLQ: {}", event.eventType(),
                        event.eventId(), e.type.getSimpleName(), e.getCause().toString());
                return Outcome.FAILED;
            } catch (RuntimeException e) {
                if (attempt >= properties.maxAttempts()) {
                    log.error("Event {} {} failed {} times, sent to the DLQ", event.eventType(), event.eventId(),
                            attempt, e);
                    return Outcome.FAILED;
                }
                log.warn("Event {} {} failed (attempt {}), retrying in {} ms: {}", event.eventType(),
                        event.eventId(), attempt, backoff.toMillis(), e.toString());
                Thread.sleep(backoff.toMillis());
                backoff = backoff.multipliedBy(2);
            }
        }
    }

    private void count(String outcome, String type) {
        meters.counter("repitbot.events.consumed", "outcome", outcome, "type", type).increment();
    }

    /** What became of one delivery. */
    public enum Outcome { PROCESSED, DUPLICATE, FAILED }

    /** The payload does not match the subscribed record: a contract broken, not a passing fault. */
    static final class UndecodablePayloadException extends RuntimeException {
        final transient Class<?> type;

        UndecodablePayloadException(Class<?> type, RuntimeException cause) {
            super(cause);
            this.type = type;
        }
    }

    static final class HandlerFailedException extends RuntimeException {
        HandlerFailedException(Exception cause) {
            super(cause);
        }
    }
}
