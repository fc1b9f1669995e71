package ru.repitbot.config.env;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** The seed's variable names reach the Spring properties they mean, and explicit Spring settings still win. */
class SeedEnvironmentPostProcessorTest {

    private StandardEnvironment environment(java.util.Map<String, Object> variables) {
        StandardEnvironment env = new StandardEnvironment();
        // Only the variables a test names: not the JVM's system properties (TestInfrastructure sets LOG_FORMAT=text
        // there for the Spring tests of this module) nor the shell's environment.
        env.getPropertySources().replace(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME,
                new MapPropertySource(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME, java.util.Map.of()));
        env.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new MapPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, java.util.Map.of()));
        env.getPropertySources().addAfter(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new MapPropertySource("applicationConfig", java.util.Map.of(
                        "spring.application.name", "user-service", "repitbot.database.schema", "users",
                        "server.port", "8001")));
        env.getPropertySources().addFirst(new MapPropertySource("vars", variables));
        new SeedEnvironmentPostProcessor().postProcessEnvironment(env, new SpringApplication());
        return env;
    }

    @Test
    void mapsTheSeedDatabaseUrlToJdbcWithCredentialsAndTheServiceSchema() {
        var env = environment(java.util.Map.of("DATABASE_URL", "postgresql://repit:s%40cret@db:6543/repitbot"));
        assertThat(env.getProperty("spring.datasource.url"))
                .isEqualTo("jdbc:postgresql://db:6543/repitbot?currentSchema=users");
        assertThat(env.getProperty("spring.datasource.username")).isEqualTo("repit");
        assertThat(env.getProperty("spring.datasource.password")).isEqualTo("s@cret");
        assertThat(env.getProperty("spring.flyway.schemas")).isEqualTo("users");
    }

    @Test
    void mapsBrokerRedisLoggingAndServicePort() {
        var env = environment(java.util.Map.of(
                "MESSAGE_BROKER_URL", "amqp://u:p@mq:5672/repitbot",
                "REDIS_URL", "redis://cache:6379/2",
                "LOG_LEVEL", "debug",
                "USER_SERVICE_PORT", "9001",
                "MESSAGE_EXCHANGE", "events"));
        assertThat(env.getProperty("spring.rabbitmq.addresses")).isEqualTo("amqp://u:p@mq:5672/repitbot");
        assertThat(env.getProperty("spring.data.redis.url")).isEqualTo("redis://cache:6379/2");
        assertThat(env.getProperty("logging.level.root")).isEqualTo("DEBUG");
        assertThat(env.getProperty("server.port")).isEqualTo("9001");
        assertThat(env.getProperty("repitbot.events.exchange")).isEqualTo("events");
    }

    @Test
    void defaultsApplyUnderEverythingAndOtlpOnlyWhenConfigured() {
        var env = environment(java.util.Map.of());
        assertThat(env.getProperty("spring.datasource.hikari.maximum-pool-size")).isEqualTo("5");
        assertThat(env.getProperty("server.port")).isEqualTo("8001");
        assertThat(env.getProperty("management.tracing.export.otlp.enabled")).isEqualTo("false");

        assertThat(env.getProperty("repitbot.tracing.otlp-endpoint")).isNull();

        var traced = environment(java.util.Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://jaeger:4318/"));
        assertThat(traced.getProperty("repitbot.tracing.otlp-endpoint")).isEqualTo("http://jaeger:4318/v1/traces");
    }

    @Test
    void theLogLinesNameTheVersionAndEnvironmentOfTheSeedsVariables() {
        var env = environment(java.util.Map.of("SERVICE_VERSION", "1.4.2", "ENVIRONMENT", "staging"));
        assertThat(env.getProperty("logging.structured.format.console")).isEqualTo("ecs");
        assertThat(env.getProperty("logging.structured.ecs.service.version")).isEqualTo("1.4.2");
        assertThat(env.getProperty("logging.structured.ecs.service.environment")).isEqualTo("staging");
    }

    @Test
    void anExplicitSpringPropertyWinsOverTheSeedName() {
        var env = environment(java.util.Map.of("spring.datasource.url", "jdbc:postgresql://explicit/db",
                "DATABASE_URL", "postgresql://other/db"));
        assertThat(env.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://explicit/db");
    }
}
