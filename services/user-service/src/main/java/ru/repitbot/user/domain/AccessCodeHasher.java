package ru.repitbot.user.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How an access code is stored: HMAC-SHA256 of the normalised code keyed with the installation's secret (a pepper).
 * The same code always gives the same hash, so the code can be looked up; without the secret a stolen table gives
 * away nothing, not even by trying all 36^8 codes. The plain code is never stored.
 */
public final class AccessCodeHasher {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    /** @param pepper the installation's secret ({@code SECRET_KEY}); must not be blank */
    public AccessCodeHasher(String pepper) {
        if (pepper == null || pepper.isBlank()) {
            throw new IllegalArgumentException("A secret key (SECRET_KEY) is required to store access codes");
        }
        this.key = new SecretKeySpec(pepper.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** 64 lower-case hex characters for the code as typed (normalised first). */
    public String hash(String code) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(AccessCode.normalise(code).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
