package ru.repitbot.bot.gateway;

import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.JavaType;

/**
 * auth-service through the gateway: login with an access code, refresh, logout — each with the bot's service token
 * ({@link ServiceTokens}) as contracts.md asks.
 */
public final class AuthApi {

    /** A token pair as login and refresh return it. */
    public record TokenPair(String accessToken, String refreshToken, String tokenType, long expiresIn,
            long refreshExpiresIn, long userId, String userRole, String fullName) {

        @Override
        public String toString() {
            return "TokenPair[userId=" + userId + ", role=" + userRole + "]";
        }
    }

    private final GatewayHttp http;
    private final ServiceTokens serviceTokens;
    private final JavaType tokenPair;

    public AuthApi(GatewayHttp http, ServiceTokens serviceTokens) {
        this.http = http;
        this.serviceTokens = serviceTokens;
        this.tokenPair = http.json().constructType(TokenPair.class);
    }

    /**
     * Binds the code to the Telegram account and logs in.
     *
     * @throws GatewayProblem 401 wrong code, 409 bound to another account, 429 locked out, 400 bad format
     */
    public TokenPair login(String accessCode, long telegramId, String username) {
        Map<String, Object> body = new HashMap<>();
        body.put("access_code", accessCode);
        body.put("telegram_id", telegramId);
        if (username != null && !username.isBlank()) {
            body.put("username", username);
        }
        return post("/api/v1/auth/login", body);
    }

    /** @throws GatewayProblem 401 when the login is over (revoked, reused, code reset, user deleted) */
    public TokenPair refresh(String refreshToken) {
        return post("/api/v1/auth/refresh", Map.of("refresh_token", refreshToken));
    }

    public void logout(String refreshToken) {
        GatewayHttp.Response response = http.send("POST", "/api/v1/auth/logout", new Object[0],
                Map.of("refresh_token", refreshToken), serviceTokens.bearer().orElse(null), Map.of());
        if (!response.ok()) {
            throw http.failure("POST", "/api/v1/auth/logout", response);
        }
    }

    private TokenPair post(String path, Object body) {
        GatewayHttp.Response response = http.send("POST", path, new Object[0], body,
                serviceTokens.bearer().orElse(null), Map.of());
        if (response.status() == 401 && isBadServiceToken(response)) {
            serviceTokens.invalidate();
        }
        if (!response.ok()) {
            throw http.failure("POST", path, response);
        }
        return http.decode(response, tokenPair);
    }

    /** auth-service ignores a stale bearer on its open endpoints; kept as a safety net for a gateway that does not. */
    private static boolean isBadServiceToken(GatewayHttp.Response response) {
        return response.headers().firstValue("WWW-Authenticate").map(h -> h.contains("invalid_token")).orElse(false);
    }
}
