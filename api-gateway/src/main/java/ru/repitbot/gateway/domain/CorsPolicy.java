package ru.repitbot.gateway.domain;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Which browser origins may call the API, from the seed's {@code CORS_*} settings. Values may come as a comma list
 * or as the seed's JSON-ish {@code ["a","b"]}. Safe by default: no origin is allowed unless listed; {@code *} allows
 * any origin but never with credentials (a browser would send cookies/authorization to anyone).
 */
public record CorsPolicy(List<String> origins, boolean credentials, List<String> methods, List<String> headers) {

    public static final List<String> DEFAULT_METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    public static final List<String> DEFAULT_HEADERS = List.of("Authorization", "Content-Type", "Accept",
            "X-Request-Id", "Idempotency-Key");
    public static final List<String> EXPOSED_HEADERS = List.of("X-Request-Id", "Retry-After", "Location");

    public CorsPolicy {
        origins = clean(origins);
        methods = clean(methods).stream().map(m -> m.toUpperCase(Locale.ROOT)).toList();
        headers = clean(headers);
        if (methods.isEmpty()) {
            methods = DEFAULT_METHODS;
        }
        if (headers.isEmpty()) {
            headers = DEFAULT_HEADERS;
        }
    }

    public boolean allowsAnyOrigin() {
        return origins.contains("*");
    }

    public boolean allowsNoOrigin() {
        return origins.isEmpty();
    }

    /** Credentials only for listed origins, never for {@code *}. */
    public boolean credentialsAllowed() {
        return credentials && !allowsAnyOrigin();
    }

    static List<String> clean(List<String> raw) {
        if (raw == null) {
            return List.of();
        }
        return raw.stream()
                .flatMap(v -> v == null ? Stream.empty() : Stream.of(v.split(",")))
                .map(v -> v.replaceAll("[\\[\\]\"']", "").trim())
                .map(v -> v.endsWith("/") && !v.equals("/") ? v.substring(0, v.length() - 1) : v)
                .filter(v -> !v.isEmpty())
                .distinct()
                .toList();
    }
}
