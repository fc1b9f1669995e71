package ru.repitbot.auth.client;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import ru.repitbot.auth.app.DependencyUnavailableException;
import ru.repitbot.auth.app.SelfServiceToken;
import tools.jackson.databind.JsonNode;
import ru.repitbot.config.logging.LogSafe;

/**
 * auth-service's calls to user-service (docs/architecture/contracts.md "Login"), with auth-service's own service
 * token: {@code POST /internal/v1/access-codes/verify} and {@code GET /api/v1/users/{id}}. Anything but the
 * contract's answers (timeouts, 5xx, a refused token) is {@link DependencyUnavailableException}.
 */
@Component
public class UserServiceClient {

    private static final Logger log = LoggerFactory.getLogger(UserServiceClient.class);
    static final String DEPENDENCY = "user-service";

    private final RestClient http;
    private final SelfServiceToken token;

    public UserServiceClient(RestClient userServiceRestClient, SelfServiceToken token) {
        this.http = userServiceRestClient;
        this.token = token;
    }

    /** The outcome of checking an access code. */
    public sealed interface Verification {
    }

    /** The code is right; the user is bound to this Telegram id. */
    public record Verified(long userId, String role, String fullName) implements Verification {
    }

    /** No user has this code. */
    public record WrongCode() implements Verification {
    }

    /** The code's user is bound to another Telegram account, or this account to another user. */
    public record BoundElsewhere(String detail) implements Verification {
    }

    /**
     * What refresh needs to know about a user.
     *
     * @param telegramId the Telegram account the user is bound to now; {@code null} when unbound (user-service leaves
     *     the null field out of its answer)
     */
    public record UserInfo(long userId, String role, String fullName, Long telegramId) {
    }

    public Verification verify(String accessCode, long telegramId, String username) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_code", accessCode);
        body.put("telegram_id", telegramId);
        body.put("username", username);
        return call("verify", () -> http.post().uri("/internal/v1/access-codes/verify")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token.value())
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                .body(body)
                .exchange((request, response) -> {
                    HttpStatusCode status = response.getStatusCode();
                    if (status.value() == 200) {
                        JsonNode json = response.bodyTo(JsonNode.class);
                        long userId = json == null ? 0 : json.path("user_id").asLong(0);
                        String role = text(json, "role");
                        if (userId <= 0 || role == null) {
                            throw unexpected("verify", status, "answer without user_id or role");
                        }
                        return new Verified(userId, role, text(json, "full_name"));
                    }
                    if (status.value() == 404) {
                        return new WrongCode();
                    }
                    if (status.value() == 409) {
                        return new BoundElsewhere(detail(response));
                    }
                    throw unexpected("verify", status, detail(response));
                }));
    }

    /** @return empty when user-service answers 404 (the user was deleted) */
    public Optional<UserInfo> find(long userId) {
        return call("get user", () -> http.get().uri("/api/v1/users/{id}", userId)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token.value())
                .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                .exchange((request, response) -> {
                    HttpStatusCode status = response.getStatusCode();
                    if (status.value() == 200) {
                        JsonNode json = response.bodyTo(JsonNode.class);
                        JsonNode telegram = json == null ? null : json.path("telegram_id");
                        Long telegramId = null;
                        if (telegram != null && telegram.isIntegralNumber() && telegram.canConvertToLong()) {
                            telegramId = telegram.asLong();
                        } else if (telegram != null && !telegram.isMissingNode() && !telegram.isNull()) {
                            // Not "unbound": refuse to guess (and so to end the login); the token stays usable.
                            throw unexpected("get user", status, "telegram_id is not an integer");
                        }
                        return Optional.of(new UserInfo(userId, text(json, "role"), text(json, "full_name"),
                                telegramId));
                    }
                    if (status.value() == 404) {
                        return Optional.<UserInfo>empty();
                    }
                    throw unexpected("get user", status, detail(response));
                }));
    }

    private static <T> T call(String what, java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (DependencyUnavailableException e) {
            throw e;
        } catch (RestClientException | tools.jackson.core.JacksonException e) {
            log.warn("user-service {} failed: {}", what, e.toString());
            throw new DependencyUnavailableException(DEPENDENCY, e);
        }
    }

    private static DependencyUnavailableException unexpected(String what, HttpStatusCode status, String detail) {
        if (status.value() == 401 || status.value() == 403) {
            log.error("user-service refused auth-service's own service token on {} ({}): {}", what, status,
                    LogSafe.value(detail));
        } else {
            log.warn("user-service {} answered {}: {}", what, status, LogSafe.value(detail));
        }
        return new DependencyUnavailableException(DEPENDENCY, "answered " + status.value());
    }

    private static String detail(RestClient.RequestHeadersSpec.ConvertibleClientHttpResponse response) {
        try {
            JsonNode json = response.bodyTo(JsonNode.class);
            return text(json, "detail");
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String text(JsonNode json, String field) {
        if (json == null) {
            return null;
        }
        JsonNode node = json.path(field);
        return node.isString() ? node.stringValue() : null;
    }
}
