package ru.repitbot.gateway.routing;

import java.net.URI;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.cloud.gateway.filter.factory.RequestRateLimiterGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.GatewayFilterSpec;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.cloud.gateway.support.RouteMetadataUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.http.HttpMethod;
import ru.repitbot.gateway.config.GatewaySettings;
import ru.repitbot.gateway.domain.RouteTable;
import ru.repitbot.gateway.domain.ServiceRoute;
import ru.repitbot.gateway.web.GatewayExchange;

/**
 * The public API's routes (contracts.md): {@code /api/v1/<resource>/**} to the owning service with the path
 * unchanged, plus {@code /openapi/<service>.json} for the shared Swagger UI. Each route: per-caller rate limit
 * (Redis), a Resilience4j circuit breaker of its own, connect and response timeouts.
 */
@Configuration(proxyBeanMethods = false)
public class RouteConfiguration {

    public static final String AUTH_PUBLIC_ROUTE = "auth-public";
    public static final String OPENAPI_ROUTE_PREFIX = "openapi-";

    @Bean
    RateLimits rateLimits(GatewaySettings settings, GatewayExchange exchanges, ReactiveStringRedisTemplate redis,
            @Qualifier(RedisRateLimiter.REDIS_SCRIPT_NAME) RedisScript<List<Long>> script,
            ConfigurationService configurationService) {
        GatewaySettings.RateLimit limits = settings.rateLimit();
        RedisScript<List<Long>> loaded = LoadedScript.of(script);
        WindowRateLimiter perCaller = new WindowRateLimiter(limits.keyPrefix() + ":api", limits.perCaller(), redis,
                loaded, configurationService);
        WindowRateLimiter anonymousAuth = new WindowRateLimiter(limits.keyPrefix() + ":auth",
                limits.anonymousAuth(), redis, loaded, configurationService);
        return new RateLimits(limits.enabled(), perCaller, CallerKeys.perCaller(exchanges, limits.servicesExempt()),
                anonymousAuth, CallerKeys.anonymousByAddress(exchanges));
    }

    @Bean
    ReplicaBalancer replicaBalancer(GatewaySettings settings) {
        return new ReplicaBalancer(settings);
    }

    @Bean
    RouteLocator repitbotRoutes(RouteLocatorBuilder builder, GatewaySettings settings, RateLimits limits,
            ReplicaBalancer balancer) {
        RouteLocatorBuilder.Builder routes = builder.routes();
        URI auth = settings.serviceUrl("auth-service");
        routes.route(AUTH_PUBLIC_ROUTE, r -> r.order(0)
                .path(RouteTable.PUBLIC_AUTH_PATHS.toArray(String[]::new))
                .filters(f -> {
                    limits.anonymousAuth(f);
                    limits.perCaller(f);
                    f.circuitBreaker(c -> c.setName(AUTH_PUBLIC_ROUTE));
                    return retryOnOtherReplica(f, settings, balancer, "auth-service");
                })
                .metadata(timeouts(settings)).metadata(GatewayExchange.SERVICE_METADATA, "auth-service")
                .uri(auth));
        for (ServiceRoute service : RouteTable.SERVICES) {
            URI url = settings.serviceUrl(service.service());
            routes.route(service.service(), r -> r.order(10)
                    .path(service.paths().toArray(String[]::new))
                    .filters(f -> {
                        limits.perCaller(f);
                        f.circuitBreaker(c -> c.setName(service.service()));
                        return retryOnOtherReplica(f, settings, balancer, service.service());
                    })
                    .metadata(timeouts(settings)).metadata(GatewayExchange.SERVICE_METADATA, service.service())
                    .uri(url));
            String docsRoute = OPENAPI_ROUTE_PREFIX + service.service();
            routes.route(docsRoute, r -> r.order(0)
                    .path(RouteTable.OPENAPI_PREFIX + service.service() + ".json")
                    .filters(f -> {
                        limits.perCaller(f);
                        f.setPath("/openapi.json")
                                .modifyResponseBody(String.class, String.class, new OpenApiServers())
                                .circuitBreaker(c -> c.setName(docsRoute));
                        return retryOnOtherReplica(f, settings, balancer, service.service());
                    })
                    .metadata(timeouts(settings)).metadata(GatewayExchange.SERVICE_METADATA, service.service())
                    .uri(url));
        }
        return routes.build();
    }

    /**
     * With several replicas, a GET or HEAD whose connection a replica refuses (stopped, restarting) is sent again,
     * by {@link ReplicaBalancer}, to the next one; other methods are not repeated (the body is not kept, and a write
     * is never sent twice by the gateway). The circuit breaker, declared before, sees the retried call as one.
     */
    private static GatewayFilterSpec retryOnOtherReplica(GatewayFilterSpec f, GatewaySettings settings,
            ReplicaBalancer balancer, String service) {
        if (!balancer.balances(service)) {
            return f;
        }
        // One more than the other replicas: concurrent requests move the turn on meanwhile.
        int others = settings.serviceUrls(service).size();
        return f.retry(c -> c.setRetries(others)
                .setMethods(HttpMethod.GET, HttpMethod.HEAD)
                .setSeries()
                .setStatuses()
                .setExceptions(java.net.ConnectException.class));
    }

    private static java.util.Map<String, Object> timeouts(GatewaySettings settings) {
        return java.util.Map.of(
                RouteMetadataUtils.CONNECT_TIMEOUT_ATTR, (int) settings.connectTimeout().toMillis(),
                RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, settings.responseTimeout().toMillis());
    }

    /** The two Redis limiters and whom they count; adds nothing when rate limiting is switched off. */
    public record RateLimits(boolean enabled, WindowRateLimiter perCallerLimiter, KeyResolver perCallerKey,
            WindowRateLimiter anonymousAuthLimiter, KeyResolver anonymousAuthKey) {

        void perCaller(GatewayFilterSpec f) {
            add(f, perCallerLimiter, perCallerKey);
        }

        void anonymousAuth(GatewayFilterSpec f) {
            add(f, anonymousAuthLimiter, anonymousAuthKey);
        }

        private void add(GatewayFilterSpec f, WindowRateLimiter limiter, KeyResolver key) {
            if (!enabled) {
                return;
            }
            f.requestRateLimiter(c -> configure(c, limiter, key));
        }

        private static void configure(RequestRateLimiterGatewayFilterFactory.Config c, WindowRateLimiter limiter,
                KeyResolver key) {
            c.setRateLimiter(limiter);
            c.setKeyResolver(key);
            c.setDenyEmptyKey(false);
            c.setThrowOnLimit(true);
        }
    }
}
