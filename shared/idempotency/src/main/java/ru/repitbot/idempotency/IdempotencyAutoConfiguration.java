package ru.repitbot.idempotency;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@link IdempotencyKeys} in every service with a database (the table comes with the shared migrations), on the
 * application's {@link Clock} when it has one, and their housekeeping.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration")
@ConditionalOnClass(JdbcTemplate.class)
@ConditionalOnBean(JdbcTemplate.class)
@EnableConfigurationProperties(IdempotencyProperties.class)
public class IdempotencyAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    IdempotencyKeys idempotencyKeys(JdbcTemplate jdbc, ObjectProvider<Clock> clock, IdempotencyProperties properties) {
        return new IdempotencyKeys(jdbc, clock.getIfUnique(Clock::systemUTC), properties.ttl());
    }

    @Bean
    @ConditionalOnMissingBean
    IdempotencyHousekeeping idempotencyHousekeeping(IdempotencyKeys keys, IdempotencyProperties properties) {
        return new IdempotencyHousekeeping(keys, properties.cleanupInterval(), properties.cleanupInterval());
    }
}
