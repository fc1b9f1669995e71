package ru.repitbot.testsupport;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import ru.repitbot.infra.EmbeddedAmqpBroker;
import ru.repitbot.infra.EmbeddedPostgresServer;
import ru.repitbot.infra.EmbeddedRedisServer;
import ru.repitbot.infra.Reachability;

/**
 * PostgreSQL, Redis and an AMQP broker for the tests of this JVM: the local servers when they answer (as on CI),
 * embedded ones otherwise. Each JVM gets its own database, exchange and queue names, so test runs never see each
 * other's data or a running stack's; they are dropped when the JVM exits.
 */
public final class TestInfrastructure {

    /** Every deployable's name, for cleaning up the queues a run declared. */
    public static final List<String> SERVICES = List.of("user-service", "auth-service", "lesson-service",
            "homework-service", "payment-service", "notification-service", "material-service", "analytics-service",
            "achievement-service", "scheduler-service", "api-gateway", "telegram-bot");

    private static TestInfrastructure instance;

    private final java.util.Set<String> extraConsumers = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final String runId;
    private final String database;
    private final String jdbcUrl;
    private final String databaseUrl;
    private final String redisUrl;
    private final String amqpUrl;
    private final int amqpPort;
    private final boolean embeddedBroker;
    private final AutoCloseable[] embedded;
    private final String adminJdbcUrl;

    private TestInfrastructure() {
        runId = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        database = "rb_test_" + runId;
        Duration probe = Duration.ofMillis(500);

        EmbeddedPostgresServer pg = null;
        if (!forcedEmbedded("postgres") && Reachability.tcp("127.0.0.1", 5432, probe) && canLogin("jdbc:postgresql://127.0.0.1:5432/postgres")) {
            adminJdbcUrl = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
            execute(adminJdbcUrl, "CREATE DATABASE " + database);
            jdbcUrl = "jdbc:postgresql://127.0.0.1:5432/" + database + "?user=postgres";
            databaseUrl = "postgresql://postgres@127.0.0.1:5432/" + database;
        } else {
            pg = EmbeddedPostgresServer.start(null, 0);
            pg.createDatabaseIfMissing(database);
            adminJdbcUrl = null;
            jdbcUrl = pg.jdbcUrl(database);
            databaseUrl = pg.url(database);
        }

        EmbeddedRedisServer redis = null;
        if (!forcedEmbedded("redis") && Reachability.tcp("127.0.0.1", 6379, probe)) {
            // Database 13 keeps test keys away from a stack running on database 0.
            redisUrl = "redis://127.0.0.1:6379/13";
        } else {
            redis = EmbeddedRedisServer.start(0);
            redisUrl = redis.url();
        }

        EmbeddedAmqpBroker broker = null;
        if (!forcedEmbedded("amqp") && Reachability.tcp("127.0.0.1", 5672, probe)) {
            amqpUrl = "amqp://guest:guest@127.0.0.1:5672";
            amqpPort = 5672;
            embeddedBroker = false;
        } else {
            broker = EmbeddedAmqpBroker.start(0, tempDir());
            amqpUrl = broker.url();
            amqpPort = broker.port();
            embeddedBroker = true;
        }
        embedded = new AutoCloseable[] {pg, redis, broker};
        Runtime.getRuntime().addShutdownHook(new Thread(this::cleanUp, "test-infrastructure-cleanup"));
    }

    public static synchronized TestInfrastructure get() {
        if (instance == null) {
            instance = new TestInfrastructure();
        }
        return instance;
    }

    /**
     * Hands the servers to the next Spring context through the seed's variable names, read by the services' own
     * environment mapping, exactly as in production.
     */
    public void exportAsSystemProperties() {
        System.setProperty("DATABASE_URL", databaseUrl);
        System.setProperty("REDIS_URL", redisUrl);
        System.setProperty("MESSAGE_BROKER_URL", amqpUrl);
        System.setProperty("MESSAGE_EXCHANGE", exchange());
        System.setProperty("MESSAGE_QUEUE_PREFIX", queuePrefix());
        System.setProperty("MESSAGE_QUEUE_TYPE", embeddedBroker ? "classic" : "quorum");
        System.setProperty("LOG_FORMAT", "text");
        System.setProperty("repitbot.security.jwk-set-uri", TestTokens.get().jwkSetUri());
        System.setProperty("repitbot.events.initial-backoff", "50ms");
    }

