package ru.repitbot.gateway.health;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Lists whether each service answers its {@code /health}, for an operator's overview. Always UP itself: a service
 * being down is that service's problem (its routes answer 502/503), not a reason to take the gateway out of rotation.
 * Probes are cached for a few seconds so that polling {@code /health} does not multiply into the services.
 */
public class DownstreamHealthIndicator implements ReactiveHealthIndicator {

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration CACHE = Duration.ofSeconds(10);

    private final Map<String, URI> services;
    private final boolean enabled;
    private final WebClient client = WebClient.create();
    private final Mono<Health> cached;

    public DownstreamHealthIndicator(Map<String, URI> services, boolean enabled) {
        this.services = Map.copyOf(services);
        this.enabled = enabled;
        this.cached = Mono.defer(this::probeAll).cache(CACHE);
    }

    @Override
    public Mono<Health> health() {
        if (!enabled) {
            return Mono.just(Health.up().withDetail("probes", "disabled").build());
        }
        return cached;
    }

    private Mono<Health> probeAll() {
        return Flux.fromIterable(services.entrySet())
                .flatMap(e -> probe(e.getValue()).map(state -> Map.entry(e.getKey(), state)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, TreeMap::new)
                .map(states -> Health.up().withDetails(states).build());
    }

    private Mono<String> probe(URI base) {
        return client.get().uri(base.resolve("/health"))
                .exchangeToMono(response -> response.releaseBody()
                        .thenReturn(response.statusCode().is2xxSuccessful() ? "UP"
                                : "DOWN (" + response.statusCode().value() + ")"))
                .timeout(PROBE_TIMEOUT)
                .onErrorReturn("UNREACHABLE");
    }
}
