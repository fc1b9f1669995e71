package ru.repitbot.e2e;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import ru.repitbot.e2e.ops.OtlpReceiver;
import ru.repitbot.testsupport.ApiClient;

/**
 * The whole system as {@code ./repitbot up --no-build} starts it, in a temporary state directory, on ports of its
 * own (18000-18012 unless {@code -De2e.basePort=N}), so that a developer's {@code ./repitbot up} stack on the
 * default 8000-8012 keeps running while {@code ./mvnw verify} runs. Isolated from that stack and from earlier runs
 * by its settings file: those ports ({@code <NAME>_PORT}, {@code TELEGRAM_STANDIN_PORT}; the launcher derives the
 * {@code <NAME>_URL}s the gateway routes to and the bot calls), a fresh database, its own exchange/queue names and
 * its own login lock-out keys; the gateway's anonymous-auth limit is raised because this one client logs in more
 * often per minute than the default allows a single address.
 */
public final class RepitbotStack implements AutoCloseable {

    /** The gateway's port; every other deployable sits at a fixed offset from it, as 8000-8012 do by default. */
    public static final int BASE_PORT = Integer.getInteger("e2e.basePort", 18000);

    /** The twelve deployables and their ports in this run (contracts.md order, shifted to {@link #BASE_PORT}). */
    public static final Map<String, Integer> DEPLOYABLES = deployables();

    public static final String GATEWAY = url("api-gateway");

    /** The Telegram stand-in the launcher starts when no bot token is given. */
    public static final int STANDIN_PORT = BASE_PORT + 12;

    /** {@code http://127.0.0.1:PORT} of a deployable of this run. */
    public static String url(String deployable) {
        Integer port = DEPLOYABLES.get(deployable);
        if (port == null) {
            throw new IllegalArgumentException("no deployable " + deployable);
        }
        return "http://127.0.0.1:" + port;
    }

    private static final Duration UP_TIMEOUT = Duration.ofMinutes(20);
    private static final Duration DOWN_TIMEOUT = Duration.ofMinutes(3);

    private final Path root;
    private final Path state;
    private final Path output;
    private final String runId;
    private final String database;
    private final String exchange;
    private final Properties secrets;
    private final Properties demo;
    private final Properties infra;
    private boolean closed;
    private PreviousRelease.Prepared previousRelease;

    private RepitbotStack(Path root, Path state, Path output, String runId, String database, String exchange) {
        this.root = root;
        this.state = state;
        this.output = output;
        this.runId = runId;
        this.database = database;
        this.exchange = exchange;
        this.secrets = new Properties();
        this.demo = new Properties();
        this.infra = new Properties();
    }

