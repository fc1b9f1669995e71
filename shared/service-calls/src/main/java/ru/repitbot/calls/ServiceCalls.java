package ru.repitbot.calls;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.RestClient;

/**
 * One service calling another (docs/architecture/conventions.md, shared modules): {@code to("lesson-service")}
 * is a {@link RestClient} whose base URL is the seed's {@code LESSON_SERVICE_URL} (the launcher sets every
 * {@code <NAME>_URL}; default {@code http://127.0.0.1:<its port>}) and which sends this deployable's service token.
 * A 401 makes the token source fetch a new token and the call is tried once more.
 *
 * <p>Use it for reads a service needs at one moment (a job reading the lessons as they are, a report composed from
 * the lesson as it is) and for the few commands one service gives another (the nightly materialisation). Facts
 * another service must learn about go by events, not by calls.
 */
public final class ServiceCalls {

    /** The deployables and their default ports (the launcher's table). */
    public static final Map<String, Integer> DEFAULT_PORTS = Map.ofEntries(Map.entry("api-gateway", 8000),
            Map.entry("user-service", 8001), Map.entry("auth-service", 8002), Map.entry("lesson-service", 8003),
            Map.entry("homework-service", 8004), Map.entry("payment-service", 8005),
            Map.entry("notification-service", 8006), Map.entry("material-service", 8007),
            Map.entry("analytics-service", 8008), Map.entry("achievement-service", 8009),
            Map.entry("scheduler-service", 8010), Map.entry("telegram-bot", 8011));

    private final RestClient.Builder builder;
    private final Environment environment;
    private final ServiceTokenSource tokens;
    private final Map<String, RestClient> clients = new ConcurrentHashMap<>();

    public ServiceCalls(RestClient.Builder builder, Environment environment, ServiceTokenSource tokens) {
        this.builder = builder;
        this.environment = environment;
        this.tokens = tokens;
    }

    /** The seed variable holding a deployable's secret, e.g. {@code SCHEDULER_SERVICE_SECRET_KEY}. */
    public static String secretVariable(String name) {
        return prefix(name) + "_SECRET_KEY";
    }

    /** The seed variable holding a deployable's base URL, e.g. {@code LESSON_SERVICE_URL}. */
    public static String urlVariable(String name) {
        return prefix(name) + "_URL";
    }

    private static String prefix(String name) {
        return name.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** The base URL of {@code service}: {@code repitbot.services.<name>.url}, {@code <NAME>_URL}, or the default. */
    public String baseUrl(String service) {
        String configured = environment.getProperty("repitbot.services." + service + ".url");
        if (configured == null || configured.isBlank()) {
            configured = environment.getProperty(urlVariable(service));
        }
        if (configured == null || configured.isBlank()) {
            Integer port = DEFAULT_PORTS.get(service);
            if (port == null) {
                throw new IllegalArgumentException("Unknown service " + service);
            }
            configured = "http://127.0.0.1:" + port;
        }
        return configured.replaceAll("/+$", "");
    }

    /** A client for {@code service} that sends this deployable's service token. */
    public RestClient to(String service) {
        return clients.computeIfAbsent(service, name -> builder.clone().baseUrl(baseUrl(name))
                .requestInterceptor((request, body, execution) -> {
                    request.getHeaders().setBearerAuth(tokens.bearer());
                    ClientHttpResponse response = execution.execute(request, body);
                    if (response.getStatusCode().value() == HttpStatus.UNAUTHORIZED.value()) {
                        response.close();
                        tokens.invalidate();
                        request.getHeaders().remove(HttpHeaders.AUTHORIZATION);
                        request.getHeaders().setBearerAuth(tokens.bearer());
                        return execution.execute(request, body);
                    }
                    return response;
                })
                .build());
    }
}
