package ru.repitbot.bot.i18n;

import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;

/**
 * The texts in one language. Messages are HTML (Telegram's {@code parse_mode=HTML}): string arguments are what people
 * typed or what the services hold (names, topics), so they are escaped here; numbers are passed as they are.
 */
public final class Lang {

    private final Language language;
    private final MessageSource messages;

    Lang(Language language, MessageSource messages) {
        this.language = language;
        this.messages = messages;
    }

    public Language language() {
        return language;
    }

    /** The text of {@code key} with its arguments; strings are HTML-escaped. */
    public String get(String key, Object... args) {
        Object[] safe = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            safe[i] = args[i] instanceof CharSequence text ? Html.escape(text.toString()) : args[i];
        }
        return messages.getMessage(key, safe, language.locale());
    }

    /** Like {@link #get} but the arguments are already HTML (a list built from other texts). */
    public String raw(String key, Object... args) {
        return messages.getMessage(key, args, language.locale());
    }

    public boolean has(String key) {
        try {
            messages.getMessage(key, null, language.locale());
            return true;
        } catch (NoSuchMessageException e) {
            return false;
        }
    }
}
