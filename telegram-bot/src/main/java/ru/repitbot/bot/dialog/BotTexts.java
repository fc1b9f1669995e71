package ru.repitbot.bot.dialog;

import java.util.Locale;
import org.springframework.context.MessageSource;

/** The bot's user-facing texts, from the message bundle in the bot's language. */
public class BotTexts {

    private final MessageSource messages;
    private final Locale locale;

    public BotTexts(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    public String get(String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
