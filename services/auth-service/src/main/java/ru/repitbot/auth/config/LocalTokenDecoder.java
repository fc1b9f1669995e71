package ru.repitbot.auth.config;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import ru.repitbot.config.security.TokenValidation;

/**
 * How auth-service validates tokens on its own endpoints: the same rules as every other service
 * ({@link TokenValidation}: RS256 only, {@code exp}/{@code nbf}, {@code iss}, {@code aud}) against its own public
 * keys instead of fetching its own JWKS over HTTP.
 */
public final class LocalTokenDecoder {

    private LocalTokenDecoder() {
    }

    public static NimbusJwtDecoder create(JWKSet publicKeys, String issuer, String audience) {
        return TokenValidation.checking(NimbusJwtDecoder.withJwkSource(new ImmutableJWKSet<SecurityContext>(publicKeys))
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build(), issuer, audience);
    }
}
