package ru.repitbot.bot.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import ru.repitbot.bot.session.Login;
import ru.repitbot.bot.session.SessionStore;
import ru.repitbot.models.Role;
import ru.repitbot.standin.ChatDriver;
import ru.repitbot.standin.StandInOptions;
import ru.repitbot.standin.TelegramStandIn;
import ru.repitbot.testsupport.TestInfrastructure;

/**
 * The one Spring context of the integration tests: the bot polling the Telegram stand-in (in this JVM, Telegram's
 * limits on), the API gateway played by WireMock, real Redis (test-support). Each test uses its own Telegram users
 * and RepitBot ids ({@link #nextId}), so tests share the context without seeing each other's chats. Every request
 * the bot sends to the gateway is checked against the bot's consumer contract after the last test
 * ({@link GatewayContractTest}): stub the services' real answers.
 */
@ExtendWith(GatewayJournal.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "repitbot.telegram.token=" + StandInOptions.DEFAULT_TOKEN,
    "repitbot.telegram.poll-timeout=2s",
    "repitbot.telegram.retry-delay=100ms",
    "repitbot.telegram.max-retry-delay=1s",
    "repitbot.telegram.webhook-secret=" + BotIntegrationTest.WEBHOOK_SECRET,
    "repitbot.bot.client-secret=" + BotIntegrationTest.BOT_SECRET,
    "repitbot.bot.sweep-interval=500ms",
    "repitbot.bot.default-time-zone=Europe/Moscow"})
public abstract class BotIntegrationTest {

    static final String WEBHOOK_SECRET = "test-webhook-secret";
    static final String BOT_SECRET = "bot-client-secret";
    static final String SERVICE_TOKEN = "service-token-of-the-bot";
    static final Duration WAIT = Duration.ofSeconds(15);

    /** Redis keys of this JVM's bots, apart from any other run's. */
    static final String REDIS_PREFIX = "test-" + TestInfrastructure.get().runId() + ":bot";

    static final TelegramStandIn TELEGRAM = TelegramStandIn.start(0, StandInOptions.defaults());
    static final WireMockServer GATEWAY = new WireMockServer(options().dynamicPort()
            .extensions(GatewayJournal.RECORDER));
    private static final AtomicLong IDS = new AtomicLong(System.nanoTime() % 1_000_000 * 1000 + 100_000);

