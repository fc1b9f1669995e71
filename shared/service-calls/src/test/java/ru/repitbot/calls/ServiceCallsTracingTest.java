package ru.repitbot.calls;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A call from one service to another stays in the caller's trace: {@link ServiceCalls} builds its clients from Spring
 * Boot's instrumented {@code RestClient.Builder}, which sends the current span as a W3C {@code traceparent} (the
 * callee continues it). The token request to auth-service is not traced (its own plain client).
 */
class ServiceCallsTracingTest {

    @SpringBootApplication
    static class App {
    }

    @Test
    void aCallMadeInsideASpanCarriesItsTrace() throws Exception {
        List<String> traceparents = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/auth/token", exchange -> {
            byte[] body = "{\"access_token\":\"t\",\"token_type\":\"Bearer\",\"expires_in\":300}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/api/v1/lessons", exchange -> {
            traceparents.add(String.valueOf(exchange.getRequestHeaders().getFirst("traceparent")));
            byte[] body = "{\"items\":[]}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class)
                .web(WebApplicationType.NONE)
                .run("--spring.application.name=scheduler-service", "--LESSON_SERVICE_URL=" + base,
                        "--repitbot.security.auth-url=" + base, "--SCHEDULER_SERVICE_SECRET_KEY=s3cret",
                        "--management.tracing.sampling.probability=1.0",
                        "--management.otlp.metrics.export.enabled=false",
                        "--management.logging.export.otlp.enabled=false")) {
            Tracer tracer = context.getBean(Tracer.class);
            ServiceCalls calls = context.getBean(ServiceCalls.class);
            Span job = tracer.nextSpan().name("reminders").start();
            try (Tracer.SpanInScope scope = tracer.withSpan(job)) {
                calls.to("lesson-service").get().uri("/api/v1/lessons").retrieve().body(String.class);
            } finally {
                job.end();
            }
            assertThat(traceparents).singleElement().asString()
                    .startsWith("00-" + job.context().traceId() + "-")
                    .doesNotContain(job.context().spanId());
        } finally {
            server.stop(0);
        }
    }
}
