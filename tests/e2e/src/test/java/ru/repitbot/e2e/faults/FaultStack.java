package ru.repitbot.e2e.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The part of the system on the attendance -> balance path (gateway, auth, user, lesson, payment), started by
 * {@code ./repitbot up --no-build} with {@code REPITBOT_ONLY} on ports of its own (28000 and up unless
 * {@code -De2e.faultsBasePort=N}, so a developer's stack and the suite's shared stack may run beside it), against the test's own
 * PostgreSQL and RabbitMQ; plus a second payment-service JVM (the same command line and environment as the
 * launcher's, on another port) so that two replicas consume the same queue.
 */
final class FaultStack implements AutoCloseable {

    static final int BASE_PORT = Integer.getInteger("e2e.faultsBasePort", 28000);
    /** Ports of this stack: RepitbotStack's order (contracts.md), shifted to {@link #BASE_PORT}. */
    static final int PAYMENT_PORT = BASE_PORT + 5;
    static final String GATEWAY = "http://127.0.0.1:" + BASE_PORT;
    static final List<String> DEPLOYABLES = List.of("api-gateway", "auth-service", "user-service", "lesson-service",
            "payment-service");
    static final int REPLICA_PORT = BASE_PORT + 15;

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path root;
    private final Path state;
    private final Path output;
    private final Properties demo = new Properties();
    private Process replica;
    private boolean closed;

    private FaultStack(Path root, Path state, Path output) {
        this.root = root;
        this.state = state;
        this.output = output;
    }

    static FaultStack start(Path root, Path output, PrivateServers.Postgres postgres, PrivateServers.Rabbit rabbit,
            String runId) throws IOException {
        Path state = Files.createTempDirectory("repitbot-faults-");
        FaultStack stack = new FaultStack(root, state, output);
        Map<String, String> s = new LinkedHashMap<>();
        s.put("DATABASE_URL", postgres.url("repitbot_faults"));
        s.put("MESSAGE_BROKER_URL", rabbit.url());
        s.put("MESSAGE_EXCHANGE", "repitbot");
        s.put("MESSAGE_QUEUE_PREFIX", "repitbot");
        // Redis is the machine's (no fault is injected there): keys of this run only.
        s.put("REPITBOT_AUTH_THROTTLE_KEYPREFIX", "repitbot-faults:" + runId + ":auth:login");
        s.put("RATE_LIMIT_KEY_PREFIX", "repitbot-faults-" + runId);
        s.put("RATE_LIMIT_AUTH_REQUESTS", "1000");
        s.put("RATE_LIMIT_REQUESTS", "100000000");
        s.put("ENVIRONMENT", "testing");
        s.put("LOG_LEVEL", "INFO");
        s.put("TELEGRAM_STANDIN", "off");
        List<String> order = List.of("api-gateway", "user-service", "auth-service", "lesson-service",
                "homework-service", "payment-service", "notification-service", "material-service",
                "analytics-service", "achievement-service", "scheduler-service", "telegram-bot");
        for (int i = 0; i < order.size(); i++) {
            s.put(order.get(i).toUpperCase(java.util.Locale.ROOT).replace('-', '_') + "_PORT",
                    Integer.toString(BASE_PORT + i));
        }
        s.put("TELEGRAM_STANDIN_PORT", Integer.toString(BASE_PORT + 12));
        StringBuilder text = new StringBuilder("# Written by EventBackboneFaultsIT for this run only.\n");
        s.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        Files.writeString(state.resolve("faults.env"), text.toString(), StandardCharsets.UTF_8);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "repitbot-faults-down"));
        int exit = stack.launcher("up", "--no-build");
        if (exit != 0) {
            String tail = PrivateServers.tail(output.resolve("repitbot-up.log"));
            stack.close();
            throw new IllegalStateException("./repitbot up failed (exit " + exit + "):\n" + tail);
        }
        try (Stream<String> lines = Files.lines(state.resolve("demo.env"))) {
            lines.filter(l -> l.contains("=") && !l.startsWith("#"))
                    .forEach(l -> stack.demo.setProperty(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1)));
        }
        stack.startReplica();
        return stack;
    }

    String demo(String key) {
        return demo.getProperty(key);
    }

    /**
     * A second payment-service: the launcher's JVM command line and environment (read from /proc), with its own
     * port, so it is configured exactly like the first.
     */
    void startReplica() throws IOException {
        long pid = pid("payment-service");
        List<String> command = new ArrayList<>(Arrays.asList(
                new String(Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline")), StandardCharsets.UTF_8)
                        .split("\0")));
        // A class-data archive is written by the first JVM; the replica must not write the same file.
        command.removeIf(a -> a.startsWith("-XX:SharedArchiveFile") || a.equals("-XX:+AutoCreateSharedArchive")
                || a.startsWith("-XX:AOTCache"));
        Map<String, String> env = new LinkedHashMap<>();
        for (String entry : new String(Files.readAllBytes(Path.of("/proc/" + pid + "/environ")),
                StandardCharsets.UTF_8).split("\0")) {
            int eq = entry.indexOf('=');
            if (eq > 0) {
                env.put(entry.substring(0, eq), entry.substring(eq + 1));
            }
        }
        env.put("PAYMENT_SERVICE_PORT", Integer.toString(REPLICA_PORT));
        ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(state.resolve("logs/payment-service-2.log").toFile()));
        pb.environment().clear();
        pb.environment().putAll(env);
        replica = pb.start();
        waitHealthy(REPLICA_PORT, Duration.ofMinutes(5));
    }

    long pid(String deployable) {
        try {
            return Long.parseLong(Files.readString(state.resolve("pids").resolve(deployable + ".pid")).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code kill -9} of the launcher's payment-service (a crash: no shutdown hooks), then {@code up} again. */
    Duration killAndRestartPayment() {
        long started = System.nanoTime();
        ProcessHandle.of(pid("payment-service")).ifPresent(p -> {
            p.destroyForcibly();
            p.onExit().orTimeout(30, TimeUnit.SECONDS).join();
        });
        int exit = launcher("up", "--no-build");
        if (exit != 0) {
            throw new IllegalStateException("./repitbot up after kill -9 failed:\n"
                    + PrivateServers.tail(output.resolve("repitbot-up.log")));
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    boolean replicaAlive() {
        return replica != null && replica.isAlive();
    }

    static void waitHealthy(int port, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (status("http://127.0.0.1:" + port + "/health") == 200) {
                return;
            }
            sleep(500);
        }
        throw new IllegalStateException("port " + port + " not healthy within " + timeout);
    }

    /** The Prometheus text of a deployable's /metrics. */
    static String metrics(int port) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static int status(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private int launcher(String... args) {
        List<String> command = new ArrayList<>();
        command.add(root.resolve("repitbot").toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.resolve("repitbot-up.log").toFile()));
        Map<String, String> env = pb.environment();
        env.put("REPITBOT_HOME", state.toString());
        env.put("REPITBOT_ENV_FILE", state.resolve("faults.env").toString());
        env.put("REPITBOT_ONLY", String.join(",", DEPLOYABLES));
        // No background JVM-cache training: it would compete for the two cores with the load.
        env.put("REPITBOT_JVM_CACHE", "off");
        env.remove("TELEGRAM_BOT_TOKEN");
        env.remove("PORT");
        try {
            Process process = pb.start();
            if (!process.waitFor(15, TimeUnit.MINUTES)) {
                process.destroy();
                return -1;
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (replica != null) {
            replica.destroy();
            try {
                if (!replica.waitFor(30, TimeUnit.SECONDS)) {
                    replica.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        launcher("down");
        Path logs = state.resolve("logs");
        if (Files.isDirectory(logs)) {
            try (Stream<Path> files = Files.list(logs)) {
                Path target = Files.createDirectories(output.resolve("logs"));
                for (Path f : files.toList()) {
                    Files.copy(f, target.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                System.err.println("faults: could not keep the logs: " + e);
            }
        }
        PrivateServers.deleteRecursively(state);
    }
}
