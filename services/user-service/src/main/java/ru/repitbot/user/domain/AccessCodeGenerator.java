package ru.repitbot.user.domain;

import java.security.SecureRandom;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * New access codes: {@value #LENGTH} characters drawn uniformly from {@code A-Z0-9} with a cryptographic random
 * source, drawn again while a code is already taken (the monolith never checked; a collision would have let one
 * code log into two accounts).
 */
public final class AccessCodeGenerator {

    public static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    public static final int LENGTH = 8;
    public static final int MAX_ATTEMPTS = 20;

    private final RandomGenerator random;

    public AccessCodeGenerator() {
        this(new SecureRandom());
    }

    /** With another source of randomness (tests). */
    public AccessCodeGenerator(RandomGenerator random) {
        this.random = random;
    }

    /** A code, not checked against anything. */
    public String next() {
        char[] code = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            code[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return new String(code);
    }

    /**
     * A code for which {@code taken} is false.
     *
     * @throws IllegalStateException when {@value #MAX_ATTEMPTS} draws in a row were taken (a broken random source)
     */
    public String nextUnused(Predicate<String> taken) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            String code = next();
            if (!taken.test(code)) {
                return code;
            }
        }
        throw new IllegalStateException("No unused access code after " + MAX_ATTEMPTS + " attempts");
    }
}
