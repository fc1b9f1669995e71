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
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;
import ru.repitbot.bot.dialog.Access;
import ru.repitbot.bot.dialog.Flow;
import ru.repitbot.bot.dialog.FlowRegistry;
import ru.repitbot.bot.dialog.Reply;
import ru.repitbot.bot.dialog.Turn;
import ru.repitbot.standin.ChatMessage;
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
 * The bot's state survives the bot. Bot instances here run in webhook mode with their own bot token and Redis prefix,
 * so the shared test context stays out of them. A dialog: one instance asks for a new student's name and first parent,
 * is shut down, and a new instance on the same Redis continues at the step where the tutor was. A crash: an instance
 * dies while handling an update (a test flow hangs in it, the instance is closed and its chat lock let go), and the
 * next instance handles that update and the ones queued behind it — each exactly once, in order.
 */
class RestartTest extends BotIntegrationTest {

    static final String TOKEN = "200000002:Restart-test-bot";
    static final String PREFIX = REDIS_PREFIX + "-restart";

    @Autowired
    StringRedisTemplate redis;

    private static ConfigurableApplicationContext bot() {
        return bot(null);
    }

    /** A bot instance in webhook mode on its own port; {@code extraFlow} (if any) is added to its flows. */
    private static ConfigurableApplicationContext bot(Flow extraFlow) {
        int port = freePort();
        SpringApplicationBuilder builder = new SpringApplicationBuilder(TelegramBotApplication.class);
        if (extraFlow != null) {
            builder.initializers(context -> ((GenericApplicationContext) context)
                    .registerBean(SlowFlow.class, () -> (SlowFlow) extraFlow));
        }
        return builder.run(
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

    /**
     * A flow of this test only: {@code /slow N} starts a dialog and answers "handled N". In the instance that is to
     * die it hangs instead, after starting the dialog and before any reply, for good — as a bot killed mid-handling.
     */
    static final class SlowFlow implements Flow {
        private final boolean hang;
        final CountDownLatch entered = new CountDownLatch(1);
        final List<Long> handled = new CopyOnWriteArrayList<>();

        SlowFlow(boolean hang) {
            this.hang = hang;
        }

        @Override
        public void register(FlowRegistry registry) {
            registry.command("slow", Access.anyone(), this::slow);
        }

        private Reply slow(Turn turn) {
            turn.startDialog("slow", "waiting", Map.of("update", Long.toString(turn.event().updateId())));
            if (hang) {
                entered.countDown();
                CountDownLatch never = new CountDownLatch(1);
                while (true) {
                    try {
                        never.await();
                    } catch (InterruptedException ignored) {
                        // A killed process does not wake up: neither does this handler (the context's stop
                        // interrupts it).
                    }
                }
            }
            handled.add(turn.event().updateId());
            return Reply.text("handled " + turn.text().substring("/slow".length()).strip());
        }
    }

    @Test
    void anUpdateInHandWhenTheBotDiesIsHandledOnceByTheNextInstance() throws Exception {
        StandInBot telegramBot = TELEGRAM.bot(TOKEN);
        ChatDriver person = telegramBot.user(nextId(), "Олег");
        ChatDriver other = telegramBot.user(nextId(), "Ольга");
        long chat = person.chatId();
        SlowFlow dying = new SlowFlow(true);
        SlowFlow next = new SlowFlow(false);

        ConfigurableApplicationContext first = bot(dying);
        Thread killing;
        try {
            awaitWebhook(telegramBot, first);
            person.send("/slow 1");
            assertThat(dying.entered.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("handling started").isTrue();
            person.send("/slow 2");
            person.send("/slow 3");
            await().atMost(WAIT).until(() -> redis.opsForList().size(PREFIX + ":q:" + chat) == 2);
            assertThat(redis.opsForList().size(PREFIX + ":proc:" + chat)).as("the first one in hand").isEqualTo(1);
            assertThat(first.getBean(SessionStore.class).dialog(person.userId(), chat))
                    .as("the dialog started by the unfinished update is not saved").isEmpty();

            // Another chat's update that was completed, but left in a processing list (as if the worker had died
            // between the two): it must not be handled again.
            long doneUpdate = nextId();
            redis.opsForList().rightPush(PREFIX + ":proc:" + other.chatId(), """
                    {"update_id":%d,"chat_id":%d,"chat_type":"private","user_id":%d,"first_name":"Ольга",
                     "text":"/slow 0"}""".formatted(doneUpdate, other.chatId(), other.userId()));
            redis.opsForValue().set(PREFIX + ":upd:" + doneUpdate, "done", Duration.ofMinutes(5));
            redis.opsForSet().add(PREFIX + ":pending", Long.toString(other.chatId()));
        } finally {
            // "kill -9": the instance stops taking updates and never finishes the one in hand; its lock on the chat
            // is left to expire (removed here rather than waiting out the lease).
            killing = Thread.ofVirtual().start(first::close);
            redis.delete(PREFIX + ":lock:chat:" + chat);
        }

        try (ConfigurableApplicationContext second = bot(next)) {
            awaitWebhook(telegramBot, second);
            person.awaitBotMessage(m -> m.text().equals("handled 3"), WAIT);
            Thread.sleep(1500);
            assertThat(person.botMessages()).as(person.transcript()).extracting(ChatMessage::text)
                    .containsExactly("handled 1", "handled 2", "handled 3");
            assertThat(next.handled).as("each once, in order").hasSize(3).doesNotHaveDuplicates()
                    .isSorted();
            assertThat(second.getBean(SessionStore.class).dialog(person.userId(), chat))
                    .map(state -> state.get("update")).contains(Long.toString(next.handled.getLast()));
            assertThat(redis.opsForList().size(PREFIX + ":proc:" + chat)).isZero();
            assertThat(redis.opsForList().size(PREFIX + ":q:" + chat)).isZero();
            assertThat(redis.opsForValue().get(PREFIX + ":upd:" + next.handled.getFirst())).isEqualTo("done");

            await().atMost(WAIT).until(() -> redis.opsForList().size(PREFIX + ":proc:" + other.chatId()) == 0);
            assertThat(other.botMessages()).as("a completed update is not handled again").isEmpty();
        }
        killing.join(Duration.ofSeconds(30));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
