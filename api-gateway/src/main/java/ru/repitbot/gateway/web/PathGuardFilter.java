package ru.repitbot.gateway.web;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import ru.repitbot.gateway.domain.PathSafety;

/** Refuses (400) paths that a service might normalise into another one, e.g. into {@code /internal/**}. */
public class PathGuardFilter implements WebFilter, Ordered {

    public static final int ORDER = AccessLogFilter.ORDER + 1;

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!PathSafety.isSafe(exchange.getRequest().getURI().getRawPath())) {
            return ProblemResponses.write(exchange, HttpStatus.BAD_REQUEST, "invalid-path",
                    "The path contains dot segments, encoded slashes or control characters");
        }
        return chain.filter(exchange);
    }
}
