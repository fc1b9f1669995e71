package ru.repitbot.config.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Token validation settings ({@code repitbot.security.*}).
 *
 * @param authUrl base URL of auth-service; the JWKS is read from {@code <authUrl>/.well-known/jwks.json}
 * @param jwkSetUri overrides the JWKS location
 * @param issuer the required {@code iss}
 * @param audience the required {@code aud}
 * @param publicPaths extra paths of this service that need no token (Ant patterns)
 */
@ConfigurationProperties("repitbot.security")
public record SecurityProperties(String authUrl, String jwkSetUri, String issuer, String audience,
        List<String> publicPaths) {

    public SecurityProperties {
        authUrl = authUrl == null ? "http://127.0.0.1:8002" : authUrl.replaceAll("/+$", "");
        issuer = issuer == null ? "repitbot-auth" : issuer;
        audience = audience == null ? "repitbot" : audience;
        publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
    }

    public String effectiveJwkSetUri() {
        return jwkSetUri != null && !jwkSetUri.isBlank() ? jwkSetUri : authUrl + "/.well-known/jwks.json";
    }
}
