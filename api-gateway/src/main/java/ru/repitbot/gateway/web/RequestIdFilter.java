package ru.repitbot.gateway.web;

import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import ru.repitbot.gateway.domain.RequestIds;

/**
 * First of all filters: every request gets an {@code X-Request-Id} (the caller's when safe, else a new one), which is
 * sent on to the service, returned to the caller and written in the access log and problem bodies.
 */
public class RequestIdFilter implements WebFilter, Ordered {

    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE;

    private final RequestIds ids = new RequestIds();

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String id = ids.accept(exchange.getRequest().getHeaders().getFirst(RequestIds.HEADER));
        exchange.getAttributes().put(GatewayExchange.REQUEST_ID, id);
        ServerHttpResponse response = exchange.getResponse();
        // Set at commit time so that the service's echo of the header does not end up twice.
        response.beforeCommit(() -> {
            response.getHeaders().set(RequestIds.HEADER, id);
            return Mono.empty();
        });
        ServerWebExchange withId = exchange.mutate()
                .request(r -> r.headers(h -> h.set(RequestIds.HEADER, id)))
                .build();
        return chain.filter(withId);
    }
}
