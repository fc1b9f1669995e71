package ru.repitbot.bot.gateway;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import ru.repitbot.bot.session.Login;
import ru.repitbot.bot.session.SessionStore;
import ru.repitbot.models.Role;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JavaType;

/**
 * The gateway on behalf of one person: every call carries their access token. A token about to expire is refreshed
 * first; a 401 is answered by one refresh and one retry. A refresh the server refuses (revoked family, reused token,
 * code reset, user deleted) ends the login: the tokens are forgotten and {@link SessionEndedException} tells the
 * router to ask for /start.
 *
 * <p>Paths are templates filled in order: {@code get(User.class, "/api/v1/users/{id}", id)}.
 */
public final class Gateway {

    private static final Duration EARLY_REFRESH = Duration.ofSeconds(30);

    private final GatewayHttp http;
    private final AuthApi auth;
    private final SessionStore sessions;
    private final long telegramUserId;
    private final Clock clock;

    public Gateway(GatewayHttp http, AuthApi auth, SessionStore sessions, long telegramUserId, Clock clock) {
        this.http = http;
        this.auth = auth;
        this.sessions = sessions;
        this.telegramUserId = telegramUserId;
        this.clock = clock;
    }

    public <T> T get(Class<T> type, String path, Object... vars) {
        return call("GET", path, vars, null, Map.of(), http.json().constructType(type));
    }

    public <T> T get(TypeReference<T> type, String path, Object... vars) {
        return call("GET", path, vars, null, Map.of(), http.json().constructType(type));
    }

    public <T> T post(Class<T> type, String path, Object body, Object... vars) {
        return call("POST", path, vars, body, Map.of(), http.json().constructType(type));
    }

    /**
     * A POST that creates money or lessons, with an {@code Idempotency-Key} (the services replay the first answer for
     * the same key and body): derive the key from the update, e.g. {@code "tg-" + turn.event().updateId()}.
     */
    public <T> T postIdempotent(Class<T> type, String idempotencyKey, String path, Object body, Object... vars) {
        return call("POST", path, vars, body, Map.of("Idempotency-Key", idempotencyKey),
                http.json().constructType(type));
    }

    public <T> T patch(Class<T> type, String path, Object body, Object... vars) {
        return call("PATCH", path, vars, body, Map.of(), http.json().constructType(type));
    }

    public <T> T put(Class<T> type, String path, Object body, Object... vars) {
        return call("PUT", path, vars, body, Map.of(), http.json().constructType(type));
    }

    public void put(String path, Object body, Object... vars) {
        call("PUT", path, vars, body, Map.of(), http.json().constructType(Void.class));
    }

    public void delete(String path, Object... vars) {
        call("DELETE", path, vars, null, Map.of(), http.json().constructType(Void.class));
    }

    private <T> T call(String method, String path, Object[] vars, Object body, Map<String, String> headers,
            JavaType type) {
        Login login = current(false);
        GatewayHttp.Response response = http.send(method, path, vars, body, login.accessToken(), headers);
        if (response.status() == 401) {
            login = current(true);
            response = http.send(method, path, vars, body, login.accessToken(), headers);
            if (response.status() == 401) {
                endSession();
                throw new SessionEndedException("the gateway refused a freshly refreshed token");
            }
        }
        if (!response.ok()) {
            throw http.failure(method, path, response);
        }
        return http.decode(response, type);
    }

    /** The login with a token good for a while; refreshed when {@code force} or about to expire. */
    private Login current(boolean force) {
        Login login = sessions.login(telegramUserId)
                .orElseThrow(() -> new SessionEndedException("not logged in"));
        if (!force && login.accessExpiresAt().isAfter(clock.instant().plus(EARLY_REFRESH))) {
            return login;
        }
        AuthApi.TokenPair pair;
        try {
            pair = auth.refresh(login.refreshToken());
        } catch (GatewayProblem refused) {
            if (refused.isTooManyRequests()) {
                throw refused;
            }
            endSession();
            throw new SessionEndedException("refresh refused with " + refused.status());
        }
        Instant now = clock.instant();
        Login renewed = new Login(login.userId(),
                pair.userRole() == null ? login.role() : Role.fromValue(pair.userRole()),
                pair.fullName() == null ? login.fullName() : pair.fullName(), pair.accessToken(), pair.refreshToken(),
                now.plusSeconds(pair.expiresIn()), now.plusSeconds(pair.refreshExpiresIn()));
        sessions.saveLogin(telegramUserId, renewed);
        return renewed;
    }

    private void endSession() {
        sessions.forgetLogin(telegramUserId);
    }
}
