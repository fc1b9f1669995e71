package ru.repitbot.gateway.web;

import java.net.InetSocketAddress;
import java.util.Optional;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.cloud.gateway.support.ipresolver.RemoteAddressResolver;
import org.springframework.cloud.gateway.support.ipresolver.XForwardedRemoteAddressResolver;
import org.springframework.web.server.ServerWebExchange;

/** What the gateway records about an exchange (attributes shared by its filters) and how it reads the caller. */
public final class GatewayExchange {

    public static final String REQUEST_ID = GatewayExchange.class.getName() + ".requestId";
    public static final String USER_ID = GatewayExchange.class.getName() + ".userId";
    /** Route metadata key naming the deployable a route leads to. */
    public static final String SERVICE_METADATA = "service";

    private final RemoteAddressResolver addresses;

    /** @param trustedProxies reverse proxies in front of the gateway; 0 = trust no {@code X-Forwarded-For} */
    public GatewayExchange(int trustedProxies) {
        this.addresses = trustedProxies > 0 ? XForwardedRemoteAddressResolver.maxTrustedIndex(trustedProxies)
                : new RemoteAddressResolver() { };
    }

    /** The caller's address: the TCP peer, or the proxies' {@code X-Forwarded-For} entry when proxies are trusted. */
    public String clientAddress(ServerWebExchange exchange) {
        InetSocketAddress address = addresses.resolve(exchange);
        if (address == null) {
            return "unknown";
        }
        return address.getAddress() != null ? address.getAddress().getHostAddress() : address.getHostString();
    }

    public static String requestId(ServerWebExchange exchange) {
        return exchange.getAttribute(REQUEST_ID);
    }

    public static Optional<Route> route(ServerWebExchange exchange) {
        return Optional.ofNullable(exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR));
    }

    /** The deployable the request went to, when it was routed. */
    public static Optional<String> service(ServerWebExchange exchange) {
        return route(exchange).map(r -> String.valueOf(r.getMetadata().getOrDefault(SERVICE_METADATA, r.getId())));
    }
}
