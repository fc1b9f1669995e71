package ru.repitbot.events.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.amqp.core.MessageProperties;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps one trace per user action across the event backbone. An event is written in the change's transaction and
 * sent later by the relay, on another thread, so the trace cannot follow the thread: the outbox row keeps the
 * writer's trace context (W3C {@code traceparent}/{@code tracestate}, as the configured {@link Propagator} writes
 * them), the relay opens a producer span {@code publish <type>} as its child and sends that span's context in the
 * AMQP headers, and the consumer opens {@code process <type>} as a child of the producer span, in scope while the
 * handlers run (their log lines and the events they write stay in the same trace).
 *
 * <p>Without a tracer (Micrometer's no-op one) nothing is stored or sent and every span is a no-op.
 */
public final class EventTracing {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() { };

    private final Tracer tracer;
    private final Propagator propagator;

    public EventTracing(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** Tracing switched off: stores nothing, opens no-op spans. */
    public static EventTracing none() {
        return new EventTracing(Tracer.NOOP, Propagator.NOOP);
    }

    /** The current trace context as a JSON object of propagation headers, or {@code null} outside any trace. */
    public String currentContextJson() {
        TraceContext current = tracer.currentTraceContext().context();
        if (current == null) {
            return null;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        propagator.inject(current, headers, Map::put);
        return headers.isEmpty() ? null : JSON.writeValueAsString(headers);
    }

    /**
     * Starts the producer span of one outbox row, a child of the context stored with it (a new trace when the event
     * was written outside any), and writes that span's context into the message's headers.
     */
    public Span startPublish(String eventType, String exchange, String storedContextJson,
            MessageProperties message) {
        Map<String, String> stored = parse(storedContextJson);
        Span span = propagator.extract(stored, Map::get)
                .name("publish " + eventType)
                .kind(Span.Kind.PRODUCER)
                .remoteServiceName("rabbitmq")
                .tag("messaging.system", "rabbitmq")
                .tag("messaging.operation.type", "send")
                .tag("messaging.destination.name", exchange)
                .tag("messaging.rabbitmq.destination.routing_key", eventType)
                .start();
        propagator.inject(span.context(), message, MessageProperties::setHeader);
        return span;
    }

    /**
     * Starts the consumer span of a delivery, a child of the producer span named in its headers; named after the
     * message's type until {@link #describe} names it after the decoded event.
     */
    public Span startConsume(MessageProperties message, String consumer) {
        String type = message.getType();
        return propagator.extract(message, EventTracing::header)
                .name("process " + (type == null ? "unknown" : type))
                .kind(Span.Kind.CONSUMER)
                .remoteServiceName("rabbitmq")
                .tag("messaging.system", "rabbitmq")
                .tag("messaging.operation.type", "process")
                .tag("messaging.destination.name", message.getConsumerQueue() == null ? ""
                        : message.getConsumerQueue())
                .tag("messaging.consumer.group.name", consumer)
                .start();
    }

    /** Names the consumer span after the event it turned out to carry. */
    public static void describe(Span span, String eventType, String eventId) {
        span.name("process " + eventType)
                .tag("messaging.rabbitmq.destination.routing_key", eventType)
                .tag("messaging.message.id", eventId);
    }

    /** Makes {@code span} the current one (MDC trace ids, parent of spans and events started meanwhile). */
    public Tracer.SpanInScope inScope(Span span) {
        return tracer.withSpan(span);
    }

    private static String header(MessageProperties message, String key) {
        Object value = message.getHeaders().get(key);
        return value == null ? null : value.toString();
    }

    private static Map<String, String> parse(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, STRING_MAP);
        } catch (RuntimeException e) {
            // A context we cannot read only costs the link between the two traces, never the event.
            return Map.of();
        }
    }
}
