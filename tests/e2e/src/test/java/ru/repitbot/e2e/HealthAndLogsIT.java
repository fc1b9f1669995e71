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
    void healthDetailsAndMetricsAreForServiceCallersOnly() throws IOException {
        String serviceToken = stack.gateway().post("/api/v1/auth/token", Map.of("grant_type", "client_credentials",
                "client_id", "telegram-bot", "client_secret", generatedSecret("TELEGRAM_BOT_SECRET_KEY"))).json()
                .path("access_token").asString();
        for (String name : running()) {
            if (name.equals("telegram-bot")) {
                continue; // checks no tokens at all: shows its components to whoever reaches its loopback port
            }
            int port = RepitbotStack.DEPLOYABLES.get(name);
            ApiResponse anonymous = ApiClient.local(port).get("/health");
            assertThat(anonymous.json().has("components")).as("%s /health to anyone: %s", name, anonymous).isFalse();
            ApiResponse service = ApiClient.local(port).withToken(serviceToken).get("/health");
            assertThat(service.json().has("components")).as("%s /health to a service: %s", name, service).isTrue();
        }
        ApiResponse viaProxy = stack.gateway().withHeader("X-Forwarded-For", "203.0.113.9")
                .withHeader("Accept", "text/plain").get("/metrics");
        assertThat(viaProxy.status()).as("%s", viaProxy).isIn(401, 403);
        assertThat(viaProxy.body()).doesNotContain("jvm_memory_used_bytes");
        assertThat(stack.gateway().withHeader("X-Forwarded-For", "203.0.113.9").withToken(serviceToken)
                .withHeader("Accept", "text/plain").get("/metrics").body()).contains("jvm_memory_used_bytes");
    }

    /** A secret the launcher generated into the state directory's secrets.env (beside logs/). */
    private String generatedSecret(String name) throws IOException {
        return Files.readAllLines(stack.logFile("api-gateway").getParent().resolveSibling("secrets.env")).stream()
                .filter(l -> l.startsWith(name + "=")).map(l -> l.substring(name.length() + 1)).findFirst()
                .orElseThrow();
    }

    /** Services listen on the loopback interface only; the gateway, the public door, on every interface. */
    @Test
    void onlyTheGatewayAnswersOnTheMachinesOtherAddresses() throws Exception {
        java.net.InetAddress other = java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())
                .stream().filter(i -> {
                    try {
                        return i.isUp() && !i.isLoopback();
                    } catch (java.net.SocketException e) {
                        return false;
                    }
                })
                .flatMap(i -> java.util.Collections.list(i.getInetAddresses()).stream())
                .filter(a -> a instanceof java.net.Inet4Address).findFirst().orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(other != null, "this machine has no other IPv4 address");
        for (String name : running()) {
            int port = RepitbotStack.DEPLOYABLES.get(name);
            boolean answers;
            try (java.net.Socket socket = new java.net.Socket()) {
                socket.connect(new java.net.InetSocketAddress(other, port), 2_000);
                answers = true;
            } catch (java.io.IOException refused) {
                answers = false;
            }
            assertThat(answers).as("%s on %s:%s", name, other.getHostAddress(), port)
                    .isEqualTo(name.equals("api-gateway"));
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
     * Every line is one JSON object with ECS names ({@code @timestamp}, {@code log.level}, {@code message}) naming its
     * deployable in {@code service.name} (no plain-text JVM warnings ahead of the first one), and a fresh start warns
     * about nothing: a WARN that every start prints teaches operators to ignore WARNs.
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
                assertThat(event.path("log").hasNonNull("level")).as("%s: log.level in %s", name, line).isTrue();
                assertThat(event.hasNonNull("@timestamp")).as("%s: @timestamp in %s", name, line).isTrue();
                assertThat(event.hasNonNull("message")).as("%s: message in %s", name, line).isTrue();
                assertThat(event.path("service").path("name").asString()).as("%s: service.name in %s", name, line)
                        .isEqualTo(name);
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
                    .noneMatch(e -> e.path("log").path("level").asString().equals("WARN")
                            || e.path("log").path("level").asString().equals("ERROR"));
        }
    }

    /**
     * The gateway's access log names the caller's request id {@code http.request.id}, the field the services' lines
     * use (shared/config JsonLogLinesTest), and the request's trace as {@code trace.id}, as the service's lines do.
     */
    @Test
    void theAccessLogCarriesTheCallersRequestIdAndTheTrace() throws IOException {
        String id = "e2e-log-" + System.nanoTime();
        ApiResponse answer = stack.gateway().withHeader("X-Request-Id", id).get("/api/v1/users/me");
        assertThat(answer.header("X-Request-Id")).as("%s", answer).isEqualTo(id);
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                Files.readAllLines(stack.logFile("api-gateway"), StandardCharsets.UTF_8).stream()
                        .filter(l -> l.startsWith("{"))
                        .map(JSON::readTree)
                        .filter(e -> id.equals(e.path("http.request.id").asString(null))))
                .as("an access-log line with http.request.id=%s", id).isNotEmpty()
                .allSatisfy(e -> assertThat(e.path("trace.id").asString()).as("trace.id of %s", e)
                        .matches("[0-9a-f]{32}")));
    }
}