    /** Runs {@code ./repitbot up --no-build}; on failure stops whatever started and says why. */
    public static RepitbotStack start() {
        Path root = repositoryRoot();
        Path output = Path.of(System.getProperty("e2e.outputDirectory", root.resolve("tests/e2e/target/e2e").toString()));
        String runId = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"))
                + Long.toString(System.nanoTime() % 1000, 10);
        try {
            Files.createDirectories(output);
            deleteRecursively(output.resolve("logs"));
            Files.deleteIfExists(output.resolve("repitbot-up.log"));
            Files.deleteIfExists(output.resolve("repitbot-down.log"));
            Path state = Files.createTempDirectory("repitbot-e2e-");
            RepitbotStack stack = new RepitbotStack(root, state, output, runId, "repitbot_e2e_" + runId,
                    "repitbot-e2e-" + runId);
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "repitbot-e2e-down"));
            stack.up();
            return stack;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void up() throws IOException {
        prepareFromPreviousRelease();
        Path envFile = state.resolve("e2e.env");
        Files.writeString(envFile, settings(), StandardCharsets.UTF_8);
        Path log = output.resolve("repitbot-up.log");
        System.out.println("[e2e] ./repitbot up --no-build with REPITBOT_HOME=" + state + " (output: " + log + ")");
        long started = System.nanoTime();
        int exit = run(log, UP_TIMEOUT, "up", "--no-build");
        System.out.println("[e2e] ./repitbot up finished with exit " + exit + " after "
                + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s");
        if (exit != 0) {
            String tail = tail(log, 80);
            close();
            throw new IllegalStateException("./repitbot up --no-build failed (exit " + exit + "); output in " + log
                    + " and logs in " + output.resolve("logs") + ":\n" + tail);
        }
        load(secrets, state.resolve("secrets.env"));
        load(infra, state.resolve("infra.env"));
        if (Files.exists(state.resolve("demo.env"))) {
            load(demo, state.resolve("demo.env"));
        }
    }

    /**
     * The upgrade check (docs/deploy/upgrades.md): this run's database is made by the previous release's migrations
     * before {@code up}, so today's services start on it and migrate forward; {@link UpgradeIT} checks the history.
     */
    private void prepareFromPreviousRelease() {
        String commit = PreviousRelease.commit(root);
        if (commit == null) {
            System.out.println("[e2e] -D" + PreviousRelease.PROPERTY + "=none: the stack starts on an EMPTY database"
                    + " (no upgrade check; UpgradeIT fails)");
            return;
        }
        URI uri = baseDatabaseUri();
        String user = "postgres";
        String password = null;
        if (uri.getUserInfo() != null) {
            String[] parts = uri.getUserInfo().split(":", 2);
            user = parts[0];
            password = parts.length > 1 ? parts[1] : null;
        }
        String jdbcBase = "jdbc:postgresql://" + uri.getHost() + ":" + (uri.getPort() < 0 ? 5432 : uri.getPort()) + "/";
        long started = System.nanoTime();
        previousRelease = PreviousRelease.prepare(root, commit, jdbcBase, user, password, database, state);
        System.out.println("[e2e] database " + database + " made by the migrations of the previous release " + commit
                + " (" + previousRelease.plans().size() + " schemas) in "
                + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms; `up` migrates it forward");
    }

    /** What the upgrade preparation did, or null when it was turned off. */
    public PreviousRelease.Prepared previousRelease() {
        return previousRelease;
    }

    public Path root() {
        return root;
    }

    private static URI baseDatabaseUri() {
        String base = firstNonBlank(System.getenv("DATABASE_URL"), "postgresql://postgres@127.0.0.1:5432/repitbot");
        return URI.create(base.replaceFirst("^jdbc:", ""));
    }

    /** The settings of this run, written as the launcher's .env file (REPITBOT_ENV_FILE). */
    private String settings() {
        URI uri = baseDatabaseUri();
        String databaseUrl = uri.getScheme() + "://" + (uri.getRawUserInfo() == null ? "" : uri.getRawUserInfo() + "@")
                + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + "/" + database
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        Map<String, String> s = new LinkedHashMap<>();
        s.put("DATABASE_URL", databaseUrl);
        s.put("MESSAGE_EXCHANGE", exchange);
        s.put("MESSAGE_QUEUE_PREFIX", exchange);
        s.put("REPITBOT_AUTH_THROTTLE_KEYPREFIX", "repitbot-e2e:" + runId + ":auth:login");
        // A developer's bot on the same Redis keeps its dialogs and webhook secret under the default prefix.
        s.put("REPITBOT_BOT_REDISPREFIX", "repitbot-e2e:" + runId + ":bot");
        s.put("RATE_LIMIT_AUTH_REQUESTS", "1000");
        // The walks below act as one tutor for hundreds of requests a minute; the limiter has its own tests in
        // api-gateway, and its per-caller limit is kept, only raised.
        s.put("RATE_LIMIT_REQUESTS", "100000");
        s.put("RATE_LIMIT_KEY_PREFIX", "repitbot-e2e-" + runId);
        s.put("ENVIRONMENT", "testing");
        // The parents' after-lesson report goes out 30 min after the mark; NotificationsIT waits for it.
        s.put("NOTIFICATION_REPORT_SETTLE_TIME", "3s");
        s.put("NOTIFICATION_REPORTS_POLL_INTERVAL", "1s");
        s.put("LOG_LEVEL", "INFO");
        // Every deployable exports its spans over OTLP/HTTP to a receiver in this JVM (TracingIT reads them).
        s.put("OTEL_EXPORTER_OTLP_ENDPOINT", OtlpReceiver.get().endpoint());
        DEPLOYABLES.forEach((name, port) -> s.put(name.toUpperCase(Locale.ROOT).replace('-', '_') + "_PORT",
                Integer.toString(port)));
        s.put("TELEGRAM_STANDIN_PORT", Integer.toString(STANDIN_PORT));
        StringBuilder text = new StringBuilder("# Written by the e2e suite (RepitbotStack) for this run only.\n");
        s.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        return text.toString();
    }

    private int run(Path log, Duration timeout, String... args) {
        List<String> command = new ArrayList<>();
        command.add(root.resolve("repitbot").toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = pb.environment();
        env.put("REPITBOT_HOME", state.toString());
        env.put("REPITBOT_ENV_FILE", state.resolve("e2e.env").toString());
        // A developer's bot token must not connect this throw-away stack to Telegram; E2E_TELEGRAM_BOT_TOKEN opts in.
        env.remove("TELEGRAM_BOT_TOKEN");
        String botToken = System.getenv("E2E_TELEGRAM_BOT_TOKEN");
        if (botToken != null && !botToken.isBlank()) {
            env.put("TELEGRAM_BOT_TOKEN", botToken);
        }
        env.remove("PORT");
        // A developer's shell may point these at the stack on the default ports: this run derives its own.
        DEPLOYABLES.keySet().forEach(name -> {
            String prefix = name.toUpperCase(Locale.ROOT).replace('-', '_');
            env.remove(prefix + "_PORT");
            env.remove(prefix + "_URL");
        });
        env.remove("TELEGRAM_STANDIN_PORT");
        env.remove("OTEL_EXPORTER_OTLP_ENDPOINT");
        env.remove("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT");
        try {
            Process process = pb.start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
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

    /** {@code ./repitbot down}, then the logs are kept in target/e2e/logs and the run's database/queues dropped. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        System.out.println("[e2e] ./repitbot down (logs kept in " + output.resolve("logs") + ")");
        run(output.resolve("repitbot-down.log"), DOWN_TIMEOUT, "down");
        copyLogs();
        dropDatabase();
        deleteQueues();
        deleteRecursively(state);
    }

    public ApiClient gateway() {
        return new ApiClient(GATEWAY);
    }

    public String adminCode() {
        String fromDemo = demo.getProperty("DEMO_ADMIN_CODE");
        return fromDemo != null ? fromDemo : secrets.getProperty("ADMIN_ACCESS_CODE");
    }

    /** The Telegram id the launcher's demo bound the admin's code to (a code binds to the first id that uses it). */
    public long adminTelegramId() {
        String id = demo.getProperty("DEMO_ADMIN_TELEGRAM_ID");
        if (id == null) {
            throw new IllegalStateException("the launcher recorded no demo login in " + state.resolve("demo.env"));
        }
        return Long.parseLong(id);
    }

    public Properties demo() {
        return demo;
    }

    /**
     * Kills a deployable with SIGKILL (no shutdown hooks, as a crash) and starts it again with
     * {@code ./repitbot up --no-build}, which starts only what is not running.
     */
    public void killAndRestart(String deployable) {
        Path pidFile = state.resolve("pids").resolve(deployable + ".pid");
        try {
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            ProcessHandle.of(pid).ifPresent(p -> {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.onExit().orTimeout(30, TimeUnit.SECONDS).join();
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int exit = run(output.resolve("repitbot-up.log"), UP_TIMEOUT, "up", "--no-build");
        if (exit != 0) {
            throw new IllegalStateException("./repitbot up after killing " + deployable + " failed (exit " + exit
                    + "):\n" + tail(output.resolve("repitbot-up.log"), 40));
        }
    }

    /** The bot runs with a token given, or against the Telegram stand-in the launcher starts without one. */
    public boolean botRunning() {
        return Files.exists(state.resolve("pids").resolve("telegram-bot.pid"));
    }

    public Path logFile(String deployable) {
        return state.resolve("logs").resolve(deployable + ".log");
    }

    public Path stateDir() {
        return state;
    }

    private void copyLogs() {
        Path logs = state.resolve("logs");
        if (!Files.isDirectory(logs)) {
            return;
        }
        Path target = output.resolve("logs");
        try (Stream<Path> files = Files.list(logs)) {
            Files.createDirectories(target);
            for (Path f : files.toList()) {
                Files.copy(f, target.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            System.err.println("e2e: could not keep the logs: " + e);
        }
    }

    private void dropDatabase() {
        if ("embedded".equals(infra.getProperty("POSTGRES_MODE"))) {
            return; // embedded: its data lives in the state directory, deleted below
        }
        try (var connection = connect("postgres"); var statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS \"" + database + "\" WITH (FORCE)");
        } catch (Exception e) {
            System.err.println("e2e: could not drop " + database + ": " + e);
        }
    }

    /**
     * A JDBC connection to this run's database, for tests that must read what only a service's own tables hold
     * (e.g. auth-service's signing key, to forge tokens that differ from real ones in one claim only).
     */
    public java.sql.Connection database() throws java.sql.SQLException {
        return connect(database);
    }

    private java.sql.Connection connect(String name) throws java.sql.SQLException {
        String url = infra.getProperty("DATABASE_URL");
        URI uri = url != null ? URI.create(url.replaceFirst("^jdbc:", "")) : baseDatabaseUri();
        String user = "postgres";
        String password = null;
        if (uri.getUserInfo() != null) {
            String[] parts = uri.getUserInfo().split(":", 2);
            user = parts[0];
            password = parts.length > 1 ? parts[1] : null;
        }
        Properties props = new Properties();
        props.setProperty("user", user);
        if (password != null) {
            props.setProperty("password", password);
        }
        return DriverManager.getConnection("jdbc:postgresql://" + uri.getHost() + ":"
                + (uri.getPort() < 0 ? 5432 : uri.getPort()) + "/" + name, props);
    }

    private void deleteQueues() {
        if (!"real".equals(infra.getProperty("AMQP_MODE"))) {
            return; // the embedded broker keeps everything in memory
        }
        ConnectionFactory factory = new ConnectionFactory();
        try {
            URI uri = URI.create(infra.getProperty("MESSAGE_BROKER_URL"));
            factory.setHost(uri.getHost());
            factory.setPort(uri.getPort() < 0 ? 5672 : uri.getPort());
            if (uri.getUserInfo() != null) {
                String[] parts = uri.getUserInfo().split(":", 2);
                factory.setUsername(parts[0]);
                factory.setPassword(parts.length > 1 ? parts[1] : "");
            }
            String vhost = uri.getPath() == null || uri.getPath().length() <= 1 ? "/" : uri.getPath().substring(1);
            factory.setVirtualHost(vhost);
            try (Connection connection = factory.newConnection("repitbot-e2e-cleanup")) {
                for (String service : DEPLOYABLES.keySet()) {
                    for (String queue : List.of(exchange + "." + service, exchange + "." + service + ".dlq")) {
                        try (Channel channel = connection.createChannel()) {
                            channel.queueDelete(queue);
                        } catch (Exception ignored) {
                            // never declared by this run
                        }
                    }
                    try (Channel channel = connection.createChannel()) {
                        channel.exchangeDelete(exchange + "." + service + ".dlx");
                    } catch (Exception ignored) {
                        // never declared by this run
                    }
                }
                for (String name : List.of(exchange, exchange + ".dlx")) {
                    try (Channel channel = connection.createChannel()) {
                        channel.exchangeDelete(name);
                    } catch (Exception ignored) {
                        // never declared by this run
                    }
                }
            }
        } catch (Exception e) {
            System.err.println("e2e: could not delete the queues of " + exchange + ": " + e);
        }
    }

    private static Path repositoryRoot() {
        String configured = System.getProperty("repitbot.root");
        if (configured != null && Files.isExecutable(Path.of(configured, "repitbot"))) {
            return Path.of(configured).toAbsolutePath();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isExecutable(dir.resolve("repitbot")) && Files.exists(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the repository root (the directory with ./repitbot)");
    }

    private static void load(Properties into, Path file) {
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int eq = line.indexOf('=');
                if (!line.startsWith("#") && eq > 0) {
                    into.setProperty(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("e2e: could not delete " + dir + ": " + e);
        }
    }

    private static String firstNonBlank(String a, String b) {
        return a == null || a.isBlank() ? b : a;
    }

    private static Map<String, Integer> deployables() {
        List<String> names = List.of("api-gateway", "user-service", "auth-service", "lesson-service",
                "homework-service", "payment-service", "notification-service", "material-service",
                "analytics-service", "achievement-service", "scheduler-service", "telegram-bot");
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            m.put(names.get(i), BASE_PORT + i);
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
