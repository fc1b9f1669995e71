package ru.repitbot.gateway.routing;

import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import reactor.core.publisher.Mono;
import ru.repitbot.config.security.CurrentUser;
import ru.repitbot.gateway.web.GatewayExchange;

/**
 * Who a request counts against. An empty key means "not limited by this limiter" (the filters are set not to deny
 * empty keys).
 */
public final class CallerKeys {

    private CallerKeys() {
    }

    /** The user ({@code sub}) when the token was valid, else the client address; services optionally exempt. */
    public static KeyResolver perCaller(GatewayExchange exchanges, boolean servicesExempt) {
        return exchange -> exchange.getPrincipal()
                .flatMap(principal -> {
                    if (servicesExempt && principal instanceof JwtAuthenticationToken jwt
                            && CurrentUser.SERVICE_ROLE.equals(jwt.getToken().getClaimAsString(CurrentUser.ROLE_CLAIM))) {
                        return Mono.just("");
                    }
                    return Mono.just("user:" + principal.getName());
                })
                .switchIfEmpty(Mono.fromSupplier(() -> "addr:" + exchanges.clientAddress(exchange)))
                .filter(key -> !key.isEmpty());
    }

    /** Only anonymous callers, by client address (login brute force, token endpoint). */
    public static KeyResolver anonymousByAddress(GatewayExchange exchanges) {
        return exchange -> exchange.getPrincipal()
                .map(principal -> "")
                .switchIfEmpty(Mono.fromSupplier(() -> "addr:" + exchanges.clientAddress(exchange)))
                .filter(key -> !key.isEmpty());
    }
}
