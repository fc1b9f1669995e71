package ru.repitbot.deploy.logs;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.repitbot.deploy.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code infrastructure/monitoring/kibana/provision.sh}, run with sh and curl as the compose stack's one-shot
 * {@code kibana-setup} container runs it, against a stand-in for Kibana's HTTP API: it waits until Kibana answers,
 * imports the data view and the saved search through the saved objects API (with the {@code kbn-xsrf} header Kibana
 * requires, the Jaeger address filled in), and fails when Kibana refuses the import.
 */
class KibanaProvisionTest {

    private static final Path SCRIPT = Repository.path("infrastructure/monitoring/kibana/provision.sh");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private HttpServer kibana;
    private final AtomicInteger statusCalls = new AtomicInteger();
    private final List<String> imports = new CopyOnWriteArrayList<>();
    private volatile String importAnswer = "{\"success\":true,\"successCount\":2,\"errors\":[]}";

    @BeforeEach
    void standIn() throws IOException {
        kibana = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        kibana.createContext("/api/status", exchange -> {
            try (exchange) {
                // Starting up for the first two calls, as Kibana answers 503 while it starts.
                int status = statusCalls.incrementAndGet() <= 2 ? 503 : 200;
                exchange.sendResponseHeaders(status, -1);
            }
        });
        kibana.createContext("/api/saved_objects/_import", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                imports.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + "\nxsrf="
                        + exchange.getRequestHeaders().getFirst("kbn-xsrf") + "\ntype="
                        + exchange.getRequestHeaders().getFirst("Content-Type") + "\n" + body);
                byte[] answer = importAnswer.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
            }
        });
        kibana.start();
    }

    @AfterEach
    void stop() {
        kibana.stop(0);
    }

    @Test
    void waitsForKibanaThenImportsTheDataViewWithTheJaegerAddress() throws Exception {
        Result run = provision();
        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(statusCalls.get()).as("it waited while Kibana was starting").isGreaterThanOrEqualTo(3);
        assertThat(imports).singleElement().satisfies(request -> {
            assertThat(request).startsWith("POST /api/saved_objects/_import?overwrite=true\n");
            assertThat(request).contains("xsrf=repitbot").contains("type=multipart/form-data");
            assertThat(request).contains("filename=\"repitbot-logs.ndjson\"");
            List<JsonNode> objects = request.lines().filter(l -> l.startsWith("{\"type\""))
                    .map(JSON::readTree).toList();
            assertThat(objects).extracting(o -> o.path("type").asString())
                    .containsExactly("index-pattern", "search");
            String formats = objects.get(0).path("attributes").path("fieldFormatMap").asString();
            assertThat(formats).contains("https://jaeger.example.org/trace/{{value}}").doesNotContain("__JAEGER_URL__");
        });
        assertThat(run.output()).contains("data view repitbot-*");
    }

    @Test
    void failsWhenKibanaRefusesTheImport() throws Exception {
        importAnswer = "{\"success\":false,\"successCount\":0,\"errors\":[{\"id\":\"repitbot-logs\"}]}";
        statusCalls.set(2); // Kibana is up already
        Result run = provision();
        assertThat(run.exit()).as(run.output()).isNotZero();
        assertThat(run.output()).contains("refused");
    }

    private record Result(int exit, String output) {
    }

    private Result provision() throws Exception {
        for (String tool : List.of("sh", "curl")) {
            Process which = new ProcessBuilder("sh", "-c", "command -v " + tool).start();
            assertThat(which.waitFor()).as("%s is needed to run provision.sh (the kibana-setup image has it)", tool)
                    .isZero();
        }
        ProcessBuilder pb = new ProcessBuilder("sh", SCRIPT.toString()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("KIBANA_URL", "http://127.0.0.1:" + kibana.getAddress().getPort() + "/");
        env.put("JAEGER_URL", "https://jaeger.example.org/");
        env.put("KIBANA_WAIT_SECONDS", "60");
        env.put("KIBANA_POLL_SECONDS", "1");
        env.remove("KIBANA_USERNAME");
        Process process = pb.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }
}
