package ru.repitbot.gateway.web;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import ru.repitbot.config.docs.DocsPaths;

/**
 * The combined Swagger UI, the services' documents under {@code /openapi/} and the gateway's own answer 404 when the
 * API docs are off ({@code ENVIRONMENT=production} without {@code DOCS_ENABLED=true}; shared/config's
 * {@code DeploymentMode}), decided at run time like the services' {@code DocsGateFilter}.
 */
public class DocsGateWebFilter implements WebFilter, Ordered {

    private final boolean enabled;

    public DocsGateWebFilter(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public int getOrder() {
        return PathGuardFilter.ORDER + 1;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!enabled && DocsPaths.isDocsPath(exchange.getRequest().getPath().value())) {
            return ProblemResponses.write(exchange, HttpStatus.NOT_FOUND, "not-found",
                    "No such endpoint: the API docs are off here (DOCS_ENABLED)");
        }
        return chain.filter(exchange);
    }
}
