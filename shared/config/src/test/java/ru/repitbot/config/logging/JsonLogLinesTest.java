package ru.repitbot.config.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * What an operator reading twelve services' logs relies on: every line is one JSON object that names its service,
 * and a line written while a request is handled carries that request's id under {@code request_id}, the field name
 * the gateway's access log uses for the same id.
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
            new RequestIdFilter().doFilter(request, new MockHttpServletResponse(),
                    (req, res) -> log.info("handling the request"));
            log.info("after the request");
        }

        List<JsonNode> lines = output.getOut().lines()
                .filter(line -> !line.isBlank())
                .map(JSON::readTree)
                .toList();
        assertThat(lines).isNotEmpty();
        assertThat(lines).allSatisfy(line -> assertThat(line.path("service").asString()).isEqualTo("lesson-service"));
        JsonNode during = lines.stream().filter(l -> l.path("message").asString().equals("handling the request"))
                .findFirst().orElseThrow();
        assertThat(during.path("request_id").asString()).isEqualTo("req-42");
        JsonNode after = lines.stream().filter(l -> l.path("message").asString().equals("after the request"))
                .findFirst().orElseThrow();
        assertThat(after.has("request_id")).as("the id does not leak into the next request's lines").isFalse();
    }
}
