package ru.repitbot.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import ru.repitbot.config.docs.RedocController;
import ru.repitbot.config.web.CurrentUserArgumentResolver;
import ru.repitbot.config.web.ProblemDetailsAdvice;
import ru.repitbot.config.web.RequestIdFilter;

/** The web defaults of a servlet service: problem+json errors, request ids, the caller parameter, API docs. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ServiceDefaultsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ProblemDetailsAdvice problemDetailsAdvice() {
        return new ProblemDetailsAdvice();
    }

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    WebMvcConfigurer currentUserParameter() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CurrentUserArgumentResolver());
            }
        };
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(OpenAPI.class)
    static class ApiDocs {

        @Bean
        RedocController redocController() {
            return new RedocController();
        }

        /**
         * The API docs show fields as they travel: snake_case. springdoc models schemas with swagger-core's own
         * (Jackson 2) mapper, which knows nothing of the application's naming strategy. springdoc 3 writes OpenAPI
         * 3.1, so the resolver must be switched to 3.1 too or every schema loses its {@code type}.
         */
        @Bean
        @ConditionalOnMissingBean
        io.swagger.v3.core.jackson.ModelResolver snakeCaseModelResolver() {
            return new io.swagger.v3.core.jackson.ModelResolver(io.swagger.v3.core.util.Json31.mapper().copy()
                    .setPropertyNamingStrategy(com.fasterxml.jackson.databind.PropertyNamingStrategies.SNAKE_CASE))
                    .openapi31(true);
        }

        @Bean
        @ConditionalOnMissingBean
        OpenAPI repitbotOpenApi(@Value("${spring.application.name}") String service,
                @Value("${info.app.version:0.1.0}") String version,
                @Value("${repitbot.api.description:RepitBot service}") String description) {
            return new OpenAPI()
                    .info(new Info().title("RepitBot " + service).version(version).description(description))
                    .components(new Components().addSecuritySchemes("bearer", new SecurityScheme()
                            .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                    .addSecurityItem(new SecurityRequirement().addList("bearer"));
        }
    }
}
