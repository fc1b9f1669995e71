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
import org.springframework.format.FormatterRegistry;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import ru.repitbot.config.docs.ApiConventions;
import ru.repitbot.config.docs.RedocController;
import ru.repitbot.config.docs.SnakeCaseModelResolver;
import ru.repitbot.config.security.CurrentUser;
import org.springframework.core.env.Environment;
import ru.repitbot.config.env.DeploymentMode;
import ru.repitbot.config.web.CurrentUserArgumentResolver;
import ru.repitbot.config.web.DocsGateFilter;
import ru.repitbot.config.web.ProblemErrorController;
import ru.repitbot.config.web.TomcatProblemPages;
import ru.repitbot.config.web.ProblemDetailsAdvice;
import ru.repitbot.config.web.NulFreeParameters;
import ru.repitbot.config.web.RequestIdFilter;
import ru.repitbot.config.web.StrictRequestBodies;
import ru.repitbot.config.web.WireEnumParameters;

/**
 * The web defaults of a servlet service: problem+json errors, request ids, the caller parameter, wire enums as
 * parameters ({@link WireEnumParameters}), request bodies that refuse unknown fields, API docs in the API style.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration")
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

    /** Tomcat's own refusals ({@code %00}, {@code %2F}, an over-long header…) as problem+json, not its HTML page. */
    @Bean
    TomcatProblemPages tomcatProblemPages() {
        return new TomcatProblemPages();
    }

    /** {@code /error} as problem+json (Boot's BasicErrorController steps back: it is missing-bean conditional). */
    @Bean
    ProblemErrorController problemErrorController() {
        return new ProblemErrorController();
    }

    /** The API docs off in production unless DOCS_ENABLED=true (read at run time; see DeploymentMode). */
    @Bean
    FilterRegistrationBean<DocsGateFilter> docsGateFilter(Environment environment) {
        FilterRegistrationBean<DocsGateFilter> registration = new FilterRegistrationBean<>(
                new DocsGateFilter(DeploymentMode.docsEnabled(environment)));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** After the security filters: a caller without a valid token is told that first. */
    @Bean
    FilterRegistrationBean<NulFreeParameters> nulFreeParameters() {
        FilterRegistrationBean<NulFreeParameters> registration = new FilterRegistrationBean<>(new NulFreeParameters());
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
        return registration;
    }

    @Bean
    WebMvcConfigurer currentUserParameter() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CurrentUserArgumentResolver());
            }

            @Override
            public void addFormatters(FormatterRegistry registry) {
                registry.addConverterFactory(new WireEnumParameters());
            }
        };
    }

    @Bean
    StrictRequestBodies strictRequestBodies() {
        return new StrictRequestBodies();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(OpenAPI.class)
    static class ApiDocs {

        ApiDocs() {
            // The caller comes from the token (CurrentUserArgumentResolver), never from the request: no service's
            // document may list it as a "caller" parameter. springdoc keeps this list in one static registry.
            org.springdoc.core.utils.SpringDocUtils.getConfig().addRequestWrapperToIgnore(CurrentUser.class);
        }

        /** Problem responses, the standard errors and Location on 201, in every document ({@link ApiConventions}). */
        @Bean
        ApiConventions apiConventions() {
            return new ApiConventions();
        }

        @Bean
        RedocController redocController() {
            return new RedocController();
        }

        /** The API docs show fields as they travel: snake_case ({@link SnakeCaseModelResolver}). */
        @Bean
        @ConditionalOnMissingBean
        io.swagger.v3.core.jackson.ModelResolver snakeCaseModelResolver() {
            return new SnakeCaseModelResolver();
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
