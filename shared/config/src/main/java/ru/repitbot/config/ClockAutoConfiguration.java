package ru.repitbot.config;

import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The one {@link Clock} of a service: UTC system time. Rules take "now" from it so tests can set the time; a test
 * (or a module with its own reason) declares its own {@code Clock} bean, which replaces this one. Not a deployment
 * switch: which clock exists depends on the beans of the build, not on a setting, so it holds under AOT.
 */
@AutoConfiguration
public class ClockAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
