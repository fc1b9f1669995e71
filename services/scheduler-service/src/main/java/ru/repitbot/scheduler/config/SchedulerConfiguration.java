package ru.repitbot.scheduler.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.repitbot.scheduler.domain.JobCatalogue;

/** The job catalogue as a bean, in the installation zone. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SchedulerSettings.class)
public class SchedulerConfiguration {

    @Bean
    JobCatalogue jobCatalogue(SchedulerSettings settings) {
        return new JobCatalogue(settings.installationZone());
    }
}
