package ru.repitbot.standin;

/**
 * A person the chat page offers to talk as: a Telegram user with a name, and for the demo users of
 * {@code ./repitbot up} their role and access code (shown as a hint).
 *
 * @param name       full name shown in the list; the Telegram first/last name are taken from it when not given
 * @param role       admin, tutor, student, parent, or anything (shown as given); may be null
 * @param telegramId the Telegram user id (= the private chat id)
 * @param code       the RepitBot access code to type in the bot; may be null
 * @param hint       one more line for the list; may be null
 */
public record Persona(String name, String role, long telegramId, String code, String hint) {

    public Persona {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a persona needs a name");
        }
        if (telegramId <= 0) {
            throw new IllegalArgumentException("a persona's telegram_id must be positive: " + telegramId);
        }
    }

    public static Persona of(String name, String role, long telegramId, String code) {
        return new Persona(name, role, telegramId, code, null);
    }

    String firstName() {
        String trimmed = name.trim();
        int space = trimmed.indexOf(' ');
        return space < 0 ? trimmed : trimmed.substring(0, space);
    }

    String lastName() {
        String trimmed = name.trim();
        int space = trimmed.indexOf(' ');
        return space < 0 ? null : trimmed.substring(space + 1).trim();
    }
}
