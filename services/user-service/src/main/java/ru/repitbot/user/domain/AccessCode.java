package ru.repitbot.user.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a person types to log in through Telegram (docs/domain/users-and-access.md#access-codes): 6–10 of {@code A-Z0-9}, compared
 * after trimming and upper-casing. Generated codes are {@link AccessCodeGenerator#LENGTH} long.
 */
public final class AccessCode {

    public static final String FORMAT = "^[A-Z0-9]{6,10}$";
    private static final Pattern VALID = Pattern.compile(FORMAT);

    private AccessCode() {
    }

    /** Trimmed and upper-cased, as the bot always did before comparing. */
    public static String normalise(String raw) {
        return raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT);
    }

    public static boolean isValid(String normalised) {
        return normalised != null && VALID.matcher(normalised).matches();
    }

    /** The normalised code when it has the right format. */
    public static Optional<String> parse(String raw) {
        String code = normalise(raw);
        return isValid(code) ? Optional.of(code) : Optional.empty();
    }
}
