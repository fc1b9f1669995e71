package ru.repitbot.user.domain;

import java.util.regex.Pattern;
import ru.repitbot.models.errors.InvalidFieldException;

/** A Telegram @username: 4–32 of letters, digits and underscores, stored without the @; blank clears it. */
public final class TelegramUsername {

    public static final String PATTERN = "^@?[A-Za-z0-9_]{4,32}$|^$";
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_]{4,32}");

    private TelegramUsername() {
    }

    /** @return the name without a leading {@code @}, or {@code null} for a blank value (no username) */
    public static String normalise(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String name = raw.strip();
        if (name.startsWith("@")) {
            name = name.substring(1);
        }
        if (!VALID.matcher(name).matches()) {
            throw new InvalidFieldException("username", "must be 4 to 32 letters, digits or underscores");
        }
        return name;
    }
}
