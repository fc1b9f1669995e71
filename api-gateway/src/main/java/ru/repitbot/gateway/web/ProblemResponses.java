package ru.repitbot.gateway.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import ru.repitbot.config.web.Problems;

/**
 * Writes the gateway's own errors as RFC 9457 {@code application/problem+json}, in the services' shape
 * ({@code type urn:repitbot:problem:<kind>}, {@code title}, {@code status}, {@code detail}, {@code instance},
 * {@code request_id}).
 */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String kind, String detail) {
        return write(exchange, status, kind, detail, HttpHeaders.EMPTY);
    }

    public static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String kind, String detail,
            HttpHeaders extraHeaders) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        ProblemDetail problem = Problems.of(status, kind, detail, instance(exchange));
        String requestId = GatewayExchange.requestId(exchange);
        if (requestId != null) {
            problem.setProperty("request_id", requestId);
        } else if (problem.getProperties() != null) {
            problem.getProperties().remove("request_id");
        }
        byte[] body = Problems.toJson(problem).getBytes(StandardCharsets.UTF_8);
        response.setStatusCode(status);
        HttpHeaders headers = response.getHeaders();
        // Whatever a downstream or an earlier filter put there does not describe this body.
        headers.remove(HttpHeaders.CONTENT_ENCODING);
        headers.remove(HttpHeaders.TRANSFER_ENCODING);
        extraHeaders.forEach(headers::put);
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        headers.setContentLength(body.length);
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }

    /** Kind of a status without a more specific one: {@code BAD_GATEWAY} -> {@code bad-gateway}. */
    public static String kindOf(HttpStatus status) {
        return switch (status) {
            case INTERNAL_SERVER_ERROR -> "internal";
            default -> status.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        };
    }

    private static URI instance(ServerWebExchange exchange) {
        try {
            return URI.create(exchange.getRequest().getURI().getRawPath());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
