package ru.repitbot.notification.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import ru.repitbot.notification.domain.MessageText;

/** Texts come from the bundles in the reader's language; what people typed cannot break Telegram's HTML. */
class TextsTest {

    private final Texts texts = new Texts();

    @Test
    void rendersInTheReadersLanguageAndRussianWhenTheLanguageHasNoBundle() {
        MessageText text = MessageText.of("notify.homework.assigned", "Номера 1–3");
        assertThat(texts.render(text, Locale.forLanguageTag("ru"))).isEqualTo("📚 Новое домашнее задание: Номера 1–3");
        assertThat(texts.render(text, Locale.forLanguageTag("en"))).isEqualTo("📚 New homework: Номера 1–3");
        assertThat(texts.render(text, Locale.forLanguageTag("de"))).startsWith("📚 Новое домашнее задание");
    }

    @Test
    void argumentsAreEscapedForTelegramHtmlAndLinesJoined() {
        String rendered = texts.render(List.of(MessageText.of("notify.report.header", "<b>Маша & \"Петя\"</b>"),
                MessageText.of("notify.report.topic_none")), Locale.forLanguageTag("ru"));
        assertThat(rendered).isEqualTo("📝 <b>Отчёт об уроке: &lt;b&gt;Маша &amp; &quot;Петя&quot;&lt;/b&gt;</b>\n"
                + "📖 Тема: не указана");
    }
}
