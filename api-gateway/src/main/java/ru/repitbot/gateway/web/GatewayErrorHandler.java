package ru.repitbot.gateway.web;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.timeout.ReadTimeoutException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpStatusCodeException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.PrematureCloseException;
import ru.repitbot.config.logging.LogSafe;

/**
 * Turns every failure of the gateway into problem+json: no route 404, wrong method 405, rate limit 429 (with
 * {@code Retry-After}), a service refusing connections or breaking them 502, an open circuit breaker 503 (with
 * {@code Retry-After}), a service too slow 504; anything unexpected a logged 500 that reveals nothing.
 */
public class GatewayErrorHandler implements ErrorWebExceptionHandler, Ordered {

    private static final Logger log = LoggerFactory.getLogger(GatewayErrorHandler.class);

    private final Duration circuitOpenDuration;

    public GatewayErrorHandler(Duration circuitOpenDuration) {
        this.circuitOpenDuration = circuitOpenDuration;
    }

    @Override
    public int getOrder() {
        // Before Boot's DefaultErrorWebExceptionHandler (-1).
        return -2;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        String service = GatewayExchange.service(exchange).orElse("the");
        HttpHeaders headers = new HttpHeaders();

        if (error instanceof HttpStatusCodeException rejected) {
            // RequestRateLimiter (throwOnLimit) reports a refused request this way, with Retry-After attached.
            HttpStatus status = HttpStatus.valueOf(rejected.getStatusCode().value());
            copy(rejected.getResponseHeaders(), HttpHeaders.RETRY_AFTER, headers);
            if (status == HttpStatus.TOO_MANY_REQUESTS) {
                return ProblemResponses.write(exchange, status, "too-many-requests",
                        "Too many requests; try again in " + headers.getFirst(HttpHeaders.RETRY_AFTER)
                                + " seconds", headers);
            }
            return ProblemResponses.write(exchange, status, ProblemResponses.kindOf(status), status.getReasonPhrase(),
                    headers);
        }
        if (error instanceof ServiceUnavailableException || has(error, CallNotPermittedException.class)) {
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, circuitOpenDuration.toSeconds())));
            return ProblemResponses.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
                    label(service) + " is unavailable at the moment; try again later", headers);
        }
        if (has(error, ConnectTimeoutException.class) || has(error, TimeoutException.class)
                || has(error, ReadTimeoutException.class)
                || error instanceof ResponseStatusException rse && rse.getStatusCode().value() == 504) {
            return ProblemResponses.write(exchange, HttpStatus.GATEWAY_TIMEOUT, "gateway-timeout",
                    label(service) + " did not answer in time");
        }
        if (has(error, ConnectException.class) || has(error, NoRouteToHostException.class)
                || has(error, UnknownHostException.class) || has(error, PrematureCloseException.class)) {
            GatewayExchange.about(exchange, log.atWarn()).log("Bad gateway to {} for {} {}: {}", service,
                    exchange.getRequest().getMethod(), LogSafe.value(exchange.getRequest().getURI().getRawPath()),
                    error.toString());
            return ProblemResponses.write(exchange, HttpStatus.BAD_GATEWAY, "bad-gateway",
                    label(service) + " could not be reached");
        }
        if (error instanceof ResponseStatusException rse) {
            HttpStatus status = HttpStatus.resolve(rse.getStatusCode().value());
            if (status == null) {
                status = HttpStatus.INTERNAL_SERVER_ERROR;
            }
            copy(rse.getHeaders(), HttpHeaders.ALLOW, headers);
            copy(rse.getHeaders(), HttpHeaders.RETRY_AFTER, headers);
            return ProblemResponses.write(exchange, status, ProblemResponses.kindOf(status),
                    detail(status, rse, exchange), headers);
        }
        GatewayExchange.about(exchange, log.atError()).setCause(error).log("Unhandled gateway error on {} {}",
                exchange.getRequest().getMethod(), LogSafe.value(exchange.getRequest().getURI().getRawPath()));
        return ProblemResponses.write(exchange, HttpStatus.INTERNAL_SERVER_ERROR, "internal",
                "Something went wrong on our side; it has been logged");
    }

    private static String detail(HttpStatus status, ResponseStatusException rse, ServerWebExchange exchange) {
        return switch (status) {
            case NOT_FOUND -> "No such endpoint: " + exchange.getRequest().getURI().getRawPath();
            case METHOD_NOT_ALLOWED -> "Method " + exchange.getRequest().getMethod() + " is not allowed here";
            default -> rse.getReason() != null && status.is4xxClientError() ? rse.getReason()
                    : status.getReasonPhrase();
        };
    }

    private static String label(String service) {
        return "the".equals(service) ? "The service" : "The " + service;
    }

    private static void copy(HttpHeaders from, String name, HttpHeaders to) {
        if (from != null && from.getFirst(name) != null) {
            to.put(name, from.get(name));
        }
    }

    private static boolean has(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
