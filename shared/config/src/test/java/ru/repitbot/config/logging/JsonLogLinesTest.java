package ru.repitbot.config.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import ru.repitbot.config.web.RequestIdFilter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an operator reading twelve services' logs (or Kibana, over Elasticsearch) relies on: every line is one JSON
 * object with Elastic Common Schema names ({@code @timestamp}, {@code log.level}, {@code message}) that names its
 * service in {@code service.name}; a line written while a request is handled carries that request's id under
 * {@code http.request.id}, the field the gateway's access log uses for the same id, and its trace under
 * {@code trace.id}/{@code span.id} (the ids Jaeger shows).
 */
@ExtendWith(OutputCaptureExtension.class)
class JsonLogLinesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Logger log = LoggerFactory.getLogger(JsonLogLinesTest.class);

    @Configuration(proxyBeanMethods = false)
    static class Empty {
    }

    @Test
    void everyLineNamesItsServiceAndARequestsLinesCarryItsId(CapturedOutput output) throws Exception {
        SpringApplication app = new SpringApplication(Empty.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        try (ConfigurableApplicationContext context = app.run("--spring.application.name=lesson-service")) {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/lessons");
            request.addHeader(RequestIdFilter.HEADER, "req-42");
            new RequestIdFilter().doFilter(request, new MockHttpServletResponse(), (req, res) -> {
                // What Micrometer Tracing puts in the MDC while a span is current.
                MDC.put("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
                MDC.put("spanId", "00f067aa0ba902b7");
                try {
                    log.info("handling the request");
                } finally {
                    MDC.remove("traceId");
                    MDC.remove("spanId");
                }
            });
            log.info("after the request");
        }

        List<JsonNode> lines = output.getOut().lines()
                .filter(line -> !line.isBlank())
                .map(JSON::readTree)
                .toList();
        assertThat(lines).isNotEmpty();
        assertThat(lines).allSatisfy(line -> {
            assertThat(line.path("service").path("name").asString()).isEqualTo("lesson-service");
            assertThat(line.path("service").path("environment").asString()).isEqualTo("development");
            assertThat(line.path("@timestamp").asString()).isNotBlank();
            assertThat(line.path("log").path("level").asString()).isIn("INFO", "WARN", "ERROR", "DEBUG");
            assertThat(line.path("ecs").path("version").asString()).isNotBlank();
        });
        JsonNode during = lines.stream().filter(l -> l.path("message").asString().equals("handling the request"))
                .findFirst().orElseThrow();
        assertThat(during.path("http.request.id").asString()).isEqualTo("req-42");
        assertThat(during.path("trace.id").asString()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(during.path("span.id").asString()).isEqualTo("00f067aa0ba902b7");
        assertThat(during.has("traceId") || during.has("request_id")).as("only the ECS names").isFalse();
        JsonNode after = lines.stream().filter(l -> l.path("message").asString().equals("after the request"))
                .findFirst().orElseThrow();
        assertThat(after.has("http.request.id")).as("the id does not leak into the next request's lines").isFalse();
    }
}
