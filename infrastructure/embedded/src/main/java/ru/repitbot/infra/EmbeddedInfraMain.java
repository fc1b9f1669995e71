package ru.repitbot.infra;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Starts the requested embedded servers and keeps them up until the process is stopped (SIGTERM/SIGINT).
 *
 * <pre>
 * java -jar repitbot-embedded-infra-*-exec.jar [--postgres=PORT] [--redis=PORT] [--amqp=PORT] [--data-dir=DIR]
 * </pre>
 *
 * Only the servers named by a flag start; PORT 0 picks a free port. When all have started, one line
 * {@code READY postgres=URL redis=URL amqp=URL} goes to stdout, and with {@code --data-dir} the same values go to
 * {@code DIR/embedded-infra.env} as {@code key=value} lines. PostgreSQL data lives in {@code DIR/postgres} and
 * survives restarts; Redis and the AMQP broker keep their data in memory only.
 */
public final class EmbeddedInfraMain {

    static final String ENV_FILE = "embedded-infra.env";

    private EmbeddedInfraMain() {
    }

    public static void main(String[] args) throws Exception {
        quietLogging();
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }

        Deque<AutoCloseable> started = new ArrayDeque<>();
        Thread closer = new Thread(() -> closeAll(started), "embedded-infra-shutdown");
        Runtime.getRuntime().addShutdownHook(closer);
        Map<String, String> urls;
        try {
            urls = startAll(options, started);
        } catch (RuntimeException e) {
            System.err.println("embedded infrastructure failed to start: " + e);
            e.printStackTrace(System.err);
            System.exit(1); // the shutdown hook stops what did start
            return;
        }

        String ready = readyLine(urls);
        if (options.dataDir() != null) {
            writeEnvFile(options.dataDir().resolve(ENV_FILE), urls);
        }
        PrintStream out = System.out;
        out.println(ready);
        out.flush();

        new CountDownLatch(1).await(); // until the JVM is told to stop; the hook closes the servers
    }

    static Map<String, String> startAll(Options options, Deque<AutoCloseable> started) {
        Map<String, String> urls = new LinkedHashMap<>();
        Path dataDir = options.dataDir();
        if (options.postgresPort() != null) {
            EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(
                    dataDir == null ? null : dataDir.resolve("postgres"), options.postgresPort());
            started.push(postgres);
            urls.put("postgres", postgres.url("postgres"));
        }
        if (options.redisPort() != null) {
            EmbeddedRedisServer redis = EmbeddedRedisServer.start(options.redisPort());
            started.push(redis);
            urls.put("redis", redis.url());
        }
        if (options.amqpPort() != null) {
            EmbeddedAmqpBroker amqp = EmbeddedAmqpBroker.start(
                    options.amqpPort(), dataDir == null ? null : dataDir.resolve("qpid"));
            started.push(amqp);
            urls.put("amqp", amqp.url());
        }
        return urls;
    }

    static String readyLine(Map<String, String> urls) {
        StringBuilder line = new StringBuilder("READY");
        urls.forEach((key, url) -> line.append(' ').append(key).append('=').append(url));
        return line.toString();
    }

    static void writeEnvFile(Path file, Map<String, String> urls) throws IOException {
        List<String> lines = new ArrayList<>();
        urls.forEach((key, url) -> lines.add(key + "=" + url));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, lines, StandardCharsets.UTF_8);
        // Readers poll for this file: they must never see it half written.
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static void closeAll(Deque<AutoCloseable> started) {
        while (!started.isEmpty()) {
            AutoCloseable server = started.pop();
            try {
                server.close();
            } catch (Exception e) {
                System.err.println("while stopping " + server.getClass().getSimpleName() + ": " + e);
            }
        }
    }

    /** Qpid logs every connection at INFO; the launcher wants only problems (slf4j-simple, exec jar only). */
    private static void quietLogging() {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        System.setProperty("org.slf4j.simpleLogger.logFile",
                System.getProperty("org.slf4j.simpleLogger.logFile", "System.err"));
    }

    /** Parsed command line; a {@code null} port means "do not start that server". */
    record Options(Integer postgresPort, Integer redisPort, Integer amqpPort, Path dataDir) {

        static final String USAGE =
                "usage: EmbeddedInfraMain [--postgres=PORT] [--redis=PORT] [--amqp=PORT] [--data-dir=DIR]"
                        + " (PORT 0 = any free port)";

        static Options parse(String... args) {
            Integer postgres = null;
            Integer redis = null;
            Integer amqp = null;
            Path dataDir = null;
            for (String arg : args) {
                int eq = arg.indexOf('=');
                String name = eq < 0 ? arg : arg.substring(0, eq);
                String value = eq < 0 ? null : arg.substring(eq + 1);
                switch (name) {
                    case "--postgres" -> postgres = port(name, value);
                    case "--redis" -> redis = port(name, value);
                    case "--amqp" -> amqp = port(name, value);
                    case "--data-dir" -> dataDir = Path.of(required(name, value));
                    default -> throw new IllegalArgumentException("unknown option: " + arg);
                }
            }
            if (postgres == null && redis == null && amqp == null) {
                throw new IllegalArgumentException("nothing to start: give --postgres, --redis and/or --amqp");
            }
            return new Options(postgres, redis, amqp, dataDir);
        }

        private static int port(String name, String value) {
            try {
                int port = Integer.parseInt(required(name, value));
                if (port < 0 || port > 65_535) {
                    throw new IllegalArgumentException(name + " must be 0..65535, was " + port);
                }
                return port;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " needs a port number, was '" + value + "'");
            }
        }

        private static String required(String name, String value) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(name + " needs a value: " + name + "=...");
            }
            return value;
        }
    }
}
