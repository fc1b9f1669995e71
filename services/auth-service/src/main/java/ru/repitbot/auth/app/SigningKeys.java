package ru.repitbot.auth.app;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.stereotype.Component;
import ru.repitbot.auth.config.AuthProperties;
import ru.repitbot.auth.db.SigningKeyStore;

/**
 * The RS256 key that signs every token and the public keys published at {@code /.well-known/jwks.json}. The key
 * comes from {@code JWT_PRIVATE_KEY} when set; otherwise the first replica to start generates one (RSA 2048) and
 * stores it in the auth schema, and every later start and every other replica uses that one.
 */
@Component
@DependsOnDatabaseInitialization
public class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private final RSAKey signingKey;
    private final JWKSet publicKeys;

    public SigningKeys(AuthProperties properties, SigningKeyStore store, Clock clock) {
        if (properties.privateKey() != null && !properties.privateKey().isBlank()) {
            signingKey = PemKeys.parse(properties.privateKey(), null);
            publicKeys = new JWKSet(signingKey.toPublicJWK());
            log.info("Signing tokens with the configured JWT_PRIVATE_KEY (kid {})", signingKey.getKeyID());
            return;
        }
        SigningKeyStore.StoredKey active = store.activeOrCreate(() -> generate(clock));
        signingKey = PemKeys.parse(active.privateKeyPem(), active.kid());
        // Keys retired less than one token lifetime (plus clock skew) ago may still have valid tokens out there.
        Duration stillValid = properties.accessTokenLifetime().plus(Duration.ofMinutes(1));
        List<com.nimbusds.jose.jwk.JWK> published = new ArrayList<>();
        published.add(signingKey.toPublicJWK());
        for (SigningKeyStore.StoredKey key : store.publishable(clock.instant().minus(stillValid))) {
            if (!key.kid().equals(active.kid())) {
                published.add(PemKeys.parse(key.privateKeyPem(), key.kid()).toPublicJWK());
            }
        }
        publicKeys = new JWKSet(published);
        log.info("Signing tokens with the stored key {} (created {})", active.kid(), active.createdAt());
    }

    /** The key (with its private half) that signs new tokens. */
    public RSAKey signingKey() {
        return signingKey;
    }

    /** The public keys that verify tokens still in circulation. */
    public JWKSet publicKeys() {
        return publicKeys;
    }

    private static SigningKeyStore.StoredKey generate(Clock clock) {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .keyIDFromThumbprint(true).generate();
            log.info("No signing key yet: generated RSA 2048 key {}", key.getKeyID());
            return new SigningKeyStore.StoredKey(key.getKeyID(), PemKeys.toPem(key),
                    key.toPublicJWK().toJSONString(), clock.instant(), null);
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not generate a signing key", e);
        }
    }
}
