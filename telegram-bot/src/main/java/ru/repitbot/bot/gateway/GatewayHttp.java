package ru.repitbot.bot.gateway;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.web.util.DefaultUriBuilderFactory;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP to the API gateway (JDK client, so it runs on the handling virtual thread): JSON in and out, path variables
 * encoded strictly ({@code +} in an offset becomes {@code %2B}), problems decoded into {@link GatewayProblem}, 5xx and
 * network failures into {@link GatewayUnavailable}. It knows no tokens; {@link Gateway} and {@link AuthApi} do.
 */
public final class GatewayHttp {

    private final HttpClient client;
    private final DefaultUriBuilderFactory uris;
    private final Duration timeout;
    private final JsonMapper json;

    public GatewayHttp(URI baseUrl, Duration timeout, JsonMapper json) {
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.uris = new DefaultUriBuilderFactory(baseUrl.toString().replaceAll("/+$", ""));
        this.uris.setEncodingMode(DefaultUriBuilderFactory.EncodingMode.VALUES_ONLY);
        this.timeout = timeout;
        this.json = json;
    }

    public JsonMapper json() {
        return json;
    }

    /** An answer: status, headers, body. */
    public record Response(int status, HttpHeaders headers, byte[] body) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /**
     * Sends one request.
     *
     * @param path a template such as {@code /api/v1/users/{id}}; {@code vars} fill it in order
     * @throws GatewayUnavailable when no answer came
     */
    public Response send(String method, String path, Object[] vars, Object body, String bearer,
            Map<String, String> headers) {
        URI uri = uris.expand(path, vars);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept",
                "application/json, application/problem+json");
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        headers.forEach(request::header);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json");
            request.method(method, HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
        }
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new GatewayUnavailable(method + " " + path + " failed: " + e, 0, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayUnavailable(method + " " + path + " interrupted", 0, e);
        }
    }

    /** The body of a 2xx answer as {@code type}; null for an empty body. */
    public <T> T decode(Response response, JavaType type) {
        if (response.body() == null || response.body().length == 0 || type.getRawClass() == Void.class) {
            return null;
        }
        return json.readValue(response.body(), type);
    }

    /** The exception for a non-2xx answer: a problem for 4xx, unavailable for 5xx. */
    public GatewayException failure(String method, String path, Response response) {
        if (response.status() >= 500 || response.status() < 400) {
            return new GatewayUnavailable(method + " " + path + " answered " + response.status(), response.status(),
                    null);
        }
        String title = null;
        String detail = null;
        Duration retryAfter = null;
        List<GatewayProblem.FieldError> errors = new ArrayList<>();
        Map<String, String> properties = new java.util.HashMap<>();
        try {
            JsonNode problem = response.body().length == 0 ? null : json.readTree(response.body());
            if (problem != null && problem.isObject()) {
                title = text(problem.get("title"));
                detail = text(problem.get("detail"));
                for (JsonNode error : problem.path("errors")) {
                    errors.add(new GatewayProblem.FieldError(text(error.get("field")), text(error.get("reason"))));
                }
                if (problem.hasNonNull("retry_after") && problem.get("retry_after").canConvertToLong()) {
                    retryAfter = Duration.ofSeconds(problem.get("retry_after").asLong());
                }
                for (var member : problem.properties()) {
                    if (member.getValue().isValueNode() && !member.getValue().isNull()) {
                        properties.put(member.getKey(), member.getValue().asString());
                    }
                }
            }
        } catch (RuntimeException notJson) {
            // A proxy's HTML error page: the status alone tells enough.
        }
        if (retryAfter == null) {
            retryAfter = response.headers().firstValue("Retry-After").flatMap(GatewayHttp::seconds).orElse(null);
        }
        return new GatewayProblem(response.status(), title, detail, errors, retryAfter, properties);
    }

    private static java.util.Optional<Duration> seconds(String value) {
        try {
            return java.util.Optional.of(Duration.ofSeconds(Long.parseLong(value.strip())));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asString();
    }
}
