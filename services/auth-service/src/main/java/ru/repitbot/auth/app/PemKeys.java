package ru.repitbot.auth.app;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/** RSA private keys as PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}), to and from Nimbus {@link RSAKey}s. */
public final class PemKeys {

    private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String END = "-----END PRIVATE KEY-----";

    private PemKeys() {
    }

    /**
     * Reads an RSA signing key from PKCS#8 PEM; literal {@code \n} sequences (as in one-line {@code .env} values) are
     * accepted. The key id is the RFC 7638 thumbprint unless {@code kid} is given.
     *
     * @throws IllegalArgumentException with a hint when the text is not an unencrypted PKCS#8 RSA key
     */
    public static RSAKey parse(String pem, String kid) {
        String text = pem.replace("\\n", "\n").strip();
        if (text.contains("BEGIN RSA PRIVATE KEY") || text.contains("BEGIN ENCRYPTED PRIVATE KEY")) {
            throw new IllegalArgumentException("JWT_PRIVATE_KEY must be an unencrypted PKCS#8 key "
                    + "(-----BEGIN PRIVATE KEY-----); convert with: openssl pkcs8 -topk8 -nocrypt -in key.pem");
        }
        if (!text.contains(BEGIN) || !text.contains(END)) {
            throw new IllegalArgumentException("JWT_PRIVATE_KEY is not a PEM private key (" + BEGIN + " … " + END
                    + ")");
        }
        String base64 = text.substring(text.indexOf(BEGIN) + BEGIN.length(), text.indexOf(END))
                .replaceAll("\\s+", "");
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            var key = rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            if (!(key instanceof RSAPrivateCrtKey crt)) {
                throw new IllegalArgumentException("JWT_PRIVATE_KEY must be an RSA key with CRT parameters");
            }
            if (crt.getModulus().bitLength() < 2048) {
                throw new IllegalArgumentException("JWT_PRIVATE_KEY must be at least 2048 bits");
            }
            RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(
                    new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
            RSAKey.Builder builder = new RSAKey.Builder(publicKey).privateKey(crt).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256);
            return kid == null ? builder.keyIDFromThumbprint().build() : builder.keyID(kid).build();
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (JOSEException | java.security.GeneralSecurityException e) {
            throw new IllegalArgumentException("JWT_PRIVATE_KEY could not be read as an RSA PKCS#8 key: "
                    + e.getMessage(), e);
        }
    }

    /** The private half of {@code key} as PKCS#8 PEM. */
    public static String toPem(RSAKey key) {
        try {
            byte[] der = key.toPrivateKey().getEncoded();
            String body = Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                    .encodeToString(der);
            return BEGIN + "\n" + body + "\n" + END + "\n";
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
