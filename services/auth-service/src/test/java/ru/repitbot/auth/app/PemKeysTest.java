package ru.repitbot.auth.app;

import ru.repitbot.auth.app.PemKeys;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.junit.jupiter.api.Test;

class PemKeysTest {

    @Test
    void aPkcs8PemRoundTripsWithItsThumbprintAsKid() throws Exception {
        RSAKey generated = new RSAKeyGenerator(2048).keyIDFromThumbprint(true).generate();
        String pem = PemKeys.toPem(generated);

        RSAKey read = PemKeys.parse(pem, null);

        assertThat(pem).startsWith("-----BEGIN PRIVATE KEY-----\n");
        assertThat(read.getKeyID()).isEqualTo(generated.getKeyID());
        assertThat(read.getModulus()).isEqualTo(generated.getModulus());
        assertThat(read.isPrivate()).isTrue();
        assertThat(read.getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        // As a one-line .env value with literal \n.
        assertThat(PemKeys.parse(pem.replace("\n", "\\n"), "k1").getKeyID()).isEqualTo("k1");
    }

    @Test
    void explainsWhatIsWrongWithOtherKeyFormats() {
        assertThatThrownBy(() -> PemKeys.parse("-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----",
                null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("openssl pkcs8");
        assertThatThrownBy(() -> PemKeys.parse("not a key", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PemKeys.parse("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----",
                null)).isInstanceOf(IllegalArgumentException.class);
    }
}
