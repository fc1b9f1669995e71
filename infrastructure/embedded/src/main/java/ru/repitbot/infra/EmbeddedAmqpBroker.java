package ru.repitbot.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
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
 * An AMQP 0-9-1 broker (Apache Qpid Broker-J) inside this JVM: one in-memory virtual host reachable as vhost
 * {@code "/"}, user guest/guest (PLAIN without TLS), listening on loopback. Messages live in memory only, so
 * "durable" and "persistent" are accepted but do not survive {@link #close()}.
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
     * @param workDirOrNull Qpid's work directory (it writes little there); {@code null} means a temp directory
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
        URL initialConfig = resource(INITIAL_CONFIG);
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
