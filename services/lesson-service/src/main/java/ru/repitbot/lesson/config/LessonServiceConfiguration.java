package ru.repitbot.lesson.config;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json31;
import java.security.SecureRandom;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.repitbot.lesson.domain.FeedTokens;

/** The rules of lesson-service as beans, and its settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LessonSettings.class)
public class LessonServiceConfiguration {

    @Bean
    FeedTokens feedTokens() {
        return new FeedTokens(new SecureRandom());
    }

    /**
     * OpenAPI schemas in the API's real spelling: swagger-core reads models with its own (Jackson 2) mapper, which
     * does not know the services' JSON is snake_case.
     */
    @Bean
    ModelResolver snakeCaseModelResolver() {
        return new ModelResolver(Json31.mapper().copy()
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)).openapi31(true);
    }
}
