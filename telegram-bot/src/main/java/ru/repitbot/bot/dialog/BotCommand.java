package ru.repitbot.bot.dialog;

import java.util.Locale;
import java.util.Optional;

/** A bot command as Telegram sends it: {@code /start}, {@code /start@RepitBot}, {@code /start payload}. */
public final class BotCommand {

    private BotCommand() {
    }

    /** The command's name in lower case ({@code start}), or empty when the text is not a command. */
    public static Optional<String> nameOf(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String trimmed = text.strip();
        if (trimmed.length() < 2 || trimmed.charAt(0) != '/') {
            return Optional.empty();
        }
        String word = trimmed.substring(1).split("\\s+", 2)[0];
        int at = word.indexOf('@');
        String name = at >= 0 ? word.substring(0, at) : word;
        return name.isEmpty() ? Optional.empty() : Optional.of(name.toLowerCase(Locale.ROOT));
    }
}
