package ru.repitbot.gateway.domain;

import java.util.List;

/**
 * One downstream deployable and the public paths it owns, as in {@code docs/architecture/contracts.md}.
 *
 * @param service the deployable's name (also the route id and the circuit breaker's name)
 * @param paths the path patterns routed to it, unchanged
 */
public record ServiceRoute(String service, List<String> paths) {

    public ServiceRoute {
        if (service == null || service.isBlank()) {
            throw new IllegalArgumentException("service must be named");
        }
        paths = List.copyOf(paths);
        if (paths.isEmpty()) {
            throw new IllegalArgumentException(service + " owns no paths");
        }
    }
}
