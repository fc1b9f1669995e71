package ru.repitbot.standin;

import com.pengrad.telegrambot.model.WebhookInfo;
import com.pengrad.telegrambot.request.DeleteWebhook;
import com.pengrad.telegrambot.request.GetUpdates;
import com.pengrad.telegrambot.request.GetWebhookInfo;
import com.pengrad.telegrambot.request.SetWebhook;
import com.pengrad.telegrambot.response.BaseResponse;
import com.pengrad.telegrambot.response.GetUpdatesResponse;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookTest extends StandInTestBase {

    record Delivery(String secret, String contentType, String body) {
    }

    private HttpServer receiver;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile String reply;

    @Override
    protected StandInOptions options() {
        return StandInOptions.defaults().withWebhookRetry(Duration.ofMillis(100), Duration.ofMillis(400));
    }

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", ex -> {
            deliveries.add(new Delivery(ex.getRequestHeaders().getFirst("X-Telegram-Bot-Api-Secret-Token"),
                    ex.getRequestHeaders().getFirst("Content-Type"),
                    new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            boolean fail = failuresLeft.getAndDecrement() > 0;
            byte[] body = fail || reply == null ? new byte[0] : reply.getBytes(StandardCharsets.UTF_8);
            if (body.length > 0) {
                ex.getResponseHeaders().set("Content-Type", "application/json");
            }
            ex.sendResponseHeaders(fail ? 500 : 200, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                ex.getResponseBody().write(body);
            }
            ex.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    private String hookUrl() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    @Test
    void updatesArePostedWithTheSecretAndRetriedWhileTheBotAnswersAnError() {
        ChatDriver anna = standIn.user(1001, "Анна");
        BaseResponse set = bot.execute(new SetWebhook().url(hookUrl()).secretToken("s3cr3t_token-1").maxConnections(5));
        assertThat(set.isOk()).isTrue();
        assertThat(set.description()).isEqualTo("Webhook was set");
        failuresLeft.set(2);

        anna.send("привет");

        ChatMessage none = null;
        long deadline = System.currentTimeMillis() + 5000;
        while (standIn.bot().pendingUpdates() > 0 && System.currentTimeMillis() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(standIn.bot().pendingUpdates()).isZero();
        assertThat(deliveries).hasSize(3).allSatisfy(d -> {
            assertThat(d.secret()).isEqualTo("s3cr3t_token-1");
            assertThat(d.contentType()).isEqualTo("application/json");
            assertThat(d.body()).contains("\"text\":\"привет\"").contains("\"update_id\"");
        });
        assertThat(none).isNull();

        WebhookInfo info = bot.execute(new GetWebhookInfo()).webhookInfo();
        assertThat(info.url()).isEqualTo(hookUrl());
        assertThat(info.pendingUpdateCount()).isZero();
        assertThat(info.maxConnections()).isEqualTo(5);
        assertThat(info.lastErrorMessage()).isEqualTo("Wrong response from the webhook: 500 Internal Server Error");

        GetUpdatesResponse conflict = bot.execute(new GetUpdates());
        assertThat(conflict.errorCode()).isEqualTo(409);
        assertThat(conflict.description()).isEqualTo(
                "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");

        BaseResponse deleted = bot.execute(new DeleteWebhook());
        assertThat(deleted.description()).isEqualTo("Webhook was deleted");
        anna.send("ещё");
        assertThat(poll(1)).extracting(u -> u.message().text()).containsExactly("ещё");
    }

    @Test
    void aWebhookMayAnswerWithAMethodCall() {
        ChatDriver anna = standIn.user(1001, "Анна");
        reply = "{\"method\":\"sendMessage\",\"chat_id\":1001,\"text\":\"pong\"}";
        bot.execute(new SetWebhook().url(hookUrl()));

        anna.send("ping");

        assertThat(anna.awaitBotMessage(Duration.ofSeconds(5)).text()).isEqualTo("pong");
    }

    @Test
    void badWebhookSettingsAreRefused() {
        assertThat(bot.execute(new SetWebhook().url("ftp://example.org/hook")).description())
                .isEqualTo("Bad Request: bad webhook: An HTTPS URL must be provided for webhook");
        assertThat(bot.execute(new SetWebhook().url(hookUrl()).secretToken("no spaces")).description())
                .isEqualTo("Bad Request: secret token contains unallowed characters");
        assertThat(bot.execute(new DeleteWebhook()).description()).isEqualTo("Webhook is already deleted");
    }
}
