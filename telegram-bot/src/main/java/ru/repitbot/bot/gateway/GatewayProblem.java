package ru.repitbot.bot.gateway;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A 4xx answer (RFC 9457 {@code application/problem+json}): status, the server's title and sentence, the fields at
 * fault ({@code errors[].field/reason}) and, for 429, how long to wait.
 */
public final class GatewayProblem extends GatewayException {

    /** One field a 400 names, with the reason. */
    public record FieldError(String field, String reason) {
    }

    private final int status;
    private final String title;
    private final String detail;
    private final List<FieldError> errors;
    private final Duration retryAfter;
    private final Map<String, String> properties;

    public GatewayProblem(int status, String title, String detail, List<FieldError> errors, Duration retryAfter) {
        this(status, title, detail, errors, retryAfter, Map.of());
    }

    /**
     * @param properties the problem's other top-level values, as text (a 409 overlap's {@code conflicting_lesson_id}
     *                   and {@code conflicting_start_at})
     */
    public GatewayProblem(int status, String title, String detail, List<FieldError> errors, Duration retryAfter,
            Map<String, String> properties) {
        super("gateway answered " + status + (title == null ? "" : " " + title), null);
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.retryAfter = retryAfter;
        this.properties = properties == null ? Map.of() : Map.copyOf(properties);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The server's own sentence (a 409 explains the conflict in it). */
    public String detail() {
        return detail;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** For 429: how long until a retry may succeed; null when the server did not say. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** Another top-level value of the problem (an extension member such as {@code conflicting_lesson_id}). */
    public Optional<String> property(String name) {
        return Optional.ofNullable(properties.get(name));
    }

    public boolean isNotFound() {
        return status == 404;
    }

    public boolean isForbidden() {
        return status == 403;
    }

    public boolean isConflict() {
        return status == 409;
    }

    public boolean isUnauthorized() {
        return status == 401;
    }

    public boolean isTooManyRequests() {
        return status == 429;
    }

    public boolean isBadRequest() {
        return status == 400;
    }
}
