package ru.repitbot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.repitbot.testsupport.ApiClient;
import ru.repitbot.testsupport.ApiClient.ApiResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every deployable answers /health UP on its port and writes its log as JSON lines. */
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

    @Test
    void everyDeployableLogsJsonLinesWithLevelAndMessage() throws IOException {
        for (String name : running()) {
            List<String> lines = Files.readAllLines(stack.logFile(name), StandardCharsets.UTF_8);
            List<String> json = lines.stream().filter(l -> l.startsWith("{")).toList();
            assertThat(json).as("%s writes JSON log lines", name).isNotEmpty();
            for (String line : json) {
                JsonNode event = JSON.readTree(line);
                assertThat(event.hasNonNull("level")).as("%s: level in %s", name, line).isTrue();
                assertThat(event.hasNonNull("message")).as("%s: message in %s", name, line).isTrue();
            }
            assertThat(json.stream().map(l -> JSON.readTree(l).get("message").asString()))
                    .as("%s logs its start", name).anyMatch(m -> m.startsWith("Started "));
        }
    }
}
