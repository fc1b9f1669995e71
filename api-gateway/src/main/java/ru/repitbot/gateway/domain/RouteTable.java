package ru.repitbot.gateway.domain;

import java.util.List;
import java.util.stream.Stream;

/**
 * The public API's routing table (contracts.md, "Gateway routes") and which paths need no token. {@code /internal/**}
 * appears nowhere: it is never routed.
 */
public final class RouteTable {

    /** auth-service endpoints a caller reaches before it has a token. */
    public static final List<String> PUBLIC_AUTH_PATHS = List.of("/api/v1/auth/login", "/api/v1/auth/refresh",
            "/api/v1/auth/logout", "/api/v1/auth/token");

    /** Calendar feeds are secret URLs, checked by lesson-service; a calendar app sends no token. */
    public static final String CALENDAR_FEEDS = "/api/v1/calendar/**";

    public static final String JWKS = "/.well-known/jwks.json";

    /** Where the gateway serves each service's OpenAPI document: {@code /openapi/<service>.json}. */
    public static final String OPENAPI_PREFIX = "/openapi/";

    /** The gateway's own operational endpoints and docs. */
    public static final List<String> GATEWAY_OPEN_PATHS = List.of("/health", "/health/**", "/livez", "/readyz",
            "/metrics", "/info", "/docs", "/docs/**", "/swagger-ui/**", "/swagger-ui.html", "/webjars/**",
            "/openapi.json", "/openapi.json/**", OPENAPI_PREFIX + "**", "/favicon.ico");

    /** Never routed; answered 404 whoever asks. */
    public static final String INTERNAL = "/internal/**";

    public static final List<ServiceRoute> SERVICES = List.of(
            new ServiceRoute("auth-service", List.of("/api/v1/auth/**", JWKS)),
            new ServiceRoute("user-service", List.of("/api/v1/users/**")),
            new ServiceRoute("lesson-service", List.of("/api/v1/lessons/**", "/api/v1/schedules/**",
                    CALENDAR_FEEDS)),
            new ServiceRoute("homework-service", List.of("/api/v1/homework/**")),
            new ServiceRoute("payment-service", List.of("/api/v1/payments/**", "/api/v1/balances/**",
                    "/api/v1/prices/**")),
            new ServiceRoute("notification-service", List.of("/api/v1/notifications/**", "/api/v1/messages/**",
                    "/api/v1/broadcasts/**")),
            new ServiceRoute("material-service", List.of("/api/v1/materials/**")),
            new ServiceRoute("analytics-service", List.of("/api/v1/analytics/**", "/api/v1/reports/**")),
            new ServiceRoute("achievement-service", List.of("/api/v1/achievements/**", "/api/v1/points/**")),
            new ServiceRoute("scheduler-service", List.of("/api/v1/scheduler/**")));

    private RouteTable() {
    }

    /** Every path a caller may use without a token. */
    public static List<String> openPaths() {
        return Stream.of(PUBLIC_AUTH_PATHS, List.of(JWKS, CALENDAR_FEEDS), GATEWAY_OPEN_PATHS)
                .flatMap(List::stream).toList();
    }

    public static List<String> serviceNames() {
        return SERVICES.stream().map(ServiceRoute::service).toList();
    }
}
