package ru.repitbot.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import ru.repitbot.bot.dialog.BotTexts;
import ru.repitbot.bot.telegram.TelegramHealthIndicator;

/** With a token the bot long-polls the (fake) Bot API and greets a new user on /start, asking for the code. */
@SpringBootTest(properties = {"repitbot.telegram.token=" + TelegramPollingTest.TOKEN,
    "repitbot.telegram.retry-delay=100ms"})
@DirtiesContext
class TelegramPollingTest {

    static final String TOKEN = "123456:TEST-token";
    static final long NEW_USER_CHAT = 4242;
    static final long OTHER_CHAT = 777;

    static final FakeBotApi telegram = FakeBotApi.start(TOKEN,
            new FakeBotApi.Update(1, NEW_USER_CHAT, "/start"),
            new FakeBotApi.Update(2, OTHER_CHAT, "hello"));

    @DynamicPropertySource
    static void telegramApi(DynamicPropertyRegistry registry) {
        registry.add("repitbot.telegram.api-url", telegram::apiUrl);
    }

    @AfterAll
    static void stopTelegram() {
        telegram.close();
    }

    @Autowired
    BotTexts texts;

    @Autowired
    TelegramHealthIndicator health;

    @Test
    void greetsANewUserOnStartAndAsksForTheAccessCode() {
        // Both updates confirmed: the bot has polled past them (the first poll failed and was retried).
        await().atMost(Duration.ofSeconds(20)).until(() -> telegram.polls().stream()
                .anyMatch(poll -> "3".equals(poll.get("offset"))));

        assertThat(telegram.sentMessages()).hasSize(1);
        Map<String, String> greeting = telegram.sentMessages().getFirst();
        assertThat(greeting.get("chat_id")).isEqualTo(Long.toString(NEW_USER_CHAT));
        assertThat(greeting.get("text")).isEqualTo(texts.get("start.greeting")).contains("код доступа");
    }

    @Test
    void pollsWithLongPollingAndReportsItInHealth() {
        await().atMost(Duration.ofSeconds(20)).until(() -> telegram.polls().size() >= 3);

        assertThat(telegram.polls().getLast().get("timeout")).isEqualTo("25");
        var details = health.health().getDetails();
        assertThat(details.get("mode")).isEqualTo("polling");
        assertThat(details).containsKey("last_poll").doesNotContainKey("last_error");
        assertThat(details.toString()).doesNotContain(TOKEN);
    }
}
