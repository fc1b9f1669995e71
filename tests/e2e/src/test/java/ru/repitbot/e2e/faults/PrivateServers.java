package ru.repitbot.e2e.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster and a RabbitMQ node of the fault test's own, on free ports, which it may stop and restart:
 * the machine's servers are shared with other builds and must never be touched. Uses the installed binaries
 * ({@code /usr/lib/postgresql/N/bin}, {@code /usr/lib/rabbitmq/bin}).
 */
final class PrivateServers {

    private PrivateServers() {
    }

    /** The newest installed PostgreSQL's bin directory and RabbitMQ's scripts, or why they are missing. */
    static String missingBinaries() {
        if (postgresBin() == null) {
            return "no PostgreSQL server binaries under /usr/lib/postgresql/*/bin";
        }
        if (!Files.isExecutable(RABBIT_BIN.resolve("rabbitmq-server"))) {
            return "no RabbitMQ server under " + RABBIT_BIN;
        }
        return null;
    }

    static Path postgresBin() {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparing(Path::toString)).orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    static final Path RABBIT_BIN = Path.of("/usr/lib/rabbitmq/bin");

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Runs a command to its end (output into {@code log}); fails with the log's tail when it does not succeed. */
    static void run(Path log, Map<String, String> env, long timeoutSeconds, String... command) {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().putAll(env);
        try {
            Process p = pb.start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in " + timeoutSeconds
                        + " s; output in " + log);
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited with " + p.exitValue()
                        + ":\n" + tail(log));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs a command and returns its standard output (for rabbitmqctl listings). */
    static String output(Map<String, String> env, long timeoutSeconds, String... command) {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        try {
            Process p = pb.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + new String(out));
            }
            return new String(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no output)";
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("faults: could not delete " + dir + ": " + e);
        }
    }

    /**
     * A PostgreSQL cluster in a temporary directory. PostgreSQL refuses to run as root, so under root (CI, these
     * machines) its commands run as the {@code postgres} system user.
     */
    static final class Postgres implements AutoCloseable {

        final int port;
        private final Path dir;
        private final Path bin;
        private final Path log;
        private boolean started;

        Postgres(Path work) throws IOException {
            this.bin = postgresBin();
            this.dir = work.resolve("postgres");
            // Inside the cluster's directory: under root the server runs as postgres and writes only there.
            this.log = dir.resolve("server.log");
            this.port = freePort();
            Files.createDirectories(dir);
            if (isRoot()) {
                run(log, Map.of(), 30, "chown", "-R", "postgres", dir.toString());
                run(log, Map.of(), 30, "chmod", "o+rx", work.toString());
            }
        }

        Postgres start() {
            pg("initdb", "-D", dir.resolve("data").toString(), "-U", "postgres", "--auth=trust", "-E", "UTF8",
                    "--no-sync");
            control("start");
            started = true;
            return this;
        }

        /** {@code pg_ctl restart -m fast}: every connection is cut, the services must reconnect. */
        void restart() {
            control("restart");
        }

        String url(String database) {
            return "postgresql://postgres@127.0.0.1:" + port + "/" + database;
        }

        String jdbcUrl(String database) {
            return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
        }

        private void control(String action) {
            pg("pg_ctl", "-D", dir.resolve("data").toString(), "-l", log.toString(), "-m", "fast", "-w", "-t", "120",
                    "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c max_connections=100",
                    action);
        }

        private void pg(String tool, String... args) {
            List<String> command = new ArrayList<>();
            if (isRoot()) {
                command.addAll(List.of("runuser", "-u", "postgres", "--"));
            }
            command.add(bin.resolve(tool).toString());
            command.addAll(List.of(args));
            run(dir.resolveSibling("postgres-commands.log"), Map.of(), 180, command.toArray(String[]::new));
        }

        @Override
        public void close() {
            if (started) {
                try {
                    pg("pg_ctl", "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop");
                } catch (RuntimeException e) {
                    System.err.println("faults: could not stop the private PostgreSQL: " + e.getMessage());
                }
                started = false;
            }
        }

        private static boolean isRoot() {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /**
     * A RabbitMQ node of its own ({@code repitbot-faults-<port>@localhost}): own AMQP and distribution ports, own
     * data and logs, no plugins (so no management port to clash with the machine's node), its own Erlang cookie.
     */
    static final class Rabbit implements AutoCloseable {

        final int port;
        final String node;
        private final Map<String, String> env;
        private final Path log;
        private boolean started;

        Rabbit(Path work) throws IOException {
            this.port = freePort();
            int dist = freePort();
            this.node = "repitbot-faults-" + port + "@localhost";
            Path dir = work.resolve("rabbitmq");
            Files.createDirectories(dir);
            this.log = work.resolve("rabbitmq-commands.log");
            Files.writeString(dir.resolve("enabled_plugins"), "[].\n");
            Files.writeString(dir.resolve("rabbitmq.conf"),
                    "listeners.tcp.local = 127.0.0.1:" + port + "\nloopback_users = none\n");
            this.env = Map.of("HOME", dir.toString(), "RABBITMQ_NODENAME", node,
                    "RABBITMQ_NODE_PORT", Integer.toString(port), "RABBITMQ_DIST_PORT", Integer.toString(dist),
                    "RABBITMQ_MNESIA_BASE", dir.resolve("mnesia").toString(),
                    "RABBITMQ_LOG_BASE", dir.resolve("log").toString(),
                    "RABBITMQ_ENABLED_PLUGINS_FILE", dir.resolve("enabled_plugins").toString(),
                    "RABBITMQ_CONFIG_FILE", dir.resolve("rabbitmq.conf").toString(),
                    "RABBITMQ_PID_FILE", dir.resolve("node.pid").toString());
        }

        /** Starts the node (its data kept from an earlier start: durable queues and their messages survive). */
        Rabbit start() {
            run(log, env, 60, RABBIT_BIN.resolve("rabbitmq-server").toString(), "-detached");
            started = true;
            // await_startup fails at once until the detached node has registered with epmd: ask again.
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
            while (true) {
                try {
                    run(log, env, 180, RABBIT_BIN.resolve("rabbitmqctl").toString(), "-n", node, "await_startup",
                            "--timeout", "170");
                    return this;
                } catch (IllegalStateException e) {
                    if (System.nanoTime() > deadline) {
                        throw e;
                    }
                    FaultStack.sleep(1000);
                }
            }
        }

        /** {@code rabbitmqctl stop}: the whole broker goes away, not only its connections. */
        void stop() {
            run(log, env, 120, RABBIT_BIN.resolve("rabbitmqctl").toString(), "-n", node, "stop");
            started = false;
        }

        String url() {
            return "amqp://guest:guest@127.0.0.1:" + port;
        }

        /** {@code name -> messages} of every queue. */
        Map<String, Long> queues() {
            String out = output(env, 60, RABBIT_BIN.resolve("rabbitmqctl").toString(), "-n", node, "-q",
                    "list_queues", "name", "messages", "--no-table-headers");
            Map<String, Long> queues = new java.util.TreeMap<>();
            for (String line : out.split("\n")) {
                String[] parts = line.trim().split("\\s+");
                if (parts.length == 2 && parts[1].matches("\\d+")) {
                    queues.put(parts[0], Long.parseLong(parts[1]));
                }
            }
            return queues;
        }

        @Override
        public void close() {
            if (started) {
                try {
                    stop();
                } catch (RuntimeException e) {
                    // rabbitmqctl cannot reach a node that has not registered yet: end it by its pid file.
                    System.err.println("faults: rabbitmqctl stop failed, ending the node by its pid: " + e.getMessage());
                    try {
                        long pid = Long.parseLong(Files.readString(Path.of(env.get("RABBITMQ_PID_FILE"))).strip());
                        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
                    } catch (IOException | RuntimeException ignored) {
                        System.err.println("faults: no pid file; the node may still run: " + node);
                    }
                }
            }
        }
    }
}
