package ru.repitbot.auth.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/** auth-service's own token validation ({@code TokenValidation} rules on its local keys), with real tokens. */
class LocalTokenDecoderTest {

    private static final String ISSUER = "repitbot-auth";
    private static final String AUDIENCE = "repitbot";

    private static RSAKey key;
    private static RSAKey retiredKey;
    private static JwtDecoder decoder;

    @BeforeAll
    static void keys() throws Exception {
        key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                .keyIDFromThumbprint(true).generate();
        retiredKey = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                .keyIDFromThumbprint(true).generate();
        decoder = LocalTokenDecoder.create(new JWKSet(java.util.List.of(key.toPublicJWK(),
                retiredKey.toPublicJWK())), ISSUER, AUDIENCE);
    }

    private static JWTClaimsSet.Builder claims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).subject("42").claim("role", "tutor")
                .jwtID(UUID.randomUUID().toString()).issueTime(Date.from(now)).notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(30))));
    }

    private static String rs256(RSAKey signer, String kid, UnaryOperator<JWTClaimsSet.Builder> bend)
            throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid)
                .type(JOSEObjectType.JWT).build(), bend.apply(claims()).build());
        jwt.sign(new RSASSASigner(signer));
        return jwt.serialize();
    }

    @Test
    void acceptsAValidTokenOfEitherPublishedKey() throws Exception {
        Jwt jwt = decoder.decode(rs256(key, key.getKeyID(), c -> c));
        assertThat(jwt.getSubject()).isEqualTo("42");
        assertThat(jwt.getClaimAsString("role")).isEqualTo("tutor");

        assertThat(decoder.decode(rs256(retiredKey, retiredKey.getKeyID(), c -> c)).getSubject()).isEqualTo("42");
    }

    @Test
    void rejectsHs256EvenKeyedWithThePublicModulus() throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.getKeyID()).build(),
                claims().build());
        jwt.sign(new MACSigner(key.getModulus().decode()));

        assertThatThrownBy(() -> decoder.decode(jwt.serialize())).isInstanceOf(JwtException.class);
    }

    @Test
    void rejectsAlgNone() {
        String unsigned = new PlainJWT(claims().build()).serialize();

        assertThat(unsigned).endsWith(".");
        assertThatThrownBy(() -> decoder.decode(unsigned)).isInstanceOf(JwtException.class);
    }

    @Test
    void rejectsAnotherIssuer() {
        assertThatThrownBy(() -> decoder.decode(rs256(key, key.getKeyID(), c -> c.issuer("someone-else"))))
                .isInstanceOf(JwtException.class).hasMessageContaining("iss");
    }

    @Test
    void rejectsAnotherAudienceOrNone() {
        assertThatThrownBy(() -> decoder.decode(rs256(key, key.getKeyID(), c -> c.audience("other-app"))))
                .isInstanceOf(JwtException.class).hasMessageContaining("aud");
        assertThatThrownBy(() -> decoder.decode(rs256(key, key.getKeyID(), c -> c.audience((String) null))))
                .isInstanceOf(JwtException.class);
    }

    @Test
    void rejectsAnExpiredToken() {
        Instant past = Instant.now().minus(Duration.ofHours(2));
        assertThatThrownBy(() -> decoder.decode(rs256(key, key.getKeyID(), c -> c
                .issueTime(Date.from(past)).notBeforeTime(Date.from(past))
                .expirationTime(Date.from(past.plus(Duration.ofMinutes(30)))))))
                .isInstanceOf(JwtException.class).hasMessageContaining("expired");
    }

    @Test
    void rejectsATokenThatIsNotValidYet() {
        Instant future = Instant.now().plus(Duration.ofHours(1));
        assertThatThrownBy(() -> decoder.decode(rs256(key, key.getKeyID(), c -> c.notBeforeTime(Date.from(future))
                .expirationTime(Date.from(future.plus(Duration.ofMinutes(30)))))))
                .isInstanceOf(JwtException.class);
    }

    @Test
    void rejectsATokenSignedByAnUnknownKey() throws Exception {
        RSAKey stranger = new RSAKeyGenerator(2048).keyIDFromThumbprint(true).generate();

        // Under its own kid: no such key is published.
        assertThatThrownBy(() -> decoder.decode(rs256(stranger, stranger.getKeyID(), c -> c)))
                .isInstanceOf(JwtException.class);
        // Pretending to be the published key: the signature does not verify.
        assertThatThrownBy(() -> decoder.decode(rs256(stranger, key.getKeyID(), c -> c)))
                .isInstanceOf(JwtException.class);
    }

    @Test
    void rejectsATamperedToken() throws Exception {
        String token = rs256(key, key.getKeyID(), c -> c);
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + com.nimbusds.jose.util.Base64URL.encode(
                claims().subject("1").claim("role", "admin").build().toString()) + "." + parts[2];

        assertThatThrownBy(() -> decoder.decode(forged)).isInstanceOf(JwtException.class);
    }
}
