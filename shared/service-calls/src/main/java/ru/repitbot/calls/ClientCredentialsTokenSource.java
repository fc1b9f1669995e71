package ru.repitbot.calls;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;

/**
 * Client credentials at auth-service ({@code POST /api/v1/auth/token} with {@code client_id} = this deployable's name
 * and {@code client_secret} = its {@code <NAME>_SECRET_KEY}); the token is kept until a minute (or half its lifetime,
 * whichever is shorter) before it expires.
 */
public final class ClientCredentialsTokenSource implements ServiceTokenSource {

    private final RestClient auth;
    private final String clientId;
    private final String clientSecret;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile String token;
    private volatile Instant renewAt = Instant.MIN;

    public ClientCredentialsTokenSource(RestClient auth, String clientId, String clientSecret, Clock clock) {
        this.auth = auth;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.clock = clock;
    }

    @Override
    public String bearer() {
        String current = token;
        if (current != null && clock.instant().isBefore(renewAt)) {
            return current;
        }
        lock.lock();
        try {
            if (token == null || !clock.instant().isBefore(renewAt)) {
                fetch();
            }
            return token;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void invalidate() {
        renewAt = Instant.MIN;
    }

    private void fetch() {
        if (clientSecret == null || clientSecret.isBlank()) {
            throw new ServiceCallException(ServiceCalls.secretVariable(clientId) + " is not set: " + clientId
                    + " cannot get a service token from auth-service");
        }
        JsonNode answer;
        try {
            answer = auth.post().uri("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("grant_type", "client_credentials", "client_id", clientId,
                            "client_secret", clientSecret))
                    .retrieve().body(JsonNode.class);
        } catch (RestClientException e) {
            throw new ServiceCallException("auth-service did not give " + clientId + " a service token: "
                    + e.getMessage(), e);
        }
        if (answer == null || answer.path("access_token").asString("").isEmpty()) {
            throw new ServiceCallException("auth-service answered without access_token");
        }
        long expiresIn = Math.max(10, answer.path("expires_in").asLong(300));
        Duration margin = Duration.ofSeconds(Math.min(60, expiresIn / 2));
        token = answer.path("access_token").asString();
        renewAt = clock.instant().plusSeconds(expiresIn).minus(margin);
    }
}
