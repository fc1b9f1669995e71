package ru.repitbot.e2e.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import ru.repitbot.e2e.RepitbotStack;
import ru.repitbot.e2e.Scenario;
import ru.repitbot.e2e.StackExtension;
import ru.repitbot.e2e.bot.BotChat;
import ru.repitbot.testsupport.ApiClient;
import ru.repitbot.testsupport.ApiClient.ApiResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real Prometheus (Debian's binary) against the running stack, with the repository's own monitoring files: the
 * compose scrape configuration pointed at this stack's ports (every 2 s), the alert rules, the dashboards' queries.
 * While a small load runs through the gateway and the bot (people, lessons, attendance, a payment, homework, a
 * cancellation, a chat), it asserts: every target is up — the gateway's too, scraped from another address with a
 * service token fetched by the config's OAuth2 client credentials, as in compose —, every rule group evaluates
 * without error, and every dashboard query returns data (the few that need an event a short run cannot make are
 * listed in {@link #NO_DATA_EXPECTED} with the reason). It writes the metric names the deployables expose to
 * target/e2e/exposed-metrics.txt and fails when tests/deploy's fixture names a metric none exposes.
 */
@Order(30)
@ExtendWith(StackExtension.class)
class MonitoringIT {

    private static final Path ROOT = root();
    private static final Path MONITORING = ROOT.resolve("infrastructure/monitoring");
    private static final Path FIXTURE = ROOT.resolve(
            "tests/deploy/src/test/resources/ru/repitbot/deploy/monitoring/exposed-metrics.txt");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final String RATE_INTERVAL = "30s";

    /** Dashboard queries (dashboard / panel / refId) with no data in a short run, and why. Keep it short. */
    private static final Map<String, String> NO_DATA_EXPECTED = Map.of(
            "telegram / Reminders late (last hour) / A",
            "a reminder is late only when the scheduler or Telegram fell behind; no reminder is even due in the run");

    private static Path dir;
    private static Process prometheus;
    private static TextFormatProxy proxy;
    private static String api;

    private final Scenario scenario;
    private final RepitbotStack stack;

    MonitoringIT(Scenario scenario) {
        this.scenario = scenario;
        this.stack = scenario.stack();
    }

    @BeforeAll
    static void startPrometheus(RepitbotStack stack) throws Exception {
        Path binary = Path.of("/usr/bin/prometheus");
        assertThat(Files.isExecutable(binary))
                .as("Debian's prometheus is not installed (apt-get install prometheus; .ci/run installs it)").isTrue();
        dir = Files.createTempDirectory("repitbot-prometheus-");
        proxy = TextFormatProxy.start();
        Path config = writeConfig(stack, dir);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        api = "http://127.0.0.1:" + port;
        prometheus = new ProcessBuilder(binary.toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port,
                "--log.level=warn").redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile())
                .start();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> prometheus.isAlive() && status(api + "/-/ready") == 200);
    }

    @AfterAll
    static void stopPrometheus() throws Exception {
        if (proxy != null) {
            proxy.stop();
        }
        if (prometheus != null) {
            prometheus.destroy();
            prometheus.waitFor();
            Path log = outputDirectory().resolve("prometheus.log");
            Files.copy(dir.resolve("prometheus.log"), log, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void prometheusScrapesEveryDeployableEvaluatesEveryRuleAndEveryDashboardQueryHasData() throws Exception {
        // Every target up: the deployables (their own /metrics) and the gateway with a service token.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonNode targets = get("/api/v1/targets?state=active").get("activeTargets");
            Map<String, String> health = new LinkedHashMap<>();
            for (JsonNode t : targets) {
                health.put(t.get("labels").path("deployable").asString(t.get("labels").get("job").asString()),
                        t.get("health").asString() + " " + t.get("lastError").asString());
            }
            assertThat(health.keySet()).containsAll(RepitbotStack.DEPLOYABLES.keySet());
            assertThat(health).allSatisfy((name, h) -> assertThat(h).as(name).startsWith("up"));
        });

        load();

        // Every rule of every group evaluated, none in error.
        List<String> groups = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            groups.clear();
            for (JsonNode group : get("/api/v1/rules").get("groups")) {
                groups.add(group.get("name").asString());
                for (JsonNode rule : group.get("rules")) {
                    String name = rule.path("name").asString();
                    assertThat(rule.get("lastEvaluation").asString()).as("%s evaluated", name)
                            .doesNotStartWith("0001-");
                    assertThat(rule.get("health").asString()).as("%s: %s", name, rule.path("lastError").asString())
                            .isEqualTo("ok");
                }
            }
        });
        assertThat(groups).containsExactlyInAnyOrder("repitbot-availability", "repitbot-events",
                "repitbot-telegram", "repitbot-resources");

        // The metric names the deployables expose; the fixture of tests/deploy must not name one none exposes.
        Set<String> exposed = new TreeSet<>();
        get("/api/v1/label/__name__/values?match[]=" + URLEncoder.encode("{job=~\"repitbot.*\"}",
                StandardCharsets.UTF_8)).forEach(n -> exposed.add(n.asString()));
        exposed.removeIf(n -> n.startsWith("scrape_") || n.equals("up"));
        Files.writeString(outputDirectory().resolve("exposed-metrics.txt"),
                String.join("\n", exposed) + "\n");
        // Every dashboard query returns at least one series.
        Map<String, String> queries = dashboardQueries();
        Map<String, String> empty = new LinkedHashMap<>();
        for (var query : queries.entrySet()) {
            String expr = query.getValue().replace("$__rate_interval", RATE_INTERVAL).replace("$application", ".+");
            JsonNode result = get("/api/v1/query?query=" + URLEncoder.encode(expr, StandardCharsets.UTF_8))
                    .get("result");
            boolean data = !result.isEmpty();
            if (NO_DATA_EXPECTED.containsKey(query.getKey())) {
                continue;
            }
            if (!data) {
                empty.put(query.getKey(), expr);
            }
        }
        assertThat(NO_DATA_EXPECTED.keySet()).as("exempt queries that exist").isSubsetOf(queries.keySet());
        assertThat(empty).as("dashboard queries without data").isEmpty();

        Set<String> stale = new TreeSet<>(fixture(true));
        stale.removeAll(exposed);
        assertThat(stale).as("names in %s that no deployable exposes (see target/e2e/exposed-metrics.txt)",
                FIXTURE).isEmpty();
    }

    /** A small load through the gateway and the bot: what the dashboards count. */
    private void load() {
        Scenario.World w = scenario.world();
        ApiClient tutor = w.tutorA().api(stack);
        long studentId = w.studentA().id();
        OffsetDateTime base = OffsetDateTime.now(ZoneOffset.ofHours(3)).truncatedTo(ChronoUnit.DAYS)
                .plusDays(400 + ThreadLocalRandom.current().nextInt(300)).withHour(7);
        List<Long> lessons = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            OffsetDateTime start = base.plusHours(i * 2L);
            String topic = "Мониторинг " + i;
            ApiResponse created = await().atMost(Duration.ofSeconds(30)).until(() -> tutor.post("/api/v1/lessons",
                    Map.of("student_id", studentId, "topic", topic, "start_at", start.toString(),
                            "duration_minutes", 60)), r -> r.status() != 404);
            assertThat(created.status()).as("%s", created).isEqualTo(201);
            lessons.add(created.json().get("id").asLong());
        }
        ApiResponse attended = tutor.put("/api/v1/lessons/" + lessons.get(0) + "/attendance",
                Map.of("status", "attended"));
        assertThat(attended.status()).as("%s", attended).isEqualTo(200);
        ApiResponse cancelled = tutor.post("/api/v1/lessons/" + lessons.get(2) + "/cancel", Map.of());
        assertThat(cancelled.status()).as("%s", cancelled).isIn(200, 204);
        ApiResponse paid = tutor.withHeader("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/v1/payments", Map.of("student_id", studentId, "lessons_paid", 4, "amount", "8000.00",
                        "method", "transfer"));
        assertThat(paid.status()).as("%s", paid).isEqualTo(201);
        long homework = await().atMost(Duration.ofSeconds(30)).until(() -> tutor.post("/api/v1/homework", Map.of(
                "lesson_id", lessons.get(1), "description", "Задачи 1–5", "deadline", base.plusDays(3).toString())),
                r -> r.status() == 201).json().get("id").asLong();
        ApiResponse submitted = w.studentA().api(stack).post("/api/v1/homework/" + homework + "/submission",
                Map.of("text", "готово"));
        assertThat(submitted.status()).as("%s", submitted).isEqualTo(200);
        // Reads by every role, a refused one (4xx), the parent's view of the balance.
        for (int i = 0; i < 5; i++) {
            assertThat(tutor.get("/api/v1/lessons?student_id=" + studentId).status()).isEqualTo(200);
            assertThat(w.parentA().api(stack).get("/api/v1/balances/" + studentId).status()).isEqualTo(200);
            assertThat(w.studentA().api(stack).get("/api/v1/homework/" + homework).status()).isEqualTo(200);
        }
        assertThat(w.studentA().api(stack).post("/api/v1/lessons", Map.of("student_id", studentId)).status())
                .as("a student may not book lessons (refused, 4xx)").isBetween(400, 499);
        if (stack.botRunning()) {
            BotChat.newUser("Монитор").send("/start").awaitReply("код");
        }
        // Events have reached their consumers (the balance follows the attendance and the payment) and two more
        // scrapes have seen the counters move.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            JsonNode r = get("/api/v1/query?query=" + URLEncoder.encode(
                    "sum(repitbot_events_consumed_total{outcome=\"processed\"})", StandardCharsets.UTF_8))
                    .get("result");
            return !r.isEmpty();
        });
        sleep(Duration.ofSeconds(5));
    }

    /** The repository's prometheus.yml pointed at this stack; the gateway scraped from another address. */
    @SuppressWarnings("unchecked")
    private static Path writeConfig(RepitbotStack stack, Path dir) throws IOException {
        Map<String, Object> config = new Yaml().load(Files.readString(MONITORING.resolve("prometheus/prometheus.yml")));
        Map<String, Object> global = (Map<String, Object>) config.get("global");
        global.put("scrape_interval", "2s");
        global.put("evaluation_interval", "2s");
        global.put("scrape_timeout", "2s");
        config.remove("alerting");
        config.put("rule_files", List.of(MONITORING.resolve("prometheus/rules").toString() + "/*.yml"));
        String address = externalAddress();
        // Only the deployables: Prometheus' own job would look for it on 9090.
        ((List<Map<String, Object>>) config.get("scrape_configs"))
                .removeIf(job -> !job.get("job_name").toString().startsWith("repitbot"));
        Properties secrets = new Properties();
        try (var in = Files.newBufferedReader(stack.stateDir().resolve("secrets.env"))) {
            secrets.load(in);
        }
        Path secretFile = dir.resolve("api_gateway_secret_key");
        Files.writeString(secretFile, secrets.getProperty("API_GATEWAY_SECRET_KEY"));
        for (Map<String, Object> job : (List<Map<String, Object>>) config.get("scrape_configs")) {
            job.put("proxy_url", "http://127.0.0.1:" + proxy.port());
            for (Map<String, Object> group : (List<Map<String, Object>>) job.getOrDefault("static_configs",
                    List.of())) {
                List<String> targets = new ArrayList<>();
                for (Object target : (List<?>) group.get("targets")) {
                    String name = target.toString().split(":")[0];
                    Integer port = RepitbotStack.DEPLOYABLES.get(name);
                    targets.add(port == null ? target.toString()
                            : (name.equals("api-gateway") ? address : "127.0.0.1") + ":" + port);
                }
                group.put("targets", targets);
            }
            Map<String, Object> oauth2 = (Map<String, Object>) job.get("oauth2");
            if (oauth2 != null) {
                oauth2.put("client_secret_file", secretFile.toString());
                oauth2.put("token_url", oauth2.get("token_url").toString()
                        .replace("auth-service:8002", "127.0.0.1:" + RepitbotStack.DEPLOYABLES.get("auth-service")));
            }
        }
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        Path file = dir.resolve("prometheus.yml");
        Files.writeString(file, new Yaml(options).dump(config));
        return file;
    }

    /**
     * An address of this machine other than the loopback: the gateway shows /metrics without a token to a process on
     * its own host, so the scrape comes from here to prove the service token works (as from Prometheus' container).
     */
    private static String externalAddress() throws IOException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
                    return a.getHostAddress();
                }
            }
        }
        throw new AssertionError("this machine has no non-loopback IPv4 address to scrape the gateway from");
    }

    private static Map<String, String> dashboardQueries() throws IOException {
        Map<String, String> queries = new LinkedHashMap<>();
        for (String name : List.of("overview", "events", "telegram", "business", "jvm")) {
            JsonNode dashboard = JSON.readTree(MONITORING.resolve("grafana/dashboards/" + name + ".json").toFile());
            for (JsonNode panel : dashboard.get("panels")) {
                for (JsonNode target : panel.path("targets")) {
                    queries.put(name + " / " + panel.get("title").asString() + " / " + target.get("refId").asString(),
                            target.get("expr").asString());
                }
            }
        }
        assertThat(queries).hasSizeGreaterThan(20);
        return queries;
    }

    /** The fixture's names; {@code seenOnly}: without those it lists as registered on first use. */
    private static Set<String> fixture(boolean seenOnly) throws IOException {
        Set<String> names = new TreeSet<>();
        for (String line : Files.readAllLines(FIXTURE)) {
            if (seenOnly && line.startsWith("# registered on first use")) {
                break;
            }
            if (!line.isBlank() && !line.startsWith("#")) {
                names.add(line.strip().split("\\s+")[0]);
            }
        }
        return names;
    }

    private static JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(api + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.path("status").asString()).as("%s: %s", path, r.body()).isEqualTo("success");
        return body.get("data");
    }

    private static int status(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static Path outputDirectory() throws IOException {
        Path output = Path.of(System.getProperty("e2e.outputDirectory", ROOT.resolve("tests/e2e/target/e2e").toString()));
        Files.createDirectories(output);
        return output;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * An HTTP proxy for Prometheus' scrapes that asks for the classic text format instead of OpenMetrics. Debian's
     * Prometheus 2.42 drops a whole scrape whose OpenMetrics carries an exemplar on a {@code _count} series ("metric
     * name …_count does not support exemplars"); Micrometer writes them there when tracing is on, and Prometheus
     * accepts them from 2.43 (prometheus/prometheus#11984). The text format has no exemplars; everything else —
     * the gateway's token, the scraped series — is forwarded as it is.
     */
    static final class TextFormatProxy {

        private final com.sun.net.httpserver.HttpServer server;

        private TextFormatProxy(com.sun.net.httpserver.HttpServer server) {
            this.server = server;
        }

        static TextFormatProxy start() throws IOException {
            var server = com.sun.net.httpserver.HttpServer.create(
                    new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            server.createContext("/", exchange -> {
                try {
                    URI target = exchange.getRequestURI();
                    if (target.getHost() == null) {
                        String host = exchange.getRequestHeaders().getFirst("Host");
                        target = URI.create("http://" + host + target);
                    }
                    HttpRequest.Builder forward = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(5));
                    byte[] body = exchange.getRequestBody().readAllBytes();
                    forward.method(exchange.getRequestMethod(), body.length == 0
                            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
                    for (String header : List.of("Authorization", "Content-Type")) {
                        String value = exchange.getRequestHeaders().getFirst(header);
                        if (value != null) {
                            forward.header(header, value);
                        }
                    }
                    forward.header("Accept", "text/plain;version=0.0.4;q=1,*/*;q=0.1");
                    HttpResponse<byte[]> answer = client.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
                    answer.headers().firstValue("Content-Type")
                            .ifPresent(v -> exchange.getResponseHeaders().set("Content-Type", v));
                    exchange.sendResponseHeaders(answer.statusCode(), answer.body().length == 0 ? -1
                            : answer.body().length);
                    exchange.getResponseBody().write(answer.body());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (IOException e) {
                    exchange.sendResponseHeaders(502, -1);
                } finally {
                    exchange.close();
                }
            });
            server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return new TextFormatProxy(server);
        }

        int port() {
            return server.getAddress().getPort();
        }

        void stop() {
            server.stop(0);
        }
    }

    private static Path root() {
        String configured = System.getProperty("repitbot.root");
        Path dir = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("repitbot"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new UncheckedIOException(new IOException("not inside a RepitBot checkout"));
        }
        return dir;
    }
}
