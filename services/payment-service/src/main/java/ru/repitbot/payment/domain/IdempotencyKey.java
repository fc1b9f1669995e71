package ru.repitbot.payment.domain;

import ru.repitbot.models.errors.InvalidFieldException;

/**
 * The {@code Idempotency-Key} of a request that creates money (GUIDE §4): the same key with the same request gives
 * the first result again; the same key with another request is refused. Keys are per caller.
 */
public final class IdempotencyKey {

    public static final String HEADER = "Idempotency-Key";
    public static final int MAX_LENGTH = 255;

    private IdempotencyKey() {
    }

    /**
     * The key as it will be stored, or {@code null} when the request has none.
     *
     * @throws InvalidFieldException when blank, too long or not printable ASCII
     */
    public static String parse(String raw) {
        if (raw == null) {
            return null;
        }
        String key = raw.strip();
        if (key.isEmpty() || key.length() > MAX_LENGTH) {
            throw new InvalidFieldException(HEADER, "must be 1 to " + MAX_LENGTH + " characters");
        }
        if (!key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw new InvalidFieldException(HEADER, "must be printable ASCII without spaces");
        }
        return key;
    }

    /**
     * What became of a key that was used before.
     *
     * @param storedFingerprint the fingerprint of the first request with the key
     * @param fingerprint the fingerprint of this request
     * @return {@code true} to replay the first result, {@code false} when this is another request (a conflict)
     */
    public static boolean isReplay(String storedFingerprint, String fingerprint) {
        return storedFingerprint.equals(fingerprint);
    }
}
