package ru.repitbot.deploy.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Kubernetes scrape jobs' relabelling, run by a real Prometheus (Debian's, started for a few seconds on a free
 * port): pods are given to it as the pod discovery would (the same {@code __meta_kubernetes_*} labels, through a file
 * discovery, since Debian's build has no Kubernetes discovery), and its target list shows which pods it would
 * scrape, where and with which labels.
 */
class KubernetesRelabelTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void podsThatAskToBeScrapedAreScrapedOnTheirAnnotatedPortAndPathAndTheGatewayByItsOwnJob(@TempDir Path dir)
            throws Exception {
        Path config = withFileDiscovery(dir, "pods.json");
        List<Map<String, Object>> pods = List.of(
                pod("lesson-service-7d9f-abcde", "198.51.100.3:8080", "lesson-service", "true", "8003", null,
                        "Running"),
                pod("api-gateway-5c4b-fghij", "198.51.100.10", "api-gateway", "true", "8000", "/metrics", "Running"),
                pod("telegram-bot-6a7b-klmno", "198.51.100.11:8011", "telegram-bot", "true", null, "/custom-metrics",
                        "Running"),
                pod("postgres-0", "198.51.100.20:5432", "postgresql", null, null, null, "Running"),
                pod("payment-service-8e9f-pqrst", "198.51.100.5:8005", "payment-service", "true", "8005", null,
                        "Pending"));
        Files.writeString(dir.resolve("pods.json"), JSON.writeValueAsString(pods));
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process prometheus = new ProcessBuilder(Tool.PROMETHEUS.path().toString(),
                "--config.file=" + config, "--storage.tsdb.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port, "--log.level=warn")
                .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            Map<String, JsonNode> active = new TreeMap<>();
            JsonNode targets = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/api/v1/targets")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200) {
                        targets = JSON.readTree(r.body()).get("data");
                        active.clear();
                        for (JsonNode t : targets.get("activeTargets")) {
                            if (!t.get("labels").get("job").asString().startsWith("repitbot")) {
                                continue;
                            }
                            active.put(t.get("labels").get("job").asString() + " "
                                    + t.get("labels").get("deployable").asString(), t);
                        }
                        if (active.size() >= 3 && targets.get("droppedTargets").size() >= 2 * pods.size() - 3) {
                            break;
                        }
                    }
                } catch (IOException notYet) {
                    // still starting
                }
                Thread.sleep(250);
            }
            assertThat(prometheus.isAlive()).as("prometheus runs; its log: %s",
                    Files.readString(dir.resolve("prometheus.log"))).isTrue();
            assertThat(active.keySet()).as("targets: %s", targets).containsExactly(
                    "repitbot lesson-service", "repitbot telegram-bot", "repitbot-gateway api-gateway");

            JsonNode lesson = active.get("repitbot lesson-service");
            assertThat(lesson.get("scrapeUrl").asString()).isEqualTo("http://198.51.100.3:8003/metrics");
            assertThat(lesson.get("labels").get("namespace").asString()).isEqualTo("repitbot");
            assertThat(lesson.get("labels").get("pod").asString()).isEqualTo("lesson-service-7d9f-abcde");
            assertThat(active.get("repitbot telegram-bot").get("scrapeUrl").asString())
                    .as("no port annotation: the pod's own port; the path from its annotation")
                    .isEqualTo("http://198.51.100.11:8011/custom-metrics");
            assertThat(active.get("repitbot-gateway api-gateway").get("scrapeUrl").asString())
                    .isEqualTo("http://198.51.100.10:8000/metrics");
        } finally {
            prometheus.destroy();
            prometheus.waitFor();
        }
    }

    /** A pod as the Kubernetes pod discovery describes it to relabelling (only the labels our jobs read). */
    private static Map<String, Object> pod(String name, String address, String app, String scrape, String port,
            String path, String phase) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("__meta_kubernetes_namespace", "repitbot");
        labels.put("__meta_kubernetes_pod_name", name);
        labels.put("__meta_kubernetes_pod_phase", phase);
        labels.put("__meta_kubernetes_pod_label_app_kubernetes_io_name", app);
        if (scrape != null) {
            labels.put("__meta_kubernetes_pod_annotation_prometheus_io_scrape", scrape);
        }
        if (port != null) {
            labels.put("__meta_kubernetes_pod_annotation_prometheus_io_port", port);
        }
        if (path != null) {
            labels.put("__meta_kubernetes_pod_annotation_prometheus_io_path", path);
        }
        return Map.of("targets", List.of(address), "labels", labels);
    }

    /**
     * prometheus.kubernetes.yml with each job's {@code kubernetes_sd_configs} replaced by a file discovery reading
     * {@code file}, written into {@code dir} with the rule files beside it. Returns the config's path.
     */
    @SuppressWarnings("unchecked")
    static Path withFileDiscovery(Path dir, String file) throws IOException {
        Path source = AlertingConfigTest.PROMETHEUS.resolve("prometheus.kubernetes.yml");
        Map<String, Object> config = new Yaml().load(Files.readString(source));
        List<Map<String, Object>> jobs = new ArrayList<>();
        for (Map<String, Object> job : (List<Map<String, Object>>) config.get("scrape_configs")) {
            Map<String, Object> copy = new LinkedHashMap<>(job);
            if (copy.remove("kubernetes_sd_configs") != null) {
                copy.put("file_sd_configs", List.of(Map.of("files", List.of(dir.resolve(file).toString()),
                        "refresh_interval", "1s")));
            }
            jobs.add(copy);
        }
        config.put("scrape_configs", jobs);
        Files.createDirectories(dir.resolve("rules"));
        try (Stream<Path> rules = Files.list(AlertingConfigTest.PROMETHEUS.resolve("rules"))) {
            for (Path rule : rules.toList()) {
                Files.copy(rule, dir.resolve("rules").resolve(rule.getFileName()));
            }
        }
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        Path target = dir.resolve("prometheus.kubernetes-file-sd.yml");
        Files.writeString(target, new Yaml(options).dump(config));
        return target;
    }
}
