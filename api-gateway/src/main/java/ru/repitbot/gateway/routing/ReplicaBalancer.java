package ru.repitbot.gateway.routing;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import ru.repitbot.gateway.config.GatewaySettings;
import ru.repitbot.gateway.domain.ReplicaRing;
import ru.repitbot.gateway.web.GatewayExchange;

/**
 * Balances each request between the replicas of its service ({@code LESSON_SERVICE_URL=http://a:8003,http://b:8103}):
 * right after the route has turned the request into a URL on the service's first replica, moves it to the replica
 * whose turn it is (round robin, per service). A route's retry filter ({@link RouteConfiguration}) runs the chain
 * again after a refused connection, which lands here again and so on the next replica.
 *
 * <p>Spring Cloud LoadBalancer ({@code lb://} URIs with simple discovery instances) would do the same; it is not on
 * this build's classpath and brings a cache and discovery machinery a fixed list of URLs does not need.
 */
public class ReplicaBalancer implements GlobalFilter, Ordered {

    /** Just after {@link RouteToRequestUrlFilter}, before the Netty routing filter sends the request. */
    public static final int ORDER = RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER + 1;

    private final Map<String, ReplicaRing> rings = new LinkedHashMap<>();

    public ReplicaBalancer(GatewaySettings settings) {
        settings.services().forEach((service, urls) -> {
            if (urls.size() > 1) {
                rings.put(service, new ReplicaRing(urls));
            }
        });
    }

    /** Whether {@code service} has several replicas (its routes then get a retry on refused connections). */
    public boolean balances(String service) {
        return rings.containsKey(service);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (rings.isEmpty()) {
            return chain.filter(exchange);
        }
        URI url = exchange.getAttribute(GATEWAY_REQUEST_URL_ATTR);
        String service = GatewayExchange.service(exchange).orElse(null);
        ReplicaRing ring = service == null ? null : rings.get(service);
        if (url != null && ring != null) {
            exchange.getAttributes().put(GATEWAY_REQUEST_URL_ATTR, ring.next(url));
        }
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
