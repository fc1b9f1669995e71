package ru.repitbot.auth.domain;

import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Who may get a service token (client credentials): the deployables, each with the secret from the seed's
 * {@code <NAME>_SECRET_KEY} variable. A client without a configured secret cannot get a token. Secrets are compared
 * in constant time (digests of equal length, {@link MessageDigest#isEqual}), unknown clients included.
 */
public final class ServiceClients {

    /** Every deployable that may call others with a service token. */
    public static final List<String> KNOWN = List.of("user-service", "auth-service", "lesson-service",
            "homework-service", "payment-service", "notification-service", "material-service", "analytics-service",
            "achievement-service", "scheduler-service", "api-gateway", "telegram-bot");

    private static final byte[] NO_SECRET = OpaqueTokens.sha256("\u0000no-secret-configured\u0000");

    private final Map<String, byte[]> secretDigests;

    private ServiceClients(Map<String, byte[]> secretDigests) {
        this.secretDigests = secretDigests;
    }

    /**
     * @param secretOf the configured secret of a client id, or {@code null}/blank when it has none
     */
    public static ServiceClients configure(java.util.function.Function<String, String> secretOf) {
        Map<String, byte[]> digests = new TreeMap<>();
        for (String client : KNOWN) {
            String secret = secretOf.apply(client);
            if (secret != null && !secret.isBlank()) {
                digests.put(client, OpaqueTokens.sha256(secret));
            }
        }
        return new ServiceClients(Map.copyOf(digests));
    }

    /** The seed variable holding a client's secret, e.g. {@code TELEGRAM_BOT_SECRET_KEY}. */
    public static String secretVariable(String clientId) {
        return clientId.toUpperCase(Locale.ROOT).replace('-', '_') + "_SECRET_KEY";
    }

    /** @return the client id when {@code secret} is that client's configured secret */
    public Optional<String> authenticate(String clientId, String secret) {
        byte[] expected = clientId == null ? null : secretDigests.get(clientId);
        byte[] given = OpaqueTokens.sha256(secret == null ? "" : secret);
        boolean equal = MessageDigest.isEqual(expected == null ? NO_SECRET : expected, given);
        return equal && expected != null ? Optional.of(clientId) : Optional.empty();
    }

    /** The clients that have a secret, for the start-up log. */
    public List<String> configured() {
        return List.copyOf(secretDigests.keySet());
    }
}
