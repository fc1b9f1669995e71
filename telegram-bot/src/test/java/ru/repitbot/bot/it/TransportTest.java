package ru.repitbot.bot.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.repitbot.bot.dialog.Screen;
import ru.repitbot.bot.telegram.Recipients;
import ru.repitbot.bot.telegram.TelegramSender;
import ru.repitbot.standin.ChatDriver;
import ru.repitbot.standin.ForcedFailure;
import ru.repitbot.testsupport.ApiClient;

/** The way in and out: webhook security, dedupe, Telegram's 429s and 403s, metrics and health. */
class TransportTest extends BotIntegrationTest {

    private static final AtomicLong UPDATE_IDS = new AtomicLong(2_000_000_000L + System.nanoTime() % 1_000_000_000L);
    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    TelegramSender sender;

    @Autowired
    Recipients recipients;

    private static String startUpdate(long updateId, ChatDriver chat) {
        return """
                {"update_id":%d,"message":{"message_id":%d,"date":1767225600,
                 "chat":{"id":%d,"type":"private","first_name":"Гость"},
                 "from":{"id":%d,"is_bot":false,"first_name":"Гость","language_code":"ru"},
                 "text":"/start","entities":[{"type":"bot_command","offset":0,"length":6}]}}"""
                .formatted(updateId, updateId % 100000, chat.chatId(), chat.userId());
    }

    private HttpResponse<String> webhook(String secret, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/telegram/webhook")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (secret != null) {
            request.header("X-Telegram-Bot-Api-Secret-Token", secret);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Prometheus text, as a scraper asks for it. */
    private String metrics() throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                .header("Accept", "text/plain").GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void anUpdateDeliveredTwiceIsHandledOnce() throws Exception {
        ChatDriver chat = newChat("Гость");
        String update = startUpdate(UPDATE_IDS.incrementAndGet(), chat);

        assertThat(webhook(WEBHOOK_SECRET, update).statusCode()).isEqualTo(200);
        assertThat(webhook(WEBHOOK_SECRET, update).statusCode()).isEqualTo(200);

        assertThat(chat.awaitBotMessage(WAIT).text()).contains("код доступа");
        Thread.sleep(1500);
        assertThat(chat.botMessages()).as(chat.transcript()).hasSize(1);
        assertThat(metrics()).contains("bot_updates_duplicate_total");
    }

    @Test
    void aWebhookRequestWithoutTheRightSecretIsRefusedAndChangesNothing() throws Exception {
        ChatDriver chat = newChat("Гость");
        String update = startUpdate(UPDATE_IDS.incrementAndGet(), chat);

        assertThat(webhook("wrong-secret", update).statusCode()).isEqualTo(403);
        assertThat(webhook(null, update).statusCode()).isEqualTo(401);
        Thread.sleep(1500);
        assertThat(chat.botMessages()).isEmpty();

        // The refused requests did not even mark the update as seen: the genuine delivery is handled.
        assertThat(webhook(WEBHOOK_SECRET, update).statusCode()).isEqualTo(200);
        assertThat(chat.awaitBotMessage(WAIT).text()).contains("код доступа");
    }

    @Test
    void aStudentPressingATutorsButtonIsRefusedAndNothingChanges() throws Exception {
        ChatDriver student = newChat("Петя");
        loginAs(student, ru.repitbot.models.Role.STUDENT, nextId(), "Петя");
        long victim = nextId();
        int answersBefore = TELEGRAM.bot().calls("answerCallbackQuery");
        // A forged press of "delete student" (the data of a tutor's button) from the student's chat.
        String forged = """
                {"update_id":%d,"callback_query":{"id":"forged-%d","chat_instance":"1",
                 "from":{"id":%d,"is_bot":false,"first_name":"Петя"},
                 "message":{"message_id":1,"date":1767225600,"chat":{"id":%d,"type":"private"},"text":"x"},
                 "data":"%s"}}""".formatted(UPDATE_IDS.incrementAndGet(), victim, student.userId(),
                student.chatId(), ru.repitbot.bot.flows.Routes.STUDENT_DELETE_CONFIRM.data(victim));

        assertThat(webhook(WEBHOOK_SECRET, forged).statusCode()).isEqualTo(200);

        org.awaitility.Awaitility.await().atMost(WAIT)
                .until(() -> TELEGRAM.bot().calls("answerCallbackQuery") > answersBefore);
        GATEWAY.verify(0, com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching("/api/v1/users/" + victim + ".*")));
        assertThat(student.botMessages()).isEmpty();
        assertThat(sessions.login(student.userId())).isPresent();
    }

    @Test
    void aStormOf429sStillDeliversTheReplyAfterWaiting() throws Exception {
        ChatDriver chat = newChat("Гость");
        int throttledBefore = TELEGRAM.tooManyRequests().size();
        TELEGRAM.failNext(3, "sendMessage", ForcedFailure.tooManyRequests(1));
        long started = System.nanoTime();

        chat.send("/start");

        assertThat(chat.awaitBotMessage(Duration.ofSeconds(30)).text()).contains("код доступа");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("waited retry_after three times")
                .isGreaterThanOrEqualTo(Duration.ofMillis(2900));
        assertThat(TELEGRAM.tooManyRequests().size() - throttledBefore).isGreaterThanOrEqualTo(3);
        assertThat(metrics()).contains("bot_telegram_throttled_total");
    }

    @Test
    void serverErrorsAreRetriedWithBackOff() {
        ChatDriver chat = newChat("Гость");
        TELEGRAM.failNext(2, "sendMessage", ForcedFailure.badGateway());

        chat.send("/start");

        assertThat(chat.awaitBotMessage(WAIT).text()).contains("код доступа");
        assertThat(chat.botMessages()).hasSize(1);
    }

    @Test
    void aPersonWhoBlockedTheBotIsMarkedAndNotSentToAgain() {
        ChatDriver chat = newChat("Гость");
        chat.blockBot();
        int sendsBefore = TELEGRAM.bot().calls("sendMessage");

        assertThat(sender.send(chat.chatId(), false, Screen.of("Напоминание"))).isEmpty();
        assertThat(recipients.unreachable(chat.chatId())).isTrue();
        assertThat(sender.send(chat.chatId(), false, Screen.of("Ещё одно"))).isEmpty();
        assertThat(TELEGRAM.bot().calls("sendMessage") - sendsBefore).as("the second one was not tried").isEqualTo(1);

        // Writing to the bot again (which unblocks it in Telegram) makes the person reachable.
        chat.send("/start");
        assertThat(chat.awaitBotMessage(WAIT).text()).contains("код доступа");
        assertThat(recipients.unreachable(chat.chatId())).isFalse();
    }

    @Test
    void metricsAndHealthShowTheBotAtWork() throws Exception {
        ChatDriver chat = newChat("Гость");
        chat.send("/start");
        chat.awaitBotMessage(WAIT);

        String metrics = metrics();
        assertThat(metrics).contains("bot_updates_handled_total", "kind=\"command\"", "bot_update_handling_seconds",
                "bot_dialogs_active");
        var telegram = ApiClient.local(port).get("/health").json().path("components").path("telegram");
        assertThat(telegram.path("status").asString()).isEqualTo("UP");
        assertThat(telegram.path("details").path("mode").asString()).isEqualTo("polling");
        assertThat(telegram.toString()).doesNotContain(ru.repitbot.standin.StandInOptions.DEFAULT_TOKEN);
    }
}
