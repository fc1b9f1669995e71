package ru.repitbot.config.tracing;

import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Sends traces over OTLP/HTTP when {@code OTEL_EXPORTER_OTLP_ENDPOINT} (or {@code ..._TRACES_ENDPOINT}) is set, to
 * {@code repitbot.tracing.otlp-endpoint} (the seed's name is mapped there). The exporter bean always exists and
 * reads the setting when it is created, at start: the services are built with Spring AOT, which decides at build
 * time which beans exist, so Spring Boot's own OTLP exporter (a bean that exists only when its endpoint property is
 * set) would never appear in them. Without an endpoint it exports nothing.
 */
@AutoConfiguration
@ConditionalOnClass({OtlpHttpSpanExporter.class, SpanExporter.class})
public class TracingExportAutoConfiguration {

    public static final String ENDPOINT = "repitbot.tracing.otlp-endpoint";

    @Bean
    SpanExporter repitbotOtlpSpanExporter(Environment environment) {
        String endpoint = environment.getProperty(ENDPOINT);
        if (endpoint == null || endpoint.isBlank()) {
            return SpanExporter.composite();
        }
        return OtlpHttpSpanExporter.builder().setEndpoint(endpoint.strip()).build();
    }
}
