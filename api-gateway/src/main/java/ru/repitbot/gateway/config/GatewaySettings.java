package ru.repitbot.gateway.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import ru.repitbot.gateway.domain.CorsPolicy;
import ru.repitbot.gateway.domain.RateWindow;

/**
 * The gateway's settings ({@code repitbot.gateway.*}); the seed's {@code RATE_LIMIT_*} and {@code CORS_*} are mapped
 * onto them by shared/config, the {@code <NAME>_SERVICE_URL}s in {@code application.yml}.
 *
 * @param services base URLs of each deployable, by name: one, or several replicas ({@code <NAME>_SERVICE_URL} with
 *     comma-separated URLs), between which the gateway balances round robin ({@code ReplicaBalancer})
 * @param connectTimeout how long to wait for a TCP connection to a service
 * @param responseTimeout how long to wait for a service's response headers
 * @param trustedProxies how many reverse proxies in front of the gateway append to {@code X-Forwarded-For}; 0 (the
 *     default) uses the TCP peer as the client address and ignores the header
 * @param rateLimit request limits
 * @param cors browser origins
 * @param circuitBreaker when a failing service is cut off
 * @param downstreamHealth whether {@code /health} lists each service's reachability (never failing the gateway's)
 */
@ConfigurationProperties("repitbot.gateway")
public record GatewaySettings(Map<String, List<URI>> services, Duration connectTimeout, Duration responseTimeout,
        int trustedProxies, RateLimit rateLimit, Cors cors, CircuitBreaker circuitBreaker,
        boolean downstreamHealth) {

    public GatewaySettings {
        services = services == null ? Map.of() : services.entrySet().stream()
                .filter(e -> e.getValue() != null && !e.getValue().isEmpty())
                .collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> List.copyOf(e.getValue())));
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
        responseTimeout = responseTimeout == null ? Duration.ofSeconds(30) : responseTimeout;
        rateLimit = rateLimit == null ? new RateLimit(true, 100, 60, 10, 60, true, null) : rateLimit;
        cors = cors == null ? new Cors(null, false, null, null, null) : cors;
        circuitBreaker = circuitBreaker == null ? new CircuitBreaker(50, 20, 10, null, 3) : circuitBreaker;
    }

    /** The base URL of {@code service} (its first replica's); fails at start-up when it is missing. */
    public URI serviceUrl(String service) {
        return serviceUrls(service).getFirst();
    }

    /** The base URLs of {@code service}'s replicas, at least one; fails at start-up when none is configured. */
    public List<URI> serviceUrls(String service) {
        List<URI> uris = services.get(service);
        if (uris == null) {
            throw new IllegalStateException("No URL configured for " + service
                    + " (repitbot.gateway.services." + service + ")");
        }
        return uris;
    }

    /**
     * What the downstream health probes: each service by name, or {@code name[i]} per replica when it has several.
     */
    public Map<String, URI> probeTargets() {
        Map<String, URI> targets = new java.util.TreeMap<>();
        services.forEach((name, uris) -> {
            if (uris.size() == 1) {
                targets.put(name, uris.getFirst());
            } else {
                for (int i = 0; i < uris.size(); i++) {
                    targets.put(name + "[" + i + "]", uris.get(i));
                }
            }
        });
        return targets;
    }

    /**
     * @param enabled {@code RATE_LIMIT_ENABLED}
     * @param requests {@code RATE_LIMIT_REQUESTS} per caller (user id, or client address when anonymous)
     * @param windowSeconds {@code RATE_LIMIT_WINDOW}
     * @param authRequests extra limit per client address for the anonymous auth endpoints (login, refresh, …)
     * @param authWindowSeconds its window
     * @param servicesExempt whether service tokens (role {@code service}) skip the per-caller limit
     * @param keyPrefix namespace of the limiter's Redis keys (one installation or test run per prefix)
     */
    public record RateLimit(Boolean enabled, Integer requests, Integer windowSeconds, Integer authRequests,
            Integer authWindowSeconds, Boolean servicesExempt, String keyPrefix) {

        public RateLimit {
            enabled = enabled == null || enabled;
            requests = requests == null ? 100 : requests;
            windowSeconds = windowSeconds == null ? 60 : windowSeconds;
            authRequests = authRequests == null ? 10 : authRequests;
            authWindowSeconds = authWindowSeconds == null ? 60 : authWindowSeconds;
            servicesExempt = servicesExempt == null || servicesExempt;
            keyPrefix = keyPrefix == null || keyPrefix.isBlank() ? "repitbot" : keyPrefix.trim();
        }

        public RateWindow perCaller() {
            return new RateWindow(requests, windowSeconds);
        }

        public RateWindow anonymousAuth() {
            return new RateWindow(authRequests, authWindowSeconds);
        }
    }

    /** {@code CORS_ORIGINS}, {@code CORS_CREDENTIALS}, {@code CORS_METHODS}, {@code CORS_HEADERS}. */
    public record Cors(List<String> origins, boolean credentials, List<String> methods, List<String> headers,
            Duration maxAge) {

        public Cors {
            maxAge = maxAge == null ? Duration.ofHours(1) : maxAge;
        }

        public CorsPolicy policy() {
            return new CorsPolicy(origins, credentials, methods, headers);
        }
    }

    /**
     * Resilience4j settings shared by every route's breaker (one breaker per route).
     *
     * @param failureRateThreshold percentage of failed calls that opens the breaker
     * @param slidingWindow how many recent calls are counted
     * @param minimumCalls calls needed before the rate is judged
     * @param openDuration how long an open breaker refuses calls before trying again
     * @param halfOpenCalls trial calls while half open
     */
    public record CircuitBreaker(int failureRateThreshold, int slidingWindow, int minimumCalls, Duration openDuration,
            int halfOpenCalls) {

        public CircuitBreaker {
            failureRateThreshold = failureRateThreshold <= 0 ? 50 : failureRateThreshold;
            slidingWindow = slidingWindow <= 0 ? 20 : slidingWindow;
            minimumCalls = minimumCalls <= 0 ? 10 : minimumCalls;
            openDuration = openDuration == null ? Duration.ofSeconds(30) : openDuration;
            halfOpenCalls = halfOpenCalls <= 0 ? 3 : halfOpenCalls;
        }
    }
}
