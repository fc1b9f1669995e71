package ru.repitbot.gateway.web;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.handler.TracingObservationHandler;
import java.net.InetSocketAddress;
import java.util.Optional;
import org.slf4j.spi.LoggingEventBuilder;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.cloud.gateway.support.ipresolver.RemoteAddressResolver;
import org.springframework.cloud.gateway.support.ipresolver.XForwardedRemoteAddressResolver;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
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

    /**
     * A log line about this request: its request id and its trace ({@code traceId}/{@code spanId}, the names the
     * services' lines use), taken from the request's observation, as the gateway does not copy the trace into a
     * thread-local MDC around every reactive operator.
     */
    public static LoggingEventBuilder about(ServerWebExchange exchange, LoggingEventBuilder line) {
        TraceContext trace = ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(context -> context.<TracingObservationHandler.TracingContext>get(
                        TracingObservationHandler.TracingContext.class))
                .map(TracingObservationHandler.TracingContext::getSpan)
                .map(Span::context)
                .orElse(null);
        if (trace != null) {
            line = line.addKeyValue("traceId", trace.traceId()).addKeyValue("spanId", trace.spanId());
        }
        return line.addKeyValue("request_id", requestId(exchange));
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
