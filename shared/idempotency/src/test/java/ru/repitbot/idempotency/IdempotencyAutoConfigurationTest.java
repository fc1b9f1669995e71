package ru.repitbot.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Idempotency-Keys come with a database, on the application's clock, TTL from repitbot.idempotency.ttl. */
class IdempotencyAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(IdempotencyAutoConfiguration.class));

    @Test
    void aServiceWithADatabaseGetsKeysRememberedADayAndTheirHousekeeping() {
        runner.withBean(JdbcTemplate.class, () -> new JdbcTemplate(new DriverManagerDataSource("jdbc:none")))
                .run(context -> {
                    assertThat(context.getBean(IdempotencyKeys.class).ttl()).isEqualTo(Duration.ofHours(24));
                    assertThat(context.getBean(IdempotencyHousekeeping.class).isRunning()).isTrue();
                });
    }

    @Test
    void theTtlIsAProperty() {
        runner.withBean(JdbcTemplate.class, () -> new JdbcTemplate(new DriverManagerDataSource("jdbc:none")))
                .withBean(Clock.class, () -> Clock.fixed(Instant.EPOCH, ZoneOffset.UTC))
                .withPropertyValues("repitbot.idempotency.ttl=2h")
                .run(context -> assertThat(context.getBean(IdempotencyKeys.class).ttl())
                        .isEqualTo(Duration.ofHours(2)));
    }

    @Test
    void withoutADatabaseThereAreNone() {
        runner.run(context -> assertThat(context).doesNotHaveBean(IdempotencyKeys.class)
                .doesNotHaveBean(IdempotencyHousekeeping.class));
    }
}
