package ru.repitbot.standin;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FormattingTest {

    @Test
    void htmlBecomesTextAndEntitiesInUtf16Units() {
        Formatting.Formatted f = Formatting.parse("  <b>Урок</b> 😀 <a href=\"https://x.org/?a=1&amp;b=2\">ссылка</a> &lt;3 \n",
                "HTML", null);

        assertThat(f.text()).isEqualTo("Урок 😀 ссылка <3");
        assertThat(Json.write(f.entities())).isEqualTo("[{\"offset\":0,\"length\":4,\"type\":\"bold\"},"
                + "{\"offset\":8,\"length\":6,\"type\":\"text_link\",\"url\":\"https://x.org/?a=1&b=2\"}]");
        assertThat(Formatting.toHtml(f.text(), f.entities())).isEqualTo(
                "<b>Урок</b> 😀 <a href=\"https://x.org/?a=1&amp;b=2\" target=\"_blank\" rel=\"noopener noreferrer\">ссылка</a> &lt;3");
    }

    @Test
    void nestedAndPreWithLanguage() {
        Formatting.Formatted f = Formatting.parse("<b>a <i>b</i></b><pre><code class=\"language-java\">x++;</code></pre>",
                "html", null);

        assertThat(f.text()).isEqualTo("a bx++;");
        assertThat(Json.write(f.entities())).contains("\"type\":\"bold\"", "\"type\":\"italic\"",
                "{\"offset\":3,\"length\":4,\"type\":\"pre\",\"language\":\"java\"}");
    }

    @Test
    void htmlErrors() {
        assertThatThrownBy(() -> Formatting.parse("<b>x</i>", "HTML", null)).hasMessage(
                "Bad Request: can't parse entities: Unmatched end tag at byte offset 4, expected \"</b>\", found \"</i>\"");
        assertThatThrownBy(() -> Formatting.parse("x</b>", "HTML", null))
                .hasMessage("Bad Request: can't parse entities: Unexpected end tag at byte offset 1");
        assertThatThrownBy(() -> Formatting.parse("<span>x</span>", "HTML", null))
                .hasMessage("Bad Request: can't parse entities: Tag \"span\" must have class \"tg-spoiler\" at byte offset 0");
    }

    @Test
    void markdownV2() {
        Formatting.Formatted f = Formatting.parse("*жирный* _курсив_ __подчёркнутый__ ~зачёркнутый~ ||спойлер|| `код` "
                + "[ссылка](https://x.org/a\\)b) 1\\+1\\=2", "MarkdownV2", null);

        assertThat(f.text()).isEqualTo("жирный курсив подчёркнутый зачёркнутый спойлер код ссылка 1+1=2");
        assertThat(Json.write(f.entities())).contains("\"bold\"", "\"italic\"", "\"underline\"", "\"strikethrough\"",
                "\"spoiler\"", "\"code\"", "\"url\":\"https://x.org/a)b\"");
        assertThatThrownBy(() -> Formatting.parse("*не закрыт", "MarkdownV2", null))
                .hasMessage("Bad Request: can't parse entities: Can't find end of Bold entity at byte offset 0");
        assertThatThrownBy(() -> Formatting.parse("Цена: 100!", "MarkdownV2", null)).hasMessageContaining(
                "Character '!' is reserved");
    }

    @Test
    void legacyMarkdownAndPlainText() {
        assertThat(Formatting.parse("*a* _b_ `c` [d](http://e)", "Markdown", null).text()).isEqualTo("a b c d");
        assertThatThrownBy(() -> Formatting.parse("*a", "Markdown", null))
                .hasMessage("Bad Request: can't parse entities: Can't find end of the entity starting at byte offset 0");
        assertThat(Formatting.parse("<b>как есть</b>", null, null).text()).isEqualTo("<b>как есть</b>");
        assertThat(Formatting.toHtml("<b>как есть</b>", null)).isEqualTo("&lt;b&gt;как есть&lt;/b&gt;");
    }

    @Test
    void userTextGetsBotCommandsAndLinks() {
        assertThat(Json.write(Formatting.detect("/start@repit_bot и https://example.org/x.")))
                .isEqualTo("[{\"offset\":0,\"length\":16,\"type\":\"bot_command\"},"
                        + "{\"offset\":19,\"length\":21,\"type\":\"url\"}]");
    }
}
