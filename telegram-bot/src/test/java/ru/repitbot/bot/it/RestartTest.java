package ru.repitbot.bot.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import ru.repitbot.bot.TelegramBotApplication;
import ru.repitbot.bot.session.DialogState;
import ru.repitbot.bot.session.Login;
import ru.repitbot.bot.session.SessionStore;
import ru.repitbot.models.Role;
import ru.repitbot.standin.ChatDriver;
import ru.repitbot.standin.StandInBot;

/**
 * A dialog survives the bot: one bot instance (webhook mode, its own bot token and Redis prefix, so the shared test
 * context stays out of it) asks for a new student's name and first parent, is shut down, and a new instance on the
 * same Redis continues at the step where the tutor was.
 */
class RestartTest extends BotIntegrationTest {

    static final String TOKEN = "200000002:Restart-test-bot";
    static final String PREFIX = REDIS_PREFIX + "-restart";

    private static ConfigurableApplicationContext bot() {
        int port = freePort();
        return new SpringApplicationBuilder(TelegramBotApplication.class).run(
                "--server.port=" + port,
                "--repitbot.telegram.token=" + TOKEN,
                "--repitbot.telegram.api-url=" + TELEGRAM.apiUrl(),
                "--repitbot.telegram.webhook-url=http://127.0.0.1:" + port + "/telegram/webhook",
                "--repitbot.telegram.retry-delay=100ms",
                "--repitbot.gateway-url=" + GATEWAY.baseUrl(),
                "--repitbot.bot.redis-prefix=" + PREFIX,
                "--repitbot.bot.client-secret=" + BOT_SECRET,
                "--repitbot.bot.sweep-interval=500ms");
    }

    private static void awaitWebhook(StandInBot telegramBot, ConfigurableApplicationContext context) {
        String port = context.getEnvironment().getProperty("local.server.port");
        await().atMost(WAIT).until(() -> telegramBot.webhookUrl().map(url -> url.contains(":" + port + "/"))
                .orElse(false));
    }

    @Test
    void aDialogContinuesAtTheSameStepOnANewBotInstance() {
        StandInBot telegramBot = TELEGRAM.bot(TOKEN);
        ChatDriver tutor = telegramBot.user(nextId(), "Марина");
        long tutorId = nextId();
        long studentId = nextId();
        GATEWAY.stubFor(post(urlPathEqualTo("/api/v1/users")).withHeader("Authorization", bearer(tutorId))
                .withRequestBody(matchingJsonPath("$.role", equalTo("student")))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("""
                        {"id":%d,"role":"student","full_name":"Иван Рестартов","access_code":"RESTART1"}"""
                        .formatted(studentId))));
        GATEWAY.stubFor(post(urlPathEqualTo("/api/v1/users")).withHeader("Authorization", bearer(tutorId))
                .withRequestBody(matchingJsonPath("$.role", equalTo("parent")))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("""
                        {"id":%d,"role":"parent","full_name":"Мама Рестартова","access_code":"RESTART2"}"""
                        .formatted(nextId()))));

        try (ConfigurableApplicationContext first = bot()) {
            first.getBean(SessionStore.class).saveLogin(tutor.userId(), new Login(tutorId, Role.TUTOR, "Марина",
                    accessToken(tutorId), "refresh", Instant.now().plusSeconds(1800),
                    Instant.now().plus(Duration.ofDays(7))));
            awaitWebhook(telegramBot, first);

            tutor.send("➕ Добавить ученика");
            tutor.awaitBotMessage(m -> m.text().contains("ФИО нового ученика"), WAIT);
            tutor.send("Иван Рестартов");
            tutor.awaitBotMessage(m -> m.text().contains("ФИО родителя"), WAIT);
        }

        try (ConfigurableApplicationContext second = bot()) {
            assertThat(second.getBean(SessionStore.class).dialog(tutor.userId(), tutor.chatId()))
                    .map(DialogState::step).contains("parent1");
            awaitWebhook(telegramBot, second);

            tutor.send("Мама Рестартова");
            assertThat(tutor.awaitBotMessage(WAIT).text()).as("the next step, not the start")
                    .contains("ФИО второго родителя");
            tutor.send("/skip");
            String done = tutor.awaitBotMessage(m -> m.text().contains("Ученик добавлен"), WAIT).text();
            assertThat(done).contains("Иван Рестартов", "RESTART1", "Мама Рестартова", "RESTART2");
        }
        GATEWAY.verify(postRequestedFor(urlPathEqualTo("/api/v1/users")).withRequestBody(equalToJson(
                "{\"role\":\"student\",\"full_name\":\"Иван Рестартов\"}")));
        GATEWAY.verify(postRequestedFor(urlPathEqualTo("/api/v1/users")).withRequestBody(equalToJson(
                "{\"role\":\"parent\",\"full_name\":\"Мама Рестартова\",\"student_ids\":[%d]}".formatted(studentId))));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
