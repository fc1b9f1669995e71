package ru.repitbot.user.domain;

import ru.repitbot.models.errors.InvalidFieldException;

/** A person's name as shown everywhere ("ФИО"): trimmed, inner runs of spaces collapsed, 2–100 characters. */
public final class FullName {

    private FullName() {
    }

    public static String normalise(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidFieldException("full_name", "must not be blank");
        }
        String name = raw.strip().replaceAll("\\s+", " ");
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidFieldException("full_name", "must not contain control characters");
        }
        if (name.length() < User.NAME_MIN || name.length() > User.NAME_MAX) {
            throw new InvalidFieldException("full_name",
                    "must be between " + User.NAME_MIN + " and " + User.NAME_MAX + " characters");
        }
        return name;
    }
}
