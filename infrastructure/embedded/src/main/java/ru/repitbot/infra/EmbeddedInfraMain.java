package ru.repitbot.infra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Starts the requested embedded servers and keeps them up until the process is stopped (SIGTERM/SIGINT).
 *
 * <pre>
 * java -jar repitbot-embedded-infra-*-exec.jar [--postgres=PORT] [--redis=PORT] [--amqp=PORT] [--data-dir=DIR]
 * </pre>
 *
 * Only the servers named by a flag start; PORT 0 picks a free port. When all have started, one line
 * {@code READY postgres=URL redis=URL amqp=URL} goes to stdout, and with {@code --data-dir} the same values go to
 * {@code DIR/embedded-infra.env} as {@code key=value} lines. PostgreSQL data in {@code DIR/postgres}
 * and the AMQP broker's durable queues and persistent messages in {@code DIR/qpid} survive restarts; Redis keeps its
 * data in memory only.
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

        if (options.dataDir() != null) {
            // A file left by an earlier run would hand stale ports to whoever polls for it.
            Files.deleteIfExists(options.dataDir().resolve(ENV_FILE));
        }
        Deque<AutoCloseable> started = new ConcurrentLinkedDeque<>(); // the shutdown hook may read it any time
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
        System.out.println(ready);
        System.out.flush();

        new CountDownLatch(1).await(); // until the JVM is told to stop; the hook closes the servers
    }

    /**
     * Starts the requested servers in parallel (PostgreSQL mostly waits on its child process while Qpid keeps the
     * CPU busy) and pushes each one that started onto {@code started}, so that a failure of one still lets the
     * caller stop the others. PostgreSQL and Redis take turns: each writes its binaries to disk and runs them, and a
     * process forked by the other thread meanwhile would inherit the still-open file, so that running it fails with
     * "Text file busy" (seen as a random failure of embedded Redis).
     */
    static Map<String, String> startAll(Options options, Deque<AutoCloseable> started) {
        Path dataDir = options.dataDir();
        Map<String, Callable<Started>> tasks = new LinkedHashMap<>();
        Lock spawning = new ReentrantLock();
        if (options.postgresPort() != null) {
            tasks.put("postgres", () -> whileHolding(spawning, () -> {
                EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(
                        dataDir == null ? null : dataDir.resolve("postgres"), options.postgresPort());
                return new Started(postgres, postgres.url("postgres"));
            }));
        }
        if (options.redisPort() != null) {
            tasks.put("redis", () -> whileHolding(spawning, () -> {
                EmbeddedRedisServer redis = EmbeddedRedisServer.start(options.redisPort());
                return new Started(redis, redis.url());
            }));
        }
        if (options.amqpPort() != null) {
            tasks.put("amqp", () -> {
                EmbeddedAmqpBroker amqp = EmbeddedAmqpBroker.start(
                        options.amqpPort(), dataDir == null ? null : dataDir.resolve("qpid"));
                return new Started(amqp, amqp.url());
            });
        }

        Map<String, Future<Started>> futures = new LinkedHashMap<>();
        try (ExecutorService pool = Executors.newThreadPerTaskExecutor(
                Thread.ofPlatform().name("embedded-infra-start-", 0).factory())) {
            tasks.forEach((key, task) -> futures.put(key, pool.submit(task)));
        } // waits for all of them

        Map<String, String> urls = new LinkedHashMap<>();
        RuntimeException failure = null;
        for (Map.Entry<String, Future<Started>> entry : futures.entrySet()) {
            Future<Started> future = entry.getValue();
            if (future.state() == Future.State.SUCCESS) {
                started.push(future.resultNow().server());
                urls.put(entry.getKey(), future.resultNow().url());
                continue;
            }
            Throwable cause = future.state() == Future.State.FAILED ? future.exceptionNow() : null;
            RuntimeException error = cause instanceof RuntimeException runtime
                    ? runtime : new IllegalStateException(entry.getKey() + " did not start", cause);
            if (failure == null) {
                failure = error;
            } else {
                failure.addSuppressed(error);
            }
        }
        if (failure != null) {
            throw failure;
        }
        return urls;
    }

    private static Started whileHolding(Lock lock, Callable<Started> start) throws Exception {
        lock.lock();
        try {
            return start.call();
        } finally {
            lock.unlock();
        }
    }

    private record Started(AutoCloseable server, String url) {
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
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
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
