package ru.repitbot.notification.app.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.repitbot.notification.db.QueuedMessage;
import ru.repitbot.notification.domain.TelegramOutcome;

/** How a queued message becomes Bot API calls, and how the Bot API's answers are read. */
class TelegramRequestTest {

    private static QueuedMessage message(String text, List<String> files, String kind) {
        return new QueuedMessage(1, 2, 3L, "message", text, files, kind, Instant.EPOCH, Instant.EPOCH, null, 0, null,
                null, null);
    }

    @Test
    void aTextIsOneHtmlMessage() {
        List<TelegramRequest> requests = TelegramRequest.of(message("<b>Урок</b> перенесён", List.of(), null), 42);

        assertThat(requests).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("sendMessage");
            assertThat(r.parameters()).containsEntry("chat_id", 42L).containsEntry("parse_mode", "HTML")
                    .containsEntry("text", "<b>Урок</b> перенесён");
        });
    }

    @Test
    void filesGoOneByOneWithTheTextAsTheFirstCaption() {
        List<TelegramRequest> requests = TelegramRequest.of(message("Фото с урока", List.of("p1", "p2"), "photo"), 7);

        assertThat(requests).extracting(TelegramRequest::method).containsExactly("sendPhoto", "sendPhoto");
        assertThat(requests.get(0).parameters()).containsEntry("photo", "p1").containsEntry("caption", "Фото с урока");
        assertThat(requests.get(1).parameters()).containsEntry("photo", "p2").doesNotContainKey("caption");
        assertThat(TelegramRequest.of(message(null, List.of("v"), "voice"), 7).getFirst().parameters())
                .containsEntry("voice", "v").doesNotContainKey("caption");
        assertThat(TelegramRequest.of(message(null, List.of("v"), "video"), 7).getFirst().method())
                .isEqualTo("sendVideo");
    }

    @Test
    void aTextTooLongForACaptionGoesFirstOnItsOwn() {
        String longText = "д".repeat(TelegramRequest.MAX_CAPTION + 1);

        List<TelegramRequest> requests = TelegramRequest.of(message(longText, List.of("d1"), "document"), 7);

        assertThat(requests).extracting(TelegramRequest::method).containsExactly("sendMessage", "sendDocument");
        assertThat(requests.get(1).parameters()).doesNotContainKey("caption");
    }

    @Test
    void plainTextIsEscapedForHtml() {
        assertThat(Html.escape("a < b && c > d")).isEqualTo("a &lt; b &amp;&amp; c &gt; d");
    }

    @Test
    void answersAreReadAsTheBotApiWritesThem() {
        TelegramClient client = new TelegramClient(new TelegramSettings("1:x", "http://127.0.0.1:9/bot",
                Duration.ofSeconds(1), Duration.ofSeconds(1), new TelegramSettings.Limits(30, 1, 3, 20)));

        assertThat(client.outcome(200, bytes("{\"ok\":true,\"result\":{\"message_id\":17}}")))
                .isEqualTo(new TelegramOutcome.Accepted(17));
        assertThat(client.outcome(429, bytes("{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests:"
                + " retry after 5\",\"parameters\":{\"retry_after\":5}}")))
                .isEqualTo(new TelegramOutcome.Refused(429, "Too Many Requests: retry after 5", 5));
        assertThat(client.outcome(403, bytes("{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden: bot was"
                + " blocked by the user\"}")))
                .isEqualTo(new TelegramOutcome.Refused(403, "Forbidden: bot was blocked by the user", null));
        // Telegram's front end answers 502 with an HTML page: a refusal with that status, retried as 5xx.
        assertThat(client.outcome(502, bytes("<html><body>502 Bad Gateway</body></html>")))
                .isInstanceOfSatisfying(TelegramOutcome.Refused.class, r -> assertThat(r.status()).isEqualTo(502));
        // Nothing listens on port 9: no answer.
        assertThat(client.call(new TelegramRequest("sendMessage", java.util.Map.of("chat_id", 1, "text", "x"))))
                .isInstanceOf(TelegramOutcome.NoAnswer.class);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
