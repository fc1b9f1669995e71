package ru.repitbot.gateway.domain;

import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The {@code X-Request-Id} policy: a caller's id is kept when it is short and made of safe characters (it ends up
 * in logs and headers), otherwise a new one is made.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private final Supplier<String> generator;

    public RequestIds() {
        this(() -> UUID.randomUUID().toString());
    }

    public RequestIds(Supplier<String> generator) {
        this.generator = generator;
    }

    public static boolean isSafe(String candidate) {
        return candidate != null && SAFE.matcher(candidate).matches();
    }

    /** The id this request goes by: {@code incoming} when it is safe, a fresh one otherwise. */
    public String accept(String incoming) {
        return isSafe(incoming) ? incoming : generator.get();
    }
}
