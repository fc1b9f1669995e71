package ru.repitbot.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.qpid.server.SystemLauncher;
import org.apache.qpid.server.SystemLauncherListener;
import org.apache.qpid.server.model.Broker;
import org.apache.qpid.server.model.Port;
import org.apache.qpid.server.model.SystemConfig;

/**
 * An AMQP 0-9-1 broker (Apache Qpid Broker-J) inside this JVM: one virtual host reachable as vhost {@code "/"},
 * user guest/guest (PLAIN without TLS), listening on loopback. Started with a work directory, the virtual host lives
 * in a Derby store there: durable queues, exchanges, bindings and persistent messages survive {@link #close()} and
 * the next start on the same directory (an event the broker confirmed is not lost by {@code ./repitbot down}).
 * Without one it is a throw-away in-memory virtual host in a temp directory.
 *
 * <p>Differences from RabbitMQ that matter to RepitBot (tested in EmbeddedAmqpBrokerTest, explained in the module
 * README): Qpid does not implement {@code x-dead-letter-exchange}; it dead-letters through the queue's alternate
 * binding, declared with the queue argument {@code alternateExchange} = an existing <em>exchange</em> (so give the
 * queue both arguments, pointing at the same fanout DLX). This broker sets {@code queue.maximumDeliveryAttempts=1}
 * so that {@code nack/reject(requeue=false)} dead-letters instead of requeueing (Qpid's default), and it logs and
 * ignores unknown declare arguments such as {@code x-queue-type} instead of closing the connection (Qpid's default).
 * Unroutable {@code mandatory} publishes are nacked by Qpid where RabbitMQ acks them.
 */
public final class EmbeddedAmqpBroker implements AutoCloseable {

    /** What Qpid does with queue/exchange declare arguments it does not know. */
    enum UnknownArgument { IGNORE, LOG, FAIL }

    private static final String INITIAL_CONFIG = "qpid-initial-config.json";
    private static final String SYSTEM_PROPERTIES = "qpid-system.properties";

    private final SystemLauncher launcher;
    private final int port;
    private final Path workDir;
    private final boolean deleteWorkDir;

    private EmbeddedAmqpBroker(SystemLauncher launcher, int port, Path workDir, boolean deleteWorkDir) {
        this.launcher = launcher;
        this.port = port;
        this.workDir = workDir;
        this.deleteWorkDir = deleteWorkDir;
    }

    /**
     * Starts the broker.
     *
     * @param portOrZero    AMQP port on loopback, or 0 for a free one
     * @param workDirOrNull Qpid's work directory, kept: the virtual host's Derby store lives there and is read back
     *                      by the next start; {@code null} means an in-memory virtual host in a temp directory
     *                      deleted on {@link #close()}
     */
    public static EmbeddedAmqpBroker start(int portOrZero, Path workDirOrNull) {
        return start(portOrZero, workDirOrNull, UnknownArgument.LOG);
    }

    static EmbeddedAmqpBroker start(int portOrZero, Path workDirOrNull, UnknownArgument unknownArgument) {
        FreePort.resolve(portOrZero); // validates the range; Qpid itself binds port 0 and reports the real one
        Path workDir;
        try {
            workDir = workDirOrNull != null
                    ? Files.createDirectories(workDirOrNull)
                    : Files.createTempDirectory("repitbot-qpid-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the Qpid work directory", e);
        }
        boolean persistent = workDirOrNull != null;
        URL initialConfig = initialConfig(workDir, persistent);
        URL systemProperties = resource(SYSTEM_PROPERTIES);

        Map<String, String> context = new HashMap<>();
        context.put("repitbot.amqpPort", Integer.toString(portOrZero));
        context.put("repitbot.unknownQueueArgument", unknownArgument.name());
        context.put("repitbot.unknownExchangeArgument", unknownArgument.name());
        context.put("qpid.work_dir", workDir.toAbsolutePath().toString());

        Map<String, Object> systemConfig = new HashMap<>();
        systemConfig.put("type", "Memory"); // the broker's own configuration store: rebuilt from JSON at each start
        systemConfig.put("initialConfigurationLocation", initialConfig.toExternalForm());
        // Qpid's default is a "classpath:" URL, unresolvable inside the Boot exec jar: give it a real URL.
        systemConfig.put("initialSystemPropertiesLocation", systemProperties.toExternalForm());
        systemConfig.put("startupLoggedToSystemOut", false);
        systemConfig.put("context", context);

        AtomicReference<SystemConfig<?>> resolved = new AtomicReference<>();
        SystemLauncher launcher = new SystemLauncher(new SystemLauncherListener.DefaultSystemLauncherListener() {
            @Override
            public void onContainerResolve(SystemConfig<?> config) {
                resolved.set(config);
            }
        });
        try {
            launcher.startup(systemConfig);
            int boundPort = amqpPort(resolved.get());
            return new EmbeddedAmqpBroker(launcher, boundPort, workDir, workDirOrNull == null);
        } catch (Exception e) {
            launcher.shutdown();
            if (workDirOrNull == null) {
                deleteRecursively(workDir);
            }
            throw new IllegalStateException("embedded AMQP broker did not start on port " + portOrZero, e);
        }
    }

    /**
     * The initial configuration with the virtual host node chosen, written into the work directory (Qpid reads a
     * URL). Derby's "ProvidedStore" virtual host keeps messages in the node's own store.
     */
    private static URL initialConfig(Path workDir, boolean persistent) {
        try (InputStream in = resource(INITIAL_CONFIG).openStream()) {
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("@NODE_TYPE@", persistent ? "DERBY" : "Memory")
                    .replace("@VIRTUAL_HOST@", persistent ? "ProvidedStore" : "Memory");
            Path file = workDir.resolve(INITIAL_CONFIG);
            Files.writeString(file, json, StandardCharsets.UTF_8);
            return file.toUri().toURL();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Qpid initial configuration", e);
        }
    }

    private static URL resource(String name) {
        URL url = EmbeddedAmqpBroker.class.getResource(name);
        if (url == null) {
            throw new IllegalStateException(name + " is missing from the classpath");
        }
        return url;
    }

    private static int amqpPort(SystemConfig<?> config) {
        if (config == null) {
            throw new IllegalStateException("Qpid did not report its configuration");
        }
        Broker<?> broker = (Broker<?>) config.getContainer(Broker.class);
        return broker.getChildren(Port.class).stream()
                .filter(port -> "AMQP".equals(port.getName()))
                .mapToInt(Port::getBoundPort)
                .filter(bound -> bound > 0)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Qpid AMQP port is not bound"));
    }

    public int port() {
        return port;
    }

    /** In the seed's {@code MESSAGE_BROKER_URL} form; the trailing slash is the default vhost {@code "/"}. */
    public String url() {
        return "amqp://guest:guest@127.0.0.1:" + port + "/";
    }

    @Override
    public void close() {
        try {
            launcher.shutdown();
        } finally {
            if (deleteWorkDir) {
                deleteRecursively(workDir);
            }
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // A leftover temp directory is harmless.
        }
    }
}
