package ru.repitbot.config.env;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Maps the seed's environment names ({@code DATABASE_URL}, {@code REDIS_URL}, {@code MESSAGE_BROKER_URL},
 * {@code LOG_LEVEL}, {@code PORT}, {@code JWT_*} …) onto Spring properties, once, for every deployable, and lays the
 * service defaults under everything else.
 *
 * <p>Precedence: explicit Spring properties (command line, {@code SPRING_*} variables) win over the seed names, which
 * win over {@code application.yml}, which wins over {@code repitbot-defaults.properties}.
 */
public class SeedEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String SEED_SOURCE = "repitbotSeedEnvironment";
    static final String DEFAULTS_SOURCE = "repitbotDefaults";

    @Override
    public int getOrder() {
        // After config data (application.yml) is loaded, so a service's own schema name can be read.
        return Ordered.LOWEST_PRECEDENCE - 10;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(DefaultsLoader.load(DEFAULTS_SOURCE));
        Map<String, Object> mapped = map(environment);
        MapPropertySource seed = new MapPropertySource(SEED_SOURCE, mapped);
        var sources = environment.getPropertySources();
        if (sources.contains(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)) {
            sources.addAfter(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, seed);
        } else {
            sources.addFirst(seed);
        }
    }

    static Map<String, Object> map(ConfigurableEnvironment env) {
        Map<String, Object> p = new LinkedHashMap<>();
        String service = env.getProperty("spring.application.name", "repitbot");
        copy(env, "SERVICE_NAME", "spring.application.name", p);
        copy(env, "SERVICE_VERSION", "info.app.version", p);
        // ECS logs' service.version (without it, the jar's Implementation-Version, as Spring Boot does).
        copy(env, "SERVICE_VERSION", "logging.structured.ecs.service.version", p);
        copy(env, "ENVIRONMENT", "repitbot.environment", p);
        copy(env, "SECRET_KEY", "repitbot.secret-key", p);
        copy(env, "DOCS_ENABLED", "repitbot.docs.enabled", p);
        copy(env, "BIND_ADDRESS", "server.address", p);

        String portVar = service.toUpperCase(Locale.ROOT).replace('-', '_') + "_PORT";
        if (env.getProperty(portVar) != null) {
            p.put("server.port", env.getProperty(portVar));
        } else {
            copy(env, "PORT", "server.port", p);
        }

        String schema = env.getProperty("repitbot.database.schema");
        String databaseUrl = env.getProperty("DATABASE_URL");
        if (databaseUrl != null && !databaseUrl.isBlank()) {
            Jdbc jdbc = Jdbc.fromSeedUrl(databaseUrl.trim(), schema);
            p.put("spring.datasource.url", jdbc.url());
            if (jdbc.username() != null) {
                p.put("spring.datasource.username", jdbc.username());
            }
            if (jdbc.password() != null) {
                p.put("spring.datasource.password", jdbc.password());
            }
        } else if (schema != null && env.getProperty("spring.datasource.url") != null) {
            p.put("spring.datasource.url", Jdbc.withSchema(env.getProperty("spring.datasource.url"), schema));
        }
        if (schema != null) {
            p.put("spring.flyway.schemas", schema);
            p.put("spring.flyway.default-schema", schema);
            p.put("spring.jpa.properties.hibernate.default_schema", schema);
        }
        copy(env, "DATABASE_POOL_SIZE", "spring.datasource.hikari.maximum-pool-size", p);
        copy(env, "DATABASE_POOL_TIMEOUT", "spring.datasource.hikari.connection-timeout", p, s -> s + "s");

        copy(env, "REDIS_URL", "spring.data.redis.url", p);
        copy(env, "REDIS_PASSWORD", "spring.data.redis.password", p);
        copy(env, "REDIS_DB", "spring.data.redis.database", p);

        copy(env, "MESSAGE_BROKER_URL", "spring.rabbitmq.addresses", p);
        copy(env, "MESSAGE_EXCHANGE", "repitbot.events.exchange", p);
        copy(env, "MESSAGE_QUEUE_PREFIX", "repitbot.events.queue-prefix", p);
        copy(env, "MESSAGE_QUEUE_TYPE", "repitbot.events.queue-type", p);

        copy(env, "LOG_LEVEL", "logging.level.root", p, s -> s.toUpperCase(Locale.ROOT));
        copy(env, "LOG_LEVEL", "logging.level.ru.repitbot", p, s -> s.toUpperCase(Locale.ROOT));
        String logFormat = env.getProperty("LOG_FORMAT");
        if ("text".equalsIgnoreCase(logFormat)) {
            p.put("logging.structured.format.console", "");
        }
        copy(env, "LOG_FILE", "logging.file.name", p);

        copy(env, "AUTH_SERVICE_URL", "repitbot.security.auth-url", p);
        copy(env, "JWT_ISSUER", "repitbot.security.issuer", p);
        copy(env, "JWT_AUDIENCE", "repitbot.security.audience", p);
        copy(env, "JWT_EXPIRE_MINUTES", "repitbot.auth.access-token-minutes", p);
        copy(env, "ACCESS_TOKEN_EXPIRE_MINUTES", "repitbot.auth.access-token-minutes", p);
        copy(env, "JWT_REFRESH_EXPIRE_DAYS", "repitbot.auth.refresh-token-days", p);
        copy(env, "REFRESH_TOKEN_EXPIRE_DAYS", "repitbot.auth.refresh-token-days", p);

        copy(env, "RATE_LIMIT_ENABLED", "repitbot.gateway.rate-limit.enabled", p);
        copy(env, "RATE_LIMIT_REQUESTS", "repitbot.gateway.rate-limit.requests", p);
        copy(env, "RATE_LIMIT_WINDOW", "repitbot.gateway.rate-limit.window-seconds", p);
        copy(env, "CORS_ORIGINS", "repitbot.gateway.cors.origins", p);
        copy(env, "CORS_CREDENTIALS", "repitbot.gateway.cors.credentials", p);
        copy(env, "CORS_METHODS", "repitbot.gateway.cors.methods", p);
        copy(env, "CORS_HEADERS", "repitbot.gateway.cors.headers", p);

        copy(env, "TELEGRAM_BOT_TOKEN", "repitbot.telegram.token", p);
        copy(env, "TELEGRAM_API_URL", "repitbot.telegram.api-url", p);
        copy(env, "TELEGRAM_FILE_API_URL", "repitbot.telegram.file-api-url", p);
        copy(env, "API_GATEWAY_URL", "repitbot.gateway-url", p);

        String otlp = firstNonBlank(env.getProperty("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"),
                env.getProperty("OTEL_EXPORTER_OTLP_ENDPOINT") == null ? null
                        : env.getProperty("OTEL_EXPORTER_OTLP_ENDPOINT").replaceAll("/+$", "") + "/v1/traces");
        if (otlp != null) {
            // Our exporter (TracingExportAutoConfiguration), not Spring Boot's, which AOT-built jars do not have.
            p.put("repitbot.tracing.otlp-endpoint", otlp);
        }
        copy(env, "TRACING_SAMPLING_PROBABILITY", "management.tracing.sampling.probability", p);
        return p;
    }

    private static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        return b == null || b.isBlank() ? null : b;
    }

    private static void copy(ConfigurableEnvironment env, String from, String to, Map<String, Object> target) {
        copy(env, from, to, target, s -> s);
    }

    private static void copy(ConfigurableEnvironment env, String from, String to, Map<String, Object> target,
            java.util.function.UnaryOperator<String> convert) {
        String value = env.getProperty(from);
        if (value != null && !value.isBlank()) {
            target.put(to, convert.apply(value.trim()));
        }
    }

    /** A JDBC URL with credentials split out, from the seed's {@code postgresql://user:pass@host:port/db}. */
    record Jdbc(String url, String username, String password) {

        static Jdbc fromSeedUrl(String raw, String schema) {
            if (raw.startsWith("jdbc:")) {
                return new Jdbc(withSchema(raw, schema), null, null);
            }
            URI uri = URI.create(raw.replaceFirst("^postgresql\\+\\w+://", "postgresql://")
                    .replaceFirst("^postgres://", "postgresql://"));
            String user = null;
            String password = null;
            if (uri.getRawUserInfo() != null) {
                String[] parts = uri.getRawUserInfo().split(":", 2);
                user = decode(parts[0]);
                password = parts.length > 1 ? decode(parts[1]) : null;
            }
            int port = uri.getPort() == -1 ? 5432 : uri.getPort();
            String url = "jdbc:postgresql://" + uri.getHost() + ":" + port + uri.getRawPath()
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            return new Jdbc(withSchema(url, schema), user, password);
        }

        static String withSchema(String url, String schema) {
            if (schema == null || url.contains("currentSchema=")) {
                return url;
            }
            return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        }

        private static String decode(String s) {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        }
    }
}
