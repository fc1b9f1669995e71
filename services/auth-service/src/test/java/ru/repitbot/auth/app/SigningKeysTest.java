package ru.repitbot.auth.app;

import ru.repitbot.auth.app.PemKeys;
import ru.repitbot.auth.app.SigningKeys;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import ru.repitbot.auth.config.AuthProperties;

class SigningKeysTest {

    @Test
    void aConfiguredPrivateKeySignsAndOnlyItsPublicHalfIsPublished() throws Exception {
        RSAKey configured = new RSAKeyGenerator(2048).keyIDFromThumbprint(true).generate();
        AuthProperties properties = new AuthProperties(null, null, null, null,
                PemKeys.toPem(configured).replace("\n", "\\n"), null);

        // No store: a configured key never touches the database.
        SigningKeys keys = new SigningKeys(properties, null, Clock.systemUTC());

        assertThat(keys.signingKey().getKeyID()).isEqualTo(configured.getKeyID());
        assertThat(keys.signingKey().isPrivate()).isTrue();
        assertThat(keys.publicKeys().getKeys()).hasSize(1)
                .allSatisfy(k -> assertThat(k.isPrivate()).isFalse());
        assertThat(keys.publicKeys().getKeyByKeyId(configured.getKeyID()).toRSAKey().getModulus())
                .isEqualTo(configured.getModulus());
    }
}
