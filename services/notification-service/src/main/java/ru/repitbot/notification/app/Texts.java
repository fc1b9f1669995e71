package ru.repitbot.notification.app;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;
import ru.repitbot.notification.domain.MessageText;

/**
 * Renders {@link MessageText}s with the service's bundles ({@code messages_ru.properties},
 * {@code messages_en.properties}) in the reader's language; Russian when the language has no bundle. Texts are
 * Telegram HTML, so the arguments (names, topics, comments people typed) are escaped here.
 */
@Component
public class Texts {

    public static final Locale DEFAULT_LANGUAGE = Locale.forLanguageTag("ru");

    private final ResourceBundleMessageSource bundles = new ResourceBundleMessageSource();

    public Texts() {
        bundles.setBasename("messages");
        bundles.setDefaultEncoding(StandardCharsets.UTF_8.name());
        bundles.setFallbackToSystemLocale(false);
        bundles.setDefaultLocale(DEFAULT_LANGUAGE);
        bundles.setAlwaysUseMessageFormat(true);
    }

    public String render(MessageText text, Locale language) {
        Object[] args = text.args().stream().map(Texts::escape).toArray();
        return bundles.getMessage(text.key(), args, language == null ? DEFAULT_LANGUAGE : language);
    }

    /** Telegram's HTML knows only these four entities; everything else goes as it is (UTF-8). */
    static String escape(String argument) {
        if (argument == null) {
            return "";
        }
        return argument.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Lines of one message, one under the other. */
    public String render(List<MessageText> lines, Locale language) {
        return lines.stream().map(line -> render(line, language)).collect(Collectors.joining("\n"));
    }
}
