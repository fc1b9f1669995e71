package ru.repitbot.auth.app;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.springframework.stereotype.Component;
import ru.repitbot.auth.config.AuthProperties;
import ru.repitbot.config.security.CurrentUser;
import ru.repitbot.config.security.SecurityProperties;

/**
 * Mints access tokens as docs/architecture/contracts.md defines them: RS256 with {@code kid}; {@code iss},
 * {@code aud}, {@code sub} (user id, or {@code service:<client>}), {@code role} ({@code service} for services),
 * {@code jti}, {@code iat}, {@code nbf}, {@code exp}.
 */
@Component
public class AccessTokens {

    private final SigningKeys keys;
    private final String issuer;
    private final String audience;
    private final Duration lifetime;
    private final Clock clock;

    public AccessTokens(SigningKeys keys, SecurityProperties security, AuthProperties properties, Clock clock) {
        this.keys = keys;
        this.issuer = security.issuer();
        this.audience = security.audience();
        this.lifetime = properties.accessTokenLifetime();
        this.clock = clock;
    }

    /** A signed token and when it stops working. */
    public record Issued(String value, Instant expiresAt, long expiresInSeconds) {
    }

    public Issued forUser(long userId, String role) {
        return sign(Long.toString(userId), role);
    }

    public Issued forService(String clientId) {
        return sign(CurrentUser.SERVICE_SUBJECT_PREFIX + clientId, CurrentUser.SERVICE_ROLE);
    }

    public Duration lifetime() {
        return lifetime;
    }

    private Issued sign(String subject, String role) {
        Instant now = clock.instant();
        Instant expires = now.plus(lifetime);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject(subject)
                .claim(CurrentUser.ROLE_CLAIM, role)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(expires))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keys.signingKey().getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new RSASSASigner(keys.signingKey()));
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign a token", e);
        }
        return new Issued(jwt.serialize(), expires, lifetime.toSeconds());
    }
}
