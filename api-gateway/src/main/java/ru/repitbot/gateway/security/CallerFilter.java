package ru.repitbot.gateway.security;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import ru.repitbot.gateway.web.GatewayExchange;

/** After authentication: notes the caller's user id ({@code sub}) on the exchange for the access log. */
public class CallerFilter implements WebFilter, Ordered {

    @Override
    public int getOrder() {
        // Spring Security's chain runs at -100; this comes after it.
        return 0;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return exchange.getPrincipal()
                .doOnNext(principal -> exchange.getAttributes().put(GatewayExchange.USER_ID, principal.getName()))
                .then(Mono.defer(() -> chain.filter(exchange)));
    }
}
