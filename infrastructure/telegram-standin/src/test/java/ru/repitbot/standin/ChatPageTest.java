package ru.repitbot.standin;

import com.pengrad.telegrambot.model.Update;
import com.pengrad.telegrambot.model.request.InlineKeyboardButton;
import com.pengrad.telegrambot.model.request.InlineKeyboardMarkup;
import com.pengrad.telegrambot.model.request.ReplyKeyboardMarkup;
import com.pengrad.telegrambot.request.AnswerCallbackQuery;
import com.pengrad.telegrambot.request.EditMessageText;
import com.pengrad.telegrambot.request.SendMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The chat page and its JSON API, over HTTP as the page uses them (no browser). */
class ChatPageTest extends StandInTestBase {

    @TempDir
    static Path dir;

    @Override
    protected StandInOptions options() {
        return StandInOptions.defaults()
                .withPersona(new Persona("Демо Репетитор", "tutor", 4000000000000001L, "TUTOR123", null))
                .withPersonasFile(dir.resolve("personas.json"));
    }

    private HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(standIn.baseUrl() + path)).GET());
    }

    private HttpResponse<String> post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(standIn.baseUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.parseOrNull(response.body());
    }

    @Test
    void thePageIsServedWithTheElementsTestsTarget() {
        HttpResponse<String> page = get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.body()).contains("<html lang=\"ru\">", "id=\"persona-list\"", "id=\"chat-log\"",
                "id=\"message-input\"", "id=\"send-button\"", "id=\"reply-keyboard\"", "id=\"photo-input\"",
                "id=\"document-input\"", "id=\"new-user-form\"", "id=\"toast\"", "/ui/api/")
                .doesNotContain("http://", "https://"); // nothing from a CDN: works offline
        assertThat(get("/health").body()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void aPersonTalksToTheBotThroughTheUiApi() throws Exception {
        Files.writeString(dir.resolve("personas.json"), """
                {"personas":[{"name":"Демо Ученик","role":"student","telegram_id":4000000000000002,"code":"STUD1234"}]}
                """);
        Thread.sleep(600); // the file is checked at most twice a second

        JsonNode personas = json(get("/ui/api/personas")).path("personas");
        assertThat(personas).extracting(p -> p.path("name").asString()).containsExactly("Демо Репетитор", "Демо Ученик");
        assertThat(personas.get(1).path("role_label").asString()).isEqualTo("ученик");
        assertThat(personas.get(1).path("code").asString()).isEqualTo("STUD1234");
        long student = personas.get(1).path("chat_id").asLong();

        // the person types; the bot gets it
        assertThat(json(post("/ui/api/chats/" + student + "/send", "{\"text\":\"/start\"}")).has("message_id")).isTrue();
        List<Update> updates = poll(2);
        assertThat(updates.getFirst().message().text()).isEqualTo("/start");
        assertThat(updates.getFirst().message().from().firstName()).isEqualTo("Демо");
        assertThat(updates.getFirst().message().from().lastName()).isEqualTo("Ученик");

        // the bot answers with a keyboard; the page sees it
        int id = bot.execute(new SendMessage(student, "Привет!").replyMarkup(new InlineKeyboardMarkup(
                new InlineKeyboardButton("Расписание").callbackData("schedule")))).message().messageId();
        bot.execute(new SendMessage(student, "Меню").replyMarkup(new ReplyKeyboardMarkup("Домашка", "Оплата")));
        JsonNode chat = json(get("/ui/api/chats/" + student + "/messages?since=0"));
        long version = chat.path("version").asLong();
        assertThat(chat.path("messages")).hasSize(3);
        JsonNode hello = chat.path("messages").get(1);
        assertThat(hello.path("from_bot").asBoolean()).isTrue();
        assertThat(hello.path("html").asString()).isEqualTo("Привет!");
        assertThat(hello.path("inline_keyboard").get(0).get(0).path("text").asString()).isEqualTo("Расписание");
        assertThat(chat.path("reply_keyboard").path("rows").get(0).get(1).asString()).isEqualTo("Оплата");
        assertThat(chat.path("bot_connected").asBoolean()).isTrue();

        // the person presses the inline button; the bot answers and edits
        String queryId = json(post("/ui/api/chats/" + student + "/press",
                "{\"message_id\":" + id + ",\"row\":0,\"column\":0}")).path("callback_query_id").asString();
        assertThat(poll(2).getFirst().callbackQuery().id()).isEqualTo(queryId);
        bot.execute(new AnswerCallbackQuery(queryId).text("Загружаю…"));
        // a modified client may send any data for a button of the bot's message: the bot must check it
        String forged = json(post("/ui/api/chats/" + student + "/press",
                "{\"message_id\":" + id + ",\"row\":0,\"column\":0,\"callback_data\":\"ls.v:999\"}"))
                .path("callback_query_id").asString();
        assertThat(poll(2).getFirst().callbackQuery()).satisfies(q -> {
            assertThat(q.id()).isEqualTo(forged);
            assertThat(q.data()).isEqualTo("ls.v:999");
        });
        bot.execute(new AnswerCallbackQuery(forged));
        bot.execute(new EditMessageText(student, id, "Расписание: пн 15:00"));
        JsonNode changes = json(get("/ui/api/chats/" + student + "/messages?since=" + version));
        assertThat(changes.path("messages")).singleElement().satisfies(m -> {
            assertThat(m.path("message_id").asInt()).isEqualTo(id);
            assertThat(m.path("edited").asBoolean()).isTrue();
            assertThat(m.path("text").asString()).isEqualTo("Расписание: пн 15:00");
        });
        assertThat(changes.path("toasts").get(0).path("text").asString()).isEqualTo("Загружаю…");

        // a reply-keyboard button and a photo
        json(post("/ui/api/chats/" + student + "/send", "{\"text\":\"Оплата\",\"via_keyboard\":true}"));
        String boundary = "----standin";
        byte[] image = png(8, 8);
        byte[] multipart = multipart(boundary, image);
        JsonNode photo = json(send(HttpRequest.newBuilder(URI.create(standIn.baseUrl() + "/ui/api/chats/" + student + "/photo"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart))));
        assertThat(photo.has("message_id")).isTrue();
        List<Update> more = poll(2);
        assertThat(more).extracting(u -> u.message().text()).containsExactly("Оплата", null);
        assertThat(more.get(1).message().caption()).isEqualTo("моя домашка");
        String fileId = more.get(1).message().photo()[0].fileId();
        HttpResponse<byte[]> file = http.send(HttpRequest.newBuilder(URI.create(standIn.baseUrl() + "/ui/api/files/" + fileId))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.body()).isEqualTo(image);
        assertThat(file.headers().firstValue("Content-Type")).hasValue("image/png");

        // what the stand-in accepted, with its own clock (benchmarks measure delivery times against it)
        long before = System.currentTimeMillis() - 60_000;
        JsonNode received = json(get("/ui/api/received?since_ms=" + before)).path("received");
        assertThat(received).anySatisfy(r -> {
            assertThat(r.path("chat_id").asLong()).isEqualTo(student);
            assertThat(r.path("message_id").asInt()).isEqualTo(id);
            assertThat(r.path("text").asString()).isEqualTo("Привет!");
            assertThat(r.path("at_ms").asLong()).isBetween(before, System.currentTimeMillis());
        });
        assertThat(json(get("/ui/api/received?since_ms=" + (System.currentTimeMillis() + 60_000))).path("received"))
                .isEmpty();
        assertThat(get("/ui/api/received?since_ms=yesterday").statusCode()).isEqualTo(400);

        // stats and the 429 switch
        JsonNode stats = json(get("/ui/api/stats"));
        assertThat(stats.path("calls").path("sendMessage").asInt()).isEqualTo(2);
        assertThat(stats.path("callback_queries").path("unanswered").asInt()).isZero();
        json(post("/ui/api/control/fail", "{\"count\":1,\"method\":\"sendMessage\",\"error_code\":429,\"retry_after\":3}"));
        assertThat(bot.execute(new SendMessage(student, "x")).parameters().retryAfter()).isEqualTo(3);
    }

    @Test
    void aNewTelegramUserCanBeMadeUp() {
        JsonNode user = json(post("/ui/api/users", "{\"first_name\":\"Гость\"}"));
        long id = user.path("telegram_id").asLong();

        assertThat(id).isPositive();
        assertThat(json(get("/ui/api/chats")).path("chats")).anySatisfy(c -> {
            assertThat(c.path("chat_id").asLong()).isEqualTo(id);
            assertThat(c.path("name").asString()).isEqualTo("Гость");
            assertThat(c.path("persona").asBoolean()).isFalse();
        });
        assertThat(bot.execute(new SendMessage(id, "Добро пожаловать")).isOk()).isTrue();
        assertThat(post("/ui/api/users", "{}").statusCode()).isEqualTo(400);
        assertThat(get("/ui/api/chats/12345/messages").statusCode()).isEqualTo(404);
    }

    @Test
    void crossSitePostsAreRefused() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(standIn.baseUrl() + "/ui/api/users"))
                .header("Content-Type", "application/json").header("Origin", "https://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString("{\"first_name\":\"x\"}")));

        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void theBotStatusAndTheDriverWaitForReplies() {
        ChatDriver tutor = standIn.user(4000000000000001L, "ignored: personas keep their name");
        tutor.send("/start");

        assertThat(json(get("/ui/api/info")).path("bot").path("username").asString()).isEqualTo("repitbot_standin_bot");
        poll(1);
        bot.execute(new SendMessage(tutor.chatId(), "Введите код"));
        assertThat(tutor.awaitBotMessage(m -> m.text().startsWith("Введите"), Duration.ofSeconds(2))).isNotNull();
        assertThat(standIn.bot().messages(tutor.chatId()).getFirst().fromId()).isEqualTo(4000000000000001L);
        assertThat(json(get("/ui/api/chats")).path("chats").get(0).path("name").asString()).isEqualTo("Демо Репетитор");
    }

    @Test
    void aMessagesCallCanWaitForSomethingNew() throws Exception {
        ChatDriver tutor = standIn.user(4000000000000001L, "ignored");
        long chat = tutor.chatId();
        bot.execute(new SendMessage(chat, "Первое"));
        long version = json(get("/ui/api/chats/" + chat + "/messages?since=0")).path("version").asLong();

        // something newer already there: at once
        long started = System.nanoTime();
        JsonNode now = json(get("/ui/api/chats/" + chat + "/messages?since=" + (version - 1) + "&wait=20"));
        assertThat(now.path("messages")).hasSize(1);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));

        // nothing newer: the call waits, and returns as soon as the bot sends
        var waiting = http.sendAsync(HttpRequest.newBuilder(URI.create(standIn.baseUrl() + "/ui/api/chats/" + chat
                + "/messages?since=" + version + "&wait=20")).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        Thread.sleep(700);
        assertThat(waiting).isNotDone();
        bot.execute(new SendMessage(standIn.user(4000000000000009L, "Другой").chatId(), "В другой чат"));
        Thread.sleep(300);
        assertThat(waiting).as("another chat's message does not end the wait").isNotDone();
        long sent = System.nanoTime();
        bot.execute(new SendMessage(chat, "Второе"));
        HttpResponse<String> answer = waiting.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(Duration.ofNanos(System.nanoTime() - sent)).isLessThan(Duration.ofSeconds(2));
        assertThat(json(answer).path("messages")).singleElement()
                .satisfies(m -> assertThat(m.path("text").asString()).isEqualTo("Второе"));

        // an edit counts too
        long afterSecond = json(answer).path("version").asLong();
        int first = json(get("/ui/api/chats/" + chat + "/messages?since=0")).path("messages").get(0)
                .path("message_id").asInt();
        var edit = http.sendAsync(HttpRequest.newBuilder(URI.create(standIn.baseUrl() + "/ui/api/chats/" + chat
                + "/messages?since=" + afterSecond + "&wait=20")).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        Thread.sleep(300);
        bot.execute(new EditMessageText(chat, first, "Первое, исправленное"));
        assertThat(json(edit.get(10, java.util.concurrent.TimeUnit.SECONDS)).path("messages")).singleElement()
                .satisfies(m -> {
                    assertThat(m.path("edited").asBoolean()).isTrue();
                    assertThat(m.path("edit_count").asInt()).isEqualTo(1);
                });

        // nothing at all: empty at the timeout
        long latest = json(get("/ui/api/chats/" + chat + "/messages?since=0")).path("version").asLong();
        started = System.nanoTime();
        JsonNode empty = json(get("/ui/api/chats/" + chat + "/messages?since=" + latest + "&wait=1"));
        assertThat(empty.path("messages")).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(900),
                Duration.ofSeconds(5));

        assertThat(get("/ui/api/chats/" + chat + "/messages?since=0&wait=31").statusCode()).isEqualTo(400);
        assertThat(get("/ui/api/chats/" + chat + "/messages?since=0&wait=soon").statusCode()).isEqualTo(400);
        assertThat(get("/ui/api/chats/" + chat + "/messages?since=0&wait=-1").statusCode()).isEqualTo(400);
    }

    private static byte[] multipart(String boundary, byte[] image) {
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"caption\"\r\n\r\nмоя домашка\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"hw.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        byte[] h = head.getBytes(StandardCharsets.UTF_8);
        byte[] t = tail.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[h.length + image.length + t.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(image, 0, all, h.length, image.length);
        System.arraycopy(t, 0, all, h.length + image.length, t.length);
        return all;
    }
}
