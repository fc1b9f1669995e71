package ru.repitbot.idempotency;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import ru.repitbot.models.errors.InvalidFieldException;

/**
 * The {@code Idempotency-Key} of a POST that creates money or lessons (docs/architecture/contracts.md "API style"), as plain functions (usable from a
 * service's {@code domain}): the header's rules and a request's fingerprint. The stored side is
 * {@link IdempotencyKeys}.
 */
public final class Idempotency {

    /** The request header. */
    public static final String KEY_HEADER = "Idempotency-Key";
    /** The response header of a replay ({@code true}), answered with 200 instead of 201. */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    public static final int MAX_KEY_LENGTH = 255;

    private Idempotency() {
    }

    /**
     * The key as it is stored, or {@code null} when the request has none.
     *
     * @throws InvalidFieldException (field {@code Idempotency-Key}) when blank, longer than 255 or not printable
     *         ASCII
     */
    public static String parseKey(String raw) {
        if (raw == null) {
            return null;
        }
        String key = raw.strip();
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            throw new InvalidFieldException(KEY_HEADER, "must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        if (!key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw new InvalidFieldException(KEY_HEADER, "must be printable ASCII without spaces");
        }
        return key;
    }

    /**
     * A request's identity: equal for the same values, different when any differs (the parts are length-prefixed,
     * so no value can imitate another part, and {@code null} differs from every text). Pass the request's values
     * after normalising them (trimmed, defaults applied); numbers compare by value ({@code 100} = {@code 100.00}).
     *
     * @return SHA-256 in hex
     */
    public static String fingerprint(Object... parts) {
        StringBuilder canonical = new StringBuilder();
        for (Object part : parts) {
            if (part == null) {
                canonical.append("-;");
            } else {
                String text = part instanceof BigDecimal number ? number.stripTrailingZeros().toPlainString()
                        : part.toString();
                canonical.append(text.length()).append(':').append(text).append(';');
            }
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
