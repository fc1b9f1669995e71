package ru.repitbot.auth.domain;

import java.util.Locale;
import java.util.regex.Pattern;
import ru.repitbot.models.errors.InvalidFieldException;

/**
 * What an access code looks like (docs/domain/users-and-access.md#access-codes): trimmed and upper-cased, 6–10 characters of
 * {@code A-Z0-9}. Checked before anything else, so a typo never reaches user-service or the wrong-code counter.
 */
public final class AccessCodeFormat {

    public static final String FIELD = "access_code";
    private static final Pattern CODE = Pattern.compile("^[A-Z0-9]{6,10}$");

    private AccessCodeFormat() {
    }

    /**
     * @return the code in its canonical form
     * @throws InvalidFieldException ({@code access_code}) when it does not have the format
     */
    public static String normalize(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidFieldException(FIELD, "must not be blank");
        }
        String code = raw.strip().toUpperCase(Locale.ROOT);
        if (!CODE.matcher(code).matches()) {
            throw new InvalidFieldException(FIELD, "must be 6 to 10 letters A-Z or digits");
        }
        return code;
    }
}
