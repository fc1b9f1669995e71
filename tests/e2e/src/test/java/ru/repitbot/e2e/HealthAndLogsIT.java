package ru.repitbot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.repitbot.testsupport.ApiClient;
import ru.repitbot.testsupport.ApiClient.ApiResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every deployable answers /health UP on its port and writes its log as JSON lines naming it. */
@Order(4)
@ExtendWith(StackExtension.class)
class HealthAndLogsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RepitbotStack stack;

    HealthAndLogsIT(RepitbotStack stack) {
        this.stack = stack;
    }

    private List<String> running() {
        return RepitbotStack.DEPLOYABLES.keySet().stream()
                .filter(name -> !name.equals("telegram-bot") || stack.botRunning())
                .toList();
    }

    @Test
    void everyDeployableIsUp() {
        assertThat(running()).hasSizeGreaterThanOrEqualTo(11);
        for (Map.Entry<String, Integer> d : RepitbotStack.DEPLOYABLES.entrySet()) {
            if (!running().contains(d.getKey())) {
                continue;
            }
            ApiResponse health = ApiClient.local(d.getValue()).get("/health");
            assertThat(health.status()).as("%s /health: %s", d.getKey(), health).isEqualTo(200);
            assertThat(health.json().get("status").asString()).as(d.getKey()).isEqualTo("UP");
        }
    }

    @Test
    void theGatewayServesOneSwaggerUiOverAllServices() {
        ApiResponse docs = stack.gateway().withHeader("Accept", "text/html").get("/docs");
        assertThat(docs.status()).as("%s", docs).isIn(200, 302);
        ApiResponse userDocs = stack.gateway().get("/openapi/user-service.json");
        assertThat(userDocs.status()).as("%s", userDocs).isEqualTo(200);
        assertThat(userDocs.json().get("paths").has("/api/v1/users")).isTrue();
    }

    /**
     * Every line is one JSON object naming its deployable (no plain-text JVM warnings ahead of the first one), and a
     * fresh start warns about nothing: a WARN that every start prints teaches operators to ignore WARNs.
     */
    @Test
    void everyDeployableLogsJsonLinesThatNameItAndStartsWithoutWarnings() throws IOException {
        for (String name : running()) {
            List<String> lines = Files.readAllLines(stack.logFile(name), StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.isBlank()).toList();
            assertThat(lines).as("%s writes log lines", name).isNotEmpty();
            List<JsonNode> events = new ArrayList<>();
            for (String line : lines) {
                assertThat(line).as("%s: a plain-text line in its log", name).startsWith("{");
                JsonNode event = JSON.readTree(line);
                assertThat(event.hasNonNull("level")).as("%s: level in %s", name, line).isTrue();
                assertThat(event.hasNonNull("message")).as("%s: message in %s", name, line).isTrue();
                assertThat(event.path("service").asString()).as("%s: service in %s", name, line).isEqualTo(name);
                events.add(event);
            }
            int started = -1;
            for (int i = 0; i < events.size() && started < 0; i++) {
                if (events.get(i).get("message").asString().startsWith("Started ")) {
                    started = i;
                }
            }
            assertThat(started).as("%s logs its start", name).isNotNegative();
            assertThat(events.subList(0, started + 1))
                    .as("%s: warnings while starting", name)
                    .noneMatch(e -> e.get("level").asString().equals("WARN")
                            || e.get("level").asString().equals("ERROR"));
        }
    }

    /**
     * The gateway's access log names the caller's request id {@code request_id}, the field the services' lines use
     * (shared/config JsonLogLinesTest).
     */
    @Test
    void theAccessLogCarriesTheCallersRequestIdAsRequestId() throws IOException {
        String id = "e2e-log-" + System.nanoTime();
        ApiResponse answer = stack.gateway().withHeader("X-Request-Id", id).get("/api/v1/users/me");
        assertThat(answer.header("X-Request-Id")).as("%s", answer).isEqualTo(id);
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                Files.readAllLines(stack.logFile("api-gateway"), StandardCharsets.UTF_8).stream()
                        .filter(l -> l.startsWith("{"))
                        .map(JSON::readTree)
                        .filter(e -> id.equals(e.path("request_id").asString(null))))
                .as("an access-log line with request_id=%s", id).isNotEmpty());
    }
}
