package ru.repitbot.gateway.web;

import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;
import ru.repitbot.config.logging.LogSafe;

/**
 * One access-log line per request (logger {@code ru.repitbot.gateway.access}), as SLF4J key-values so the JSON log
 * carries them as fields: {@code request_id}, {@code method}, {@code path}, {@code route}, {@code user_id},
 * {@code client}, {@code status}, {@code duration_ms}, and the request's {@code traceId}/{@code spanId}
 * ({@link GatewayExchange#about}).
 *
 * <p>It also hands errors to {@link GatewayErrorHandler} right here, so that the line shows the status the caller
 * really got (the 502/503/504 problem), not the one before the error was rendered.
 */
public class AccessLogFilter implements WebFilter, Ordered {

    public static final int ORDER = RequestIdFilter.ORDER + 1;
    public static final String LOGGER = "ru.repitbot.gateway.access";

    private static final Logger log = LoggerFactory.getLogger(LOGGER);

    private final GatewayErrorHandler errors;
    private final GatewayExchange exchanges;

    public AccessLogFilter(GatewayErrorHandler errors, GatewayExchange exchanges) {
        this.errors = errors;
        this.exchanges = exchanges;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long start = System.nanoTime();
        return chain.filter(exchange)
                .onErrorResume(error -> errors.handle(exchange, error))
                .doFinally(signal -> write(exchange, signal, start));
    }

    private void write(ServerWebExchange exchange, SignalType signal, long start) {
        long durationMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        HttpStatusCode statusCode = exchange.getResponse().getStatusCode();
        int status = signal == SignalType.CANCEL ? 499 : statusCode == null ? 200 : statusCode.value();
        String route = GatewayExchange.route(exchange).map(r -> r.getId()).orElse("-");
        String userId = exchange.getAttribute(GatewayExchange.USER_ID);
        String method = exchange.getRequest().getMethod().name();
        // What the caller typed: cut and escaped before it reaches the log.
        String path = LogSafe.unquoted(exchange.getRequest().getURI().getRawPath());
        String requestId = GatewayExchange.requestId(exchange);
        Level level = status >= 500 ? Level.WARN : Level.INFO;
        GatewayExchange.about(exchange, log.atLevel(level))
                .addKeyValue("method", method)
                .addKeyValue("path", path)
                .addKeyValue("route", route)
                .addKeyValue("user_id", userId)
                .addKeyValue("client", exchanges.clientAddress(exchange))
                .addKeyValue("status", status)
                .addKeyValue("duration_ms", durationMs)
                .log("{} {} {} {} ms route={} user={} request_id={}", method, path, status, durationMs, route,
                        userId == null ? "-" : userId, requestId);
    }
}