    static {
        GATEWAY.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            GATEWAY.stop();
            TELEGRAM.close();
            forgetRedisKeys();
        }));
        GATEWAY.stubFor(post(urlPathEqualTo("/api/v1/auth/token"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(BOT_SECRET))
                .willReturn(okJson("""
                        {"access_token":"%s","token_type":"bearer","expires_in":1800}""".formatted(SERVICE_TOKEN))));
        // Every logged-in person's chat is told to notification-service (flows.notifications.ChatRegistration);
        // tests that look at it stub it themselves, at a higher priority.
        GATEWAY.stubFor(com.github.tomakehurst.wiremock.client.WireMock.put(
                urlPathEqualTo("/api/v1/notifications/chat")).atPriority(10)
                .willReturn(aResponse().withStatus(204)));
    }

    /** This run's keys (offsets, queues, sessions) are of no use to anyone after it. */
    private static void forgetRedisKeys() {
        io.lettuce.core.RedisClient client = io.lettuce.core.RedisClient.create(TestInfrastructure.get().redisUrl());
        try (var connection = client.connect()) {
            var commands = connection.sync();
            var cursor = commands.scan(io.lettuce.core.ScanArgs.Builder.matches(REDIS_PREFIX + "*").limit(500));
            while (true) {
                if (!cursor.getKeys().isEmpty()) {
                    commands.del(cursor.getKeys().toArray(String[]::new));
                }
                if (cursor.isFinished()) {
                    break;
                }
                cursor = commands.scan(cursor, io.lettuce.core.ScanArgs.Builder.matches(REDIS_PREFIX + "*").limit(500));
            }
        } catch (RuntimeException redisGone) {
            // An embedded Redis may already be stopped; its data goes with it.
        } finally {
            client.shutdown();
        }
    }

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        registry.add("repitbot.telegram.api-url", TELEGRAM::apiUrl);
        registry.add("repitbot.gateway-url", GATEWAY::baseUrl);
        registry.add("repitbot.bot.redis-prefix", () -> REDIS_PREFIX);
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected SessionStore sessions;

    @Autowired
    private org.springframework.context.ApplicationContext context;

    /** A fresh id for a Telegram user or a RepitBot user, unique in this JVM. */
    protected static long nextId() {
        return IDS.incrementAndGet();
    }

    /**
     * The person's dialog in the chat once the bot is done with the chat's updates: a dialog change is saved when an
     * update is completed, just after its reply went out, so a test that has seen the reply waits for that.
     */
    protected java.util.Optional<ru.repitbot.bot.session.DialogState> dialogOf(ChatDriver chat) {
        org.springframework.data.redis.core.StringRedisTemplate redis = context.getBean(
                org.springframework.data.redis.core.StringRedisTemplate.class);
        org.awaitility.Awaitility.await("the chat's updates completed").atMost(WAIT).until(() ->
                redis.opsForList().size(REDIS_PREFIX + ":q:" + chat.chatId()) == 0
                        && redis.opsForList().size(REDIS_PREFIX + ":proc:" + chat.chatId()) == 0);
        return sessions.dialog(chat.userId(), chat.chatId());
    }

    /** A Telegram user with their private chat. */
    protected static ChatDriver newChat(String firstName) {
        return TELEGRAM.user(nextId(), firstName);
    }

    /** Logs the chat's user in as RepitBot user {@code userId} without the login dialog (tested on its own). */
    protected Login loginAs(ChatDriver chat, Role role, long userId, String fullName) {
        Login login = new Login(userId, role, fullName, accessToken(userId), "refresh-" + userId,
                Instant.now().plus(Duration.ofMinutes(30)), Instant.now().plus(Duration.ofDays(7)));
        sessions.saveLogin(chat.userId(), login);
        return login;
    }

    protected static String accessToken(long userId) {
        return "access-" + userId;
    }

    protected static com.github.tomakehurst.wiremock.matching.StringValuePattern bearer(long userId) {
        return equalTo("Bearer " + accessToken(userId));
    }

    /** A user as user-service answers it (every field, nulls present). */
    protected static String userAnswer(long id, String role, String name) {
        return """
                {"id":%d,"role":"%s","full_name":"%s","telegram_id":null,"username":null,
                 "time_zone":"Europe/Moscow","grade":7}""".formatted(id, role, name);
    }

    /** A page of a list as every service answers it (10 a page). */
    protected static String pageAnswer(java.util.List<String> items, long total, int page, int pages) {
        return """
                {"items":[%s],"total":%d,"page":%d,"size":10,"pages":%d}"""
                .formatted(String.join(",", items), total, page, pages);
    }

    protected static String text(ru.repitbot.standin.ChatMessage message) {
        return message.text() == null ? "" : message.text();
    }

    /**
     * A tutor with one student whose profile is now open in the chat: the list, the student, the parents, the next
     * lessons; {@code balance} stubs the student's balance as the test needs it.
     */
    protected static long openStudentProfile(ChatDriver tutor, long tutorId, String name,
            java.util.function.LongConsumer balance) {
        long studentId = nextId();
        GATEWAY.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                urlPathEqualTo("/api/v1/users/" + tutorId + "/students")).withHeader("Authorization", bearer(tutorId))
                .willReturn(okJson(pageAnswer(java.util.List.of(userAnswer(studentId, "student", name)), 1, 1, 1))));
        GATEWAY.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                urlPathEqualTo("/api/v1/users/" + studentId)).withHeader("Authorization", bearer(tutorId))
                .willReturn(okJson(userAnswer(studentId, "student", name))));
        GATEWAY.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                urlPathEqualTo("/api/v1/users/" + studentId + "/parents")).willReturn(okJson("[]")));
        balance.accept(studentId);
        GATEWAY.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/api/v1/lessons"))
                .withQueryParam("student_id", equalTo(Long.toString(studentId)))
                .withQueryParam("order", equalTo("asc")).withQueryParam("size", equalTo("3"))
                .willReturn(okJson(pageAnswer(java.util.List.of(), 0, 1, 0))));
        tutor.send("🎓 Список учеников");
        tutor.awaitBotMessage(m -> m.hasButton("👤 " + name), WAIT);
        tutor.press("👤 " + name);
        tutor.awaitBotMessage(m -> text(m).contains("Профиль ученика"), WAIT);
        return studentId;
    }

    /** An RFC 9457 problem as the services answer it. */
    protected static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder problem(int status,
            String detail) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/problem+json")
                .withBody("""
                        {"type":"about:blank","title":"Problem","status":%d,"detail":"%s"}""".formatted(status, detail));
    }

    @AfterEach
    void everyButtonPressWasAnswered() {
        org.awaitility.Awaitility.await("every callback query answered").atMost(WAIT)
                .until(() -> TELEGRAM.bot().unansweredCallbackQueries().isEmpty());
    }
}
