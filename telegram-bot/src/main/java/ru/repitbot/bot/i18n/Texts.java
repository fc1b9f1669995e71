package ru.repitbot.bot.i18n;

import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;

/**
 * The bot's user-facing texts, from {@code messages_<lang>.properties}. No sentence a person reads is written in
 * Java; flows ask for a {@link Lang} (the person's language) and format keys with it.
 */
public final class Texts {

    private final MessageSource messages;
    private final Map<Language, Lang> languages = new EnumMap<>(Language.class);

    public Texts(MessageSource messages) {
        this.messages = messages;
        for (Language language : Language.values()) {
            languages.put(language, new Lang(language, messages));
        }
    }

    public Lang in(Language language) {
        return languages.get(language);
    }

    /** A label's text in every language: a reply keyboard sent before a language switch still works. */
    public Set<String> everyLanguage(String key) {
        Set<String> texts = new LinkedHashSet<>();
        for (Language language : Language.values()) {
            texts.add(messages.getMessage(key, null, language.locale()));
        }
        return texts;
    }
}
