package ru.repitbot.e2e.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.repitbot.e2e.Scenario;
import ru.repitbot.e2e.StackExtension;
import ru.repitbot.e2e.ops.OtlpReceiver.ReceivedSpan;
import ru.repitbot.testsupport.ApiClient;
import ru.repitbot.testsupport.ApiClient.ApiResponse;

/**
 * One trace per user action, on the stack as {@code ./repitbot up} starts it, exporting over OTLP/HTTP to
 * {@link OtlpReceiver} (as it would to Jaeger): a tutor marks a lesson attended through the gateway, and the trace
 * the caller started reaches payment-service's consumer span, through the gateway's request span, lesson-service's
 * request span, the outbox and the relay's publish span, each the parent of the next.
 */
@ExtendWith(StackExtension.class)
class TracingIT {

    private static final Duration EVENTUALLY = Duration.ofSeconds(30);

    private final Scenario scenario;

    TracingIT(Scenario scenario) {
        this.scenario = scenario;
    }

    @Test
    void aLessonChangesTraceReachesPaymentServicesConsumerSpan() {
        Scenario.World w = scenario.world();
        ApiClient tutor = w.tutorA().api(scenario.stack());
        long lessonId = createLesson(tutor, w.studentA().id());

        // The caller's own trace (a browser or the bot would start one the same way): the gateway continues it.
        HexFormat hex = HexFormat.of();
        String traceId = hex.formatHex(randomBytes(16));
        String callerSpanId = hex.formatHex(randomBytes(8));
        ApiResponse marked = tutor.withHeader("traceparent", "00-" + traceId + "-" + callerSpanId + "-01")
                .put("/api/v1/lessons/" + lessonId + "/attendance", Map.of("status", "attended"));
        assertThat(marked.status()).as("%s", marked).isEqualTo(200);

        // Each deployable exports in batches (every 5 s): wait until payment-service's consumer span and every span
        // between it and the caller's have arrived.
        OtlpReceiver receiver = OtlpReceiver.get();
        List<ReceivedSpan> trace = await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(500))
                .until(() -> receiver.trace(traceId), spans -> consumerLinkedTo(spans, callerSpanId).isPresent());

        Map<String, ReceivedSpan> byId = byId(trace);
        ReceivedSpan consumer = consumerLinkedTo(trace, callerSpanId).orElseThrow();
        ReceivedSpan gateway = trace.stream()
                .filter(s -> s.service().equals("api-gateway") && s.kind() == SpanKind.SPAN_KIND_SERVER)
                .findFirst().orElseThrow(() -> new AssertionError("no request span of api-gateway in " + trace));
        assertThat(gateway.parentSpanId()).as("the gateway continues the caller's trace").isEqualTo(callerSpanId);

        ReceivedSpan publish = byId.get(consumer.parentSpanId());
        assertThat(publish).as("the parent of %s in %s", consumer, trace).isNotNull();
        assertThat(publish.service()).isEqualTo("lesson-service");
        assertThat(publish.kind()).isEqualTo(SpanKind.SPAN_KIND_PRODUCER);
        assertThat(publish.name()).startsWith("publish lesson.");

        List<ReceivedSpan> chain = ancestors(publish, byId);
        assertThat(chain).as("from the publish span up to the caller's: %s", chain)
                .anyMatch(s -> s.service().equals("lesson-service") && s.kind() == SpanKind.SPAN_KIND_SERVER)
                .contains(gateway);
    }

    /** A consumer span of payment-service whose chain of parents reaches the caller's span. */
    private static Optional<ReceivedSpan> consumerLinkedTo(List<ReceivedSpan> trace, String callerSpanId) {
        Map<String, ReceivedSpan> byId = byId(trace);
        return trace.stream().filter(s -> isConsumerIn(s, "payment-service")).filter(s -> {
            List<ReceivedSpan> chain = ancestors(s, byId);
            return !chain.isEmpty() && chain.getLast().parentSpanId().equals(callerSpanId);
        }).findFirst();
    }

    private static Map<String, ReceivedSpan> byId(List<ReceivedSpan> trace) {
        return trace.stream().collect(Collectors.toMap(ReceivedSpan::spanId, Function.identity(), (a, b) -> a));
    }

    private static boolean isConsumerIn(ReceivedSpan span, String service) {
        return span.service().equals(service) && span.kind() == SpanKind.SPAN_KIND_CONSUMER;
    }

    private static List<ReceivedSpan> ancestors(ReceivedSpan span, Map<String, ReceivedSpan> byId) {
        List<ReceivedSpan> chain = new java.util.ArrayList<>();
        for (Optional<ReceivedSpan> s = Optional.ofNullable(byId.get(span.parentSpanId())); s.isPresent();
                s = Optional.ofNullable(byId.get(s.get().parentSpanId()))) {
            chain.add(s.get());
        }
        return chain;
    }

    private static long createLesson(ApiClient tutor, long studentId) {
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.ofHours(3)).truncatedTo(ChronoUnit.HOURS)
                .plusDays(400 + ThreadLocalRandom.current().nextInt(300)).withHour(7);
        ApiResponse created = await().atMost(EVENTUALLY).until(() -> tutor.post("/api/v1/lessons", Map.of(
                "student_id", studentId, "topic", "Трассировка", "start_at", start.toString(),
                "duration_minutes", 60)), r -> r.status() != 404);
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        do {
            ThreadLocalRandom.current().nextBytes(bytes);
        } while (bytes[0] == 0);
        return bytes;
    }
}
