package ru.repitbot.notification.app;

import java.util.Locale;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import ru.repitbot.models.errors.InvalidFieldException;
import ru.repitbot.notification.domain.MessageContent;
import ru.repitbot.notification.domain.MessageText;

/**
 * The text a reader gets for a message or a broadcast, in their language: the line saying who wrote (bundles
 * {@code messages_ru/en.properties}), then the sender's words, HTML-escaped (texts go out with parse_mode=HTML).
 */
@Component
public class MessageRendering {

    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");

    private final ResourceBundleMessageSource bundles = new ResourceBundleMessageSource();

    public MessageRendering() {
        bundles.setBasename("messages");
        bundles.setDefaultEncoding("UTF-8");
        bundles.setFallbackToSystemLocale(false);
        bundles.setDefaultLocale(RUSSIAN);
    }

    /** One line, its arguments escaped. */
    public String line(MessageText text, Locale language) {
        Object[] args = text.args().stream().map(a -> a == null ? "" : HtmlUtils.htmlEscape(a)).toArray();
        return bundles.getMessage(text.key(), args, language == null ? RUSSIAN : language);
    }

    /**
     * The whole text: header, words, and an optional footer line.
     *
     * @throws InvalidFieldException ({@code text}) when the words and the header together exceed what Telegram
     *         takes in one message (or caption)
     */
    public String message(Locale language, MessageText header, MessageContent content, MessageText footer) {
        StringBuilder body = new StringBuilder(line(header, language));
        if (content.text() != null) {
            body.append("\n\n").append(HtmlUtils.htmlEscape(content.text()));
        }
        if (footer != null) {
            body.append("\n\n").append(line(footer, language));
        }
        String text = body.toString();
        int visible = HtmlUtils.htmlUnescape(text.replaceAll("<[^>]+>", "")).length();
        if (visible > content.maxLength()) {
            int room = content.maxLength() - (visible - (content.text() == null ? 0 : content.text().length()));
            throw new InvalidFieldException("text", "at most " + Math.max(room, 0) + " characters here: the reader "
                    + "also gets a line saying who wrote" + (content.hasFiles() ? ", and with files the whole text "
                    + "is a Telegram caption of at most " + MessageContent.MAX_CAPTION : ""));
        }
        return text;
    }
}
