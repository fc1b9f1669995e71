package ru.repitbot.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import ru.repitbot.events.catalogue.EventTypes;
import ru.repitbot.events.outbox.Outbox;
import ru.repitbot.testsupport.TestInfrastructure;

/**
 * One trace per user action across the outbox and RabbitMQ, in one JVM with the real broker and database: the
 * event written inside a request's span is relayed later, from the relay's thread, with that trace in its AMQP
 * {@code traceparent} header (a {@code publish <type>} span, child of the request's), and the consumer's
 * {@code process <type>} span is a child of the publish span, current while the handler runs.
 */
@SpringBootTest(classes = EventTracingTest.App.class, properties = {
    "spring.application.name=events-tracing-test",
    "repitbot.events.relay-interval=200ms",
    "spring.flyway.schemas=events_tracing_test",
    "spring.flyway.default-schema=events_tracing_test",
    "spring.flyway.locations=classpath:db/migration,classpath:db/shared",
    "spring.rabbitmq.publisher-confirm-type=simple",
    "management.tracing.sampling.probability=1.0",
    "management.opentelemetry.tracing.export.schedule-delay=100ms"})
class EventTracingTest {

    static final String TRACED = "test.traced";
    /** The trace context current in the handler, by the note of the event it handled. */
    static final Map<String, TraceContext> handledIn = new ConcurrentHashMap<>();
    static final List<SpanData> exported = new CopyOnWriteArrayList<>();

    @Autowired
    Outbox outbox;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    Tracer tracer;
    @Autowired
    EventsProperties properties;

    @BeforeAll
    static void cleanUp() {
        TestInfrastructure.get().alsoCleanUp("events-tracing-test");
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure infra = TestInfrastructure.get();
        registry.add("spring.datasource.url", () -> infra.jdbcUrl() + "&currentSchema=events_tracing_test");
        registry.add("spring.rabbitmq.addresses", infra::amqpUrl);
        registry.add("repitbot.events.exchange", infra::exchange);
        registry.add("repitbot.events.queue-prefix", infra::queuePrefix);
        registry.add("repitbot.events.queue-type", () -> infra.embeddedBroker() ? "classic" : "quorum");
    }

    @Test
    void theConsumersSpanIsInTheTraceOfTheRequestThatWroteTheEvent() throws Exception {
        try (Connection connection = TestInfrastructure.get().amqpConnectionFactory().newConnection();
                Channel channel = connection.createChannel()) {
            String tap = channel.queueDeclare().getQueue();
            channel.queueBind(tap, properties.exchange(), TRACED);

            Span request = tracer.nextSpan().name("PATCH /api/v1/lessons/{id}").start();
            try (Tracer.SpanInScope scope = tracer.withSpan(request)) {
                tx.execute(s -> outbox.publish(new Traced("attended")));
            } finally {
                request.end();
            }
            String traceId = request.context().traceId();

            GetResponse sent = await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                    .until(() -> channel.basicGet(tap, true), r -> r != null);
            Object traceparent = sent.getProps().getHeaders().get("traceparent");
            assertThat(traceparent).as("the W3C header of the relayed message").isNotNull();
            String[] parts = traceparent.toString().split("-");
            assertThat(parts).hasSize(4);
            assertThat(parts[1]).as("the request's trace id").isEqualTo(traceId);
            String publishSpanId = parts[2];
            assertThat(publishSpanId).isNotEqualTo(request.context().spanId());

            TraceContext handler = await().atMost(Duration.ofSeconds(15))
                    .until(() -> handledIn.get("attended"), c -> c != null);
            assertThat(handler.traceId()).as("the handler runs in the request's trace").isEqualTo(traceId);

            SpanData consumer = await().atMost(Duration.ofSeconds(15)).until(
                    () -> span(traceId, SpanKind.CONSUMER, "process " + TRACED), s -> s != null);
            assertThat(consumer.getParentSpanId()).as("the consumer's parent is the publish span")
                    .isEqualTo(publishSpanId);
            assertThat(consumer.getSpanId()).isEqualTo(handler.spanId());
            SpanData publish = await().atMost(Duration.ofSeconds(15)).until(
                    () -> span(traceId, SpanKind.PRODUCER, "publish " + TRACED), s -> s != null);
            assertThat(publish.getSpanId()).isEqualTo(publishSpanId);
            assertThat(publish.getParentSpanId()).as("the publish span's parent is the request's span")
                    .isEqualTo(request.context().spanId());
        }
    }

    @Test
    void anEventWrittenOutsideAnyTraceStartsOneThatItsConsumerJoins() {
        tx.execute(s -> outbox.publish(new Traced("scheduled")));
        TraceContext handler = await().atMost(Duration.ofSeconds(15))
                .until(() -> handledIn.get("scheduled"), c -> c != null);
        SpanData consumer = await().atMost(Duration.ofSeconds(15)).until(
                () -> span(handler.traceId(), SpanKind.CONSUMER, "process " + TRACED), s -> s != null);
        SpanData publish = span(handler.traceId(), SpanKind.PRODUCER, "publish " + TRACED);
        assertThat(publish).as("the relay's publish span opens the trace").isNotNull();
        assertThat(publish.getParentSpanContext().isValid()).isFalse();
        assertThat(consumer.getParentSpanId()).isEqualTo(publish.getSpanId());
    }

    private static SpanData span(String traceId, SpanKind kind, String name) {
        return exported.stream()
                .filter(s -> s.getTraceId().equals(traceId) && s.getKind() == kind && s.getName().equals(name))
                .findFirst().orElse(null);
    }

    @EventTypes.Named(TRACED)
    record Traced(String note) implements EventPayload {
        @Override
        public String aggregateId() {
            return "1";
        }
    }

    @SpringBootApplication
    static class App {

        @Bean
        EventSubscription<Traced> traced(Tracer tracer) {
            return EventSubscription.on(Traced.class, (traced, e) -> handledIn.put(traced.note(),
                    tracer.currentTraceContext().context()));
        }

        /** What a collector would receive. */
        @Bean
        SpanExporter collectingExporter() {
            return new SpanExporter() {
                @Override
                public CompletableResultCode export(Collection<SpanData> spans) {
                    exported.addAll(spans);
                    return CompletableResultCode.ofSuccess();
                }

                @Override
                public CompletableResultCode flush() {
                    return CompletableResultCode.ofSuccess();
                }

                @Override
                public CompletableResultCode shutdown() {
                    return CompletableResultCode.ofSuccess();
                }
            };
        }

        @Bean
        TransactionTemplate transactionTemplate(org.springframework.transaction.PlatformTransactionManager tm) {
            return new TransactionTemplate(tm);
        }
    }
}
