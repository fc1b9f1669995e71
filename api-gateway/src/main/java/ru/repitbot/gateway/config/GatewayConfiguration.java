package ru.repitbot.gateway.config;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.repitbot.gateway.health.DownstreamHealthIndicator;
import ru.repitbot.gateway.web.AccessLogFilter;
import ru.repitbot.gateway.web.GatewayErrorHandler;
import ru.repitbot.gateway.web.GatewayExchange;
import ru.repitbot.gateway.web.DocsGateWebFilter;
import ru.repitbot.gateway.web.PathGuardFilter;
import ru.repitbot.gateway.web.RequestIdFilter;

/** The gateway's web filters, error rendering, circuit breaker defaults, health and API description. */
@Configuration(proxyBeanMethods = false)
public class GatewayConfiguration {

    @Bean
    GatewayExchange gatewayExchange(GatewaySettings settings) {
        return new GatewayExchange(settings.trustedProxies());
    }

    @Bean
    GatewayErrorHandler gatewayErrorHandler(GatewaySettings settings) {
        return new GatewayErrorHandler(settings.circuitBreaker().openDuration());
    }

    @Bean
    RequestIdFilter requestIdFilter() {
        return new RequestIdFilter();
    }

    @Bean
    AccessLogFilter accessLogFilter(GatewayErrorHandler errors, GatewayExchange exchanges) {
        return new AccessLogFilter(errors, exchanges);
    }

    @Bean
    PathGuardFilter pathGuardFilter() {
        return new PathGuardFilter();
    }

    /** A problem+json body for the refusals written below the filters (Netty's codec, the adapter's bare 400). */
    @Bean
    org.springframework.boot.reactor.netty.NettyServerCustomizer refusalProblems() {
        return ru.repitbot.gateway.web.RefusalProblems.customizer();
    }

    /** The docs off in production unless DOCS_ENABLED=true (read at run time, as in every service). */
    @Bean
    DocsGateWebFilter docsGateWebFilter(org.springframework.core.env.Environment environment) {
        return new DocsGateWebFilter(ru.repitbot.config.env.DeploymentMode.docsEnabled(environment));
    }

    /**
     * One breaker per route, all with these settings. Failures are exceptions only (refused or broken connections,
     * timeouts); a service's own 4xx/5xx answers pass through untouched. The netty response timeout bounds waiting
     * (the breaker's time limiter is off so that long downloads are not cut).
     */
    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> circuitBreakerDefaults(GatewaySettings settings) {
        GatewaySettings.CircuitBreaker breaker = settings.circuitBreaker();
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(breaker.slidingWindow())
                .minimumNumberOfCalls(breaker.minimumCalls())
                .failureRateThreshold(breaker.failureRateThreshold())
                .waitDurationInOpenState(breaker.openDuration())
                .permittedNumberOfCallsInHalfOpenState(breaker.halfOpenCalls())
                .build();
        TimeLimiterConfig timeLimiter = TimeLimiterConfig.custom()
                .timeoutDuration(settings.connectTimeout().plus(settings.responseTimeout()).plusSeconds(5))
                .build();
        return factory -> factory.configureDefault(id -> new Resilience4JConfigBuilder(id)
                .circuitBreakerConfig(config)
                .timeLimiterConfig(timeLimiter)
                .build());
    }

    @Bean
    DownstreamHealthIndicator downstreamHealthIndicator(GatewaySettings settings) {
        return new DownstreamHealthIndicator(settings.probeTargets(), settings.downstreamHealth());
    }

    @Bean
    OpenAPI gatewayOpenApi(@Value("${info.app.version:0.1.0}") String version) {
        return new OpenAPI()
                .info(new Info().title("RepitBot API gateway").version(version).description(
                        "Single entry to the RepitBot REST API. Pick a service in the selector at the top to see "
                                + "its endpoints; every request goes through this gateway, which checks the bearer "
                                + "token, limits request rates and forwards the request unchanged."))
                .components(new Components().addSecuritySchemes("bearer", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
