package ru.repitbot.config.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class TracingExportAutoConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(TracingExportAutoConfiguration.class));

    @Test
    void sendsFinishedSpansToTheConfiguredEndpoint() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        HttpServer collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        collector.createContext("/v1/traces", exchange -> {
            received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
                    + exchange.getRequestBody().readAllBytes().length);
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        collector.start();
        try {
            String endpoint = "http://127.0.0.1:" + collector.getAddress().getPort() + "/v1/traces";
            context.withPropertyValues(TracingExportAutoConfiguration.ENDPOINT + "=" + endpoint).run(ctx -> {
                SpanExporter exporter = ctx.getBean(SpanExporter.class);
                try (SdkTracerProvider tracing = SdkTracerProvider.builder()
                        .addSpanProcessor(SimpleSpanProcessor.create(exporter)).build()) {
                    tracing.get("test").spanBuilder("lesson.attendance").startSpan().end();
                    tracing.forceFlush().join(10, TimeUnit.SECONDS);
                }
            });
            assertThat(received).singleElement().asString().startsWith("POST /v1/traces ").doesNotEndWith(" 0");
        } finally {
            collector.stop(0);
        }
    }

    @Test
    void exportsNothingWithoutAnEndpoint() {
        context.run(ctx -> {
            SpanExporter exporter = ctx.getBean(SpanExporter.class);
            assertThat(exporter.getClass().getSimpleName()).doesNotContain("Otlp");
            assertThat(exporter.export(List.of()).join(1, TimeUnit.SECONDS).isSuccess()).isTrue();
        });
    }
}