    public String runId() {
        return runId;
    }

    public String exchange() {
        return "repitbot-" + runId;
    }

    public String queuePrefix() {
        return "repitbot-" + runId;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String databaseUrl() {
        return databaseUrl;
    }

    public String redisUrl() {
        return redisUrl;
    }

    public String amqpUrl() {
        return amqpUrl;
    }

    public int amqpPort() {
        return amqpPort;
    }

    public boolean embeddedBroker() {
        return embeddedBroker;
    }

    /** Queues of a consumer that is not a deployable (a test's own) to delete when the JVM exits. */
    public void alsoCleanUp(String consumer) {
        extraConsumers.add(consumer);
    }

    /**
     * {@code -Drepitbot.test.embedded=all} (or a comma list of {@code postgres,redis,amqp}) uses embedded servers
     * even where real ones answer: how the zero-install path is tested on a machine that has the servers.
     */
    private static boolean forcedEmbedded(String server) {
        String forced = System.getProperty("repitbot.test.embedded", System.getenv("REPITBOT_TEST_EMBEDDED"));
        if (forced == null || forced.isBlank()) {
            return false;
        }
        List<String> names = List.of(forced.toLowerCase(Locale.ROOT).split("\\s*,\\s*"));
        return names.contains("all") || names.contains(server);
    }

    /** A RabbitMQ client connection factory for tests that inspect queues directly. */
    public ConnectionFactory amqpConnectionFactory() {
        ConnectionFactory factory = new ConnectionFactory();
        try {
            factory.setUri(amqpUrl);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return factory;
    }

    /** A message for {@link #publish}: an event envelope's JSON, routed by its type. */
    public record Message(String routingKey, byte[] body) {
    }

    /**
     * Publishes to this run's exchange as an outbox relay does: persistent JSON, in order, and waits for the broker's
     * confirms.
     */
    public void publish(List<Message> messages) {
        try (Connection connection = amqpConnectionFactory().newConnection();
                Channel channel = connection.createChannel()) {
            channel.confirmSelect();
            for (Message message : messages) {
                channel.basicPublish(exchange(), message.routingKey(), new AMQP.BasicProperties.Builder()
                        .contentType("application/json").deliveryMode(2).type(message.routingKey()).build(),
                        message.body());
            }
            channel.waitForConfirmsOrDie(10_000);
        } catch (Exception e) {
            throw new IllegalStateException("Publishing to " + exchange() + " failed", e);
        }
    }

    private void cleanUp() {
        try (Connection connection = amqpConnectionFactory().newConnection()) {
            List<String> consumers = new java.util.ArrayList<>(SERVICES);
            consumers.addAll(extraConsumers);
            for (String service : consumers) {
                try (Channel channel = connection.createChannel()) {
                    channel.queueDelete(queuePrefix() + "." + service);
                    channel.queueDelete(queuePrefix() + "." + service + ".dlq");
                    channel.exchangeDelete(queuePrefix() + "." + service + ".dlx");
                } catch (Exception ignored) {
                    // the queue was never declared by this run
                }
            }
            try (Channel channel = connection.createChannel()) {
                channel.exchangeDelete(exchange());
            } catch (Exception ignored) {
                // nothing declared
            }
        } catch (Exception ignored) {
            // broker already gone
        }
        if (adminJdbcUrl != null) {
            try {
                execute(adminJdbcUrl, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            } catch (RuntimeException ignored) {
                // best effort
            }
        }
        for (AutoCloseable c : embedded) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // best effort
                }
            }
        }
    }

    private static boolean canLogin(String url) {
        try (var c = DriverManager.getConnection(url, "postgres", "")) {
            return c.isValid(2);
        } catch (Exception e) {
            return false;
        }
    }

    private static void execute(String url, String sql) {
        try (var c = DriverManager.getConnection(url); var s = c.createStatement()) {
            s.execute(sql);
        } catch (Exception e) {
            throw new IllegalStateException("Could not run '" + sql + "' on " + url, e);
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("repitbot-amqp-" + Locale.ROOT.getLanguage());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
