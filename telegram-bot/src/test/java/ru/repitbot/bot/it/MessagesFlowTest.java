package ru.repitbot.bot.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import ru.repitbot.models.Role;
import ru.repitbot.standin.ChatDriver;
import ru.repitbot.standin.ChatMessage;
import ru.repitbot.standin.StandInOptions;
import tools.jackson.databind.json.JsonMapper;

/**
 * Messages between a tutor and a family (docs/domain/notifications.md#q17-messages-are-stored): the tutor writes to a
 * student or a parent, a student or a parent to their tutor, conversations and their replies, a Telegram reply to a
 * delivered message forwarded to notification-service.
 */
class MessagesFlowTest extends BotIntegrationTest {

    private static final AtomicLong UPDATE_IDS = new AtomicLong(4_000_000_000L + System.nanoTime() % 1_000_000_000L);
    private final HttpClient http = HttpClient.newHttpClient();

    private ChatDriver tutorWithStudent(long tutorId, long studentId, long parentId) {
        ChatDriver tutor = newChat("Анна");
        loginAs(tutor, Role.TUTOR, tutorId, "Анна Петрова");
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/users/" + tutorId + "/students"))
                .withHeader("Authorization", bearer(tutorId))
                .willReturn(okJson(pageAnswer(List.of(FamilyJson.user(studentId, "student", "Петя Иванов")), 1, 1,
                        1))));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/users/" + studentId)).withHeader("Authorization", bearer(tutorId))
                .willReturn(okJson(FamilyJson.user(studentId, "student", "Петя Иванов"))));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/users/" + parentId)).withHeader("Authorization", bearer(tutorId))
                .willReturn(okJson(FamilyJson.user(parentId, "parent", "Ольга Иванова"))));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/users/" + studentId + "/parents"))
                .withHeader("Authorization", bearer(tutorId))
                .willReturn(okJson("[" + FamilyJson.user(parentId, "parent", "Ольга Иванова") + "]")));
        return tutor;
    }

    @Test
    void aTutorWritesToAParentOfTheirStudentAndSeesItSent() {
        long tutorId = nextId();
        long studentId = nextId();
        long parentId = nextId();
        long conversationId = nextId();
        ChatDriver tutor = tutorWithStudent(tutorId, studentId, parentId);
        GATEWAY.stubFor(post(urlPathEqualTo("/api/v1/messages")).withHeader("Authorization", bearer(tutorId))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody(NotifyJson.sent(nextId(), conversationId))));

        tutor.send("✉️ Написать");
        tutor.awaitBotMessage(m -> m.hasButton("👤 Петя Иванов"), WAIT);
        tutor.press("👤 Петя Иванов");
        ChatMessage whom = tutor.awaitBotMessage(m -> text(m).contains("Кому написать"), WAIT);
        assertThat(whom.buttonTexts()).contains("👨‍🎓 Петя Иванов (ученик)", "👨‍👩‍👧 Ольга Иванова (родитель)");
        tutor.press("👨‍👩‍👧 Ольга Иванова (родитель)");
        tutor.awaitBotMessage(m -> text(m).contains("Сообщение для Ольга Иванова"), WAIT);
        tutor.send("Петя сегодня молодец!");
        ChatMessage confirm = tutor.awaitBotMessage(m -> m.hasButton("✅ Отправить"), WAIT);
        assertThat(confirm.text()).contains("Ольга Иванова", "Петя сегодня молодец!");
        String query = tutor.press("✅ Отправить");

        tutor.awaitCallbackAnswer(query, WAIT);
        assertThat(tutor.awaitBotMessage(m -> text(m).contains("Сообщение отправлено"), WAIT).buttonTexts())
                .contains("💬 Переписка");
        GATEWAY.verify(postRequestedFor(urlPathEqualTo("/api/v1/messages")).withRequestBody(equalToJson("""
                {"to_user_id":%d,"student_id":%d,"text":"Петя сегодня молодец!"}""".formatted(parentId, studentId))));
        assertThat(dialogOf(tutor)).isEmpty();
    }

    @Test
    void fromTheStudentsProfileAnUrgentMessageGoesToTheStudent() {
        long tutorId = nextId();
        ChatDriver tutor = newChat("Анна");
        loginAs(tutor, Role.TUTOR, tutorId, "Анна Петрова");
        long studentId = openStudentProfile(tutor, tutorId, "Петя Иванов", id -> GATEWAY.stubFor(
                get(urlPathEqualTo("/api/v1/balances/" + id)).willReturn(okJson("""
                        {"student_id":%d,"balances":[]}""".formatted(id)))));
        GATEWAY.stubFor(post(urlPathEqualTo("/api/v1/messages")).withHeader("Authorization", bearer(tutorId))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody(NotifyJson.sent(nextId(), nextId()))));

        tutor.press("✉️ Написать");
        tutor.awaitBotMessage(m -> m.hasButton("👨‍🎓 Петя Иванов (ученик)"), WAIT);
        tutor.press("👨‍🎓 Петя Иванов (ученик)");
        tutor.awaitBotMessage(m -> text(m).contains("Сообщение для Петя Иванов"), WAIT);
        tutor.send("Урок через час переносится на 18:00");
        tutor.awaitBotMessage(m -> m.hasButton("⚡ Отправить срочно"), WAIT);
        tutor.press("⚡ Отправить срочно");

        assertThat(tutor.awaitBotMessage(m -> text(m).contains("Сообщение отправлено"), WAIT)).isNotNull();
        GATEWAY.verify(postRequestedFor(urlPathEqualTo("/api/v1/messages")).withRequestBody(equalToJson("""
                {"to_user_id":%d,"student_id":%d,"text":"Урок через час переносится на 18:00","urgent":true}"""
                .formatted(studentId, studentId))));
    }

    @Test
    void aPhotoIsSentByItsFileIdAndARefusedPairIsSaidPolitely() {
        long tutorId = nextId();
        long studentId = nextId();
        ChatDriver tutor = tutorWithStudent(tutorId, studentId, nextId());
        GATEWAY.stubFor(post(urlPathEqualTo("/api/v1/messages")).withHeader("Authorization", bearer(tutorId))
                .willReturn(problem(404, "not found")));

        tutor.send("✉️ Написать");
        tutor.awaitBotMessage(m -> m.hasButton("👤 Петя Иванов"), WAIT);
        tutor.press("👤 Петя Иванов");
        tutor.awaitBotMessage(m -> m.hasButton("👨‍🎓 Петя Иванов (ученик)"), WAIT);
        tutor.press("👨‍🎓 Петя Иванов (ученик)");
        tutor.awaitBotMessage(m -> text(m).contains("Сообщение для"), WAIT);
        ChatMessage photo = tutor.sendPhoto(StudentFlowTest.png(), "Вот разбор задачи");
        ChatMessage confirm = tutor.awaitBotMessage(m -> m.hasButton("✅ Отправить"), WAIT);
        assertThat(confirm.text()).contains("Вот разбор задачи", "Вложение: фото");
        tutor.press("✅ Отправить");

        assertThat(tutor.awaitBotMessage(m -> text(m).contains("написать нельзя"), WAIT)).isNotNull();
        GATEWAY.verify(postRequestedFor(urlPathEqualTo("/api/v1/messages")).withRequestBody(equalToJson("""
                {"to_user_id":%d,"student_id":%d,"text":"Вот разбор задачи","file_ids":["%s"],"file_kind":"photo"}"""
                .formatted(studentId, studentId, photo.photo().fileId()))));
    }

    @Test
    void aStudentWithTwoTutorsPicksOneAndTheServiceDownKeepsTheMessageToSendAgain() {
        long me = nextId();
        long tutorA = nextId();
        long tutorB = nextId();
        ChatDriver student = newChat("Петя");
        loginAs(student, Role.STUDENT, me, "Петя Иванов");
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/users/me/tutors")).withHeader("Authorization", bearer(me))
                .willReturn(okJson("[" + FamilyJson.summary(tutorA, "tutor", "Анна Петрова") + ","
                        + FamilyJson.summary(tutorB, "tutor", "Борис Смирнов") + "]")));
        GATEWAY.stubFor(post(urlPathEqualTo("/api/v1/messages")).withHeader("Authorization", bearer(me))
                .inScenario("down once").whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        GATEWAY.stubFor(post(urlPathEqualTo("/api/v1/messages")).withHeader("Authorization", bearer(me))
                .inScenario("down once").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody(NotifyJson.sent(nextId(), nextId()))));

        student.send("💬 Связь с репетитором");
        student.awaitBotMessage(m -> m.hasButton("✉️ Написать репетитору"), WAIT);
        student.press("✉️ Написать репетитору");
        student.awaitBotMessage(m -> m.hasButton("👨‍🏫 Борис Смирнов"), WAIT);
        student.press("👨‍🏫 Борис Смирнов");
        student.awaitBotMessage(m -> text(m).contains("Сообщение для Борис Смирнов"), WAIT);
        student.send("Можно перенести урок?");
        student.awaitBotMessage(m -> m.hasButton("✅ Отправить"), WAIT);

        String first = student.press("✅ Отправить");
        assertThat(student.awaitCallbackAnswer(first, WAIT).text()).contains("Сервис временно недоступен");
        String second = student.press("✅ Отправить");
        student.awaitCallbackAnswer(second, WAIT);
        assertThat(student.awaitBotMessage(m -> text(m).contains("Сообщение отправлено"), WAIT)).isNotNull();
        GATEWAY.verify(2, postRequestedFor(urlPathEqualTo("/api/v1/messages")).withRequestBody(equalToJson("""
                {"to_user_id":%d,"student_id":%d,"text":"Можно перенести урок?"}""".formatted(tutorB, me))));
    }

    @Test
    void aParentWithTwoChildrenPicksTheChildAndATutorOfAnotherChildIsRefused() throws Exception {
        long me = nextId();
        long olya = nextId();
        long petya = nextId();
        long tutor = nextId();
        ChatDriver parent = newChat("Ольга");
        loginAs(parent, Role.PARENT, me, "Ольга Иванова");
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/users/me/children")).withHeader("Authorization", bearer(me))
                .willReturn(okJson("[" + FamilyJson.user(olya, "student", "Оля Иванова") + ","
                        + FamilyJson.user(petya, "student", "Петя Иванов") + "]")));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/users/" + petya + "/tutors")).withHeader("Authorization",
                bearer(me)).willReturn(okJson("[" + FamilyJson.summary(tutor, "tutor", "Анна Петрова") + "]")));
        GATEWAY.stubFor(post(urlPathEqualTo("/api/v1/messages")).withHeader("Authorization", bearer(me))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody(NotifyJson.sent(nextId(), nextId()))));

        parent.send("💬 Связь с репетитором");
        parent.awaitBotMessage(m -> m.hasButton("✉️ Написать репетитору"), WAIT);
        parent.press("✉️ Написать репетитору");
        parent.awaitBotMessage(m -> m.hasButton("👤 Петя Иванов"), WAIT);
        parent.press("👤 Петя Иванов");
        parent.awaitBotMessage(m -> text(m).contains("Сообщение для Анна Петрова"), WAIT);
        parent.send("Петя заболел");
        parent.awaitBotMessage(m -> m.hasButton("✅ Отправить"), WAIT);
        parent.press("✅ Отправить");
        assertThat(parent.awaitBotMessage(m -> text(m).contains("Сообщение отправлено"), WAIT)).isNotNull();
        GATEWAY.verify(postRequestedFor(urlPathEqualTo("/api/v1/messages")).withRequestBody(equalToJson("""
                {"to_user_id":%d,"student_id":%d,"text":"Петя заболел"}""".formatted(tutor, petya))));

        // A button naming someone who is not Петя's tutor (forged, or a tutor unlinked since) writes to nobody.
        long stranger = nextId();
        ChatMessage sent = parent.lastBotMessage();
        String forged = """
                {"update_id":%d,"callback_query":{"id":"forged-%d","chat_instance":"1",
                 "from":{"id":%d,"is_bot":false,"first_name":"Ольга"},
                 "message":{"message_id":%d,"date":1767225600,"chat":{"id":%d,"type":"private"},"text":"x"},
                 "data":"%s"}}""".formatted(UPDATE_IDS.incrementAndGet(), nextId(), parent.userId(), sent.messageId(),
                parent.chatId(), ru.repitbot.bot.flows.notifications.NotifyRoutes.WRITE_TO.data(stranger, petya));
        int answersBefore = TELEGRAM.bot().calls("answerCallbackQuery");
        webhook(forged);
        org.awaitility.Awaitility.await().atMost(WAIT)
                .until(() -> TELEGRAM.bot().calls("answerCallbackQuery") > answersBefore);
        assertThat(dialogOf(parent)).as("no message started to a stranger").isEmpty();
        GATEWAY.verify(1, postRequestedFor(urlPathEqualTo("/api/v1/messages")).withHeader("Authorization",
                bearer(me)));
    }

    @Test
    void conversationsListAndShowMessagesOldestFirstWithAReply() {
        long tutorId = nextId();
        long studentId = nextId();
        long parentId = nextId();
        long conversationId = nextId();
        ChatDriver tutor = tutorWithStudent(tutorId, studentId, parentId);
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/messages/conversations")).withHeader("Authorization",
                bearer(tutorId)).willReturn(okJson(NotifyJson.page(List.of(NotifyJson.conversation(conversationId,
                tutorId, "Анна Петрова", parentId, "Ольга Иванова", studentId, "Петя Иванов")), 1, 1, 1))));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/messages/conversations/" + conversationId))
                .withHeader("Authorization", bearer(tutorId))
                .willReturn(okJson(NotifyJson.page(List.of(
                        NotifyJson.message(nextId(), parentId, tutorId, "Спасибо!", "2026-03-02T11:00:00Z"),
                        NotifyJson.message(nextId(), tutorId, parentId, "Петя молодец", "2026-03-02T10:00:00Z")),
                        2, 1, 1))));

        tutor.send("💬 Переписка");
        tutor.awaitBotMessage(m -> m.hasButton("💬 Ольга Иванова · Петя Иванов"), WAIT);
        tutor.press("💬 Ольга Иванова · Петя Иванов");
        ChatMessage conversation = tutor.awaitBotMessage(m -> text(m).contains("Спасибо!"), WAIT);

        assertThat(conversation.text()).contains("Вы: Петя молодец", "Ольга Иванова: Спасибо!");
        assertThat(conversation.text().indexOf("Петя молодец")).isLessThan(conversation.text().indexOf("Спасибо!"));
        tutor.press("✍️ Ответить");
        assertThat(tutor.awaitBotMessage(m -> text(m).contains("Сообщение для Ольга Иванова"), WAIT)).isNotNull();
        assertThat(dialogOf(tutor)).hasValueSatisfying(d -> assertThat(d.get("to")).isEqualTo(Long.toString(parentId)));
    }

    @Test
    void aStudentHasNoTutorsMenuKeys() {
        ChatDriver student = newChat("Петя");
        long me = nextId();
        loginAs(student, Role.STUDENT, me, "Петя Иванов");

        for (String key : List.of("✉️ Написать", "📣 Рассылка", "🚫 Недоступные")) {
            student.send(key);
            assertThat(student.awaitBotMessage(WAIT).text()).contains("нет доступа");
        }
        GATEWAY.verify(0, anyRequestedFor(urlPathMatching("/api/v1/(broadcasts|messages|notifications/unreach).*"))
                .withHeader("Authorization", bearer(me)));
    }

    // ---- replies to delivered messages ----

    /** A message notification-service delivered to the chat with the same bot token: its Telegram message id. */
    private int delivered(ChatDriver chat, String text) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(TELEGRAM.apiUrl()
                        + StandInOptions.DEFAULT_TOKEN + "/sendMessage")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"chat_id":%d,"text":"%s"}""".formatted(chat.chatId(), text))).build(),
                HttpResponse.BodyHandlers.ofString());
        return JsonMapper.builder().build().readTree(answer.body()).path("result").path("message_id").asInt();
    }

    /** The person answers that message with Telegram's "reply" (the stand-in's page has no reply: the update itself). */
    private void replyTo(ChatDriver chat, int messageId, String text) throws Exception {
        replyWith(chat, messageId, "\"text\":\"" + text + "\"");
    }

    /** {@code content}: the message's own JSON members ({@code "text":"…"} or {@code "photo":[…]}). */
    private void replyWith(ChatDriver chat, int messageId, String content) throws Exception {
        String update = """
                {"update_id":%d,"message":{"message_id":%d,"date":1767225600,
                 "chat":{"id":%d,"type":"private"},"from":{"id":%d,"is_bot":false,"first_name":"Петя"},
                 %s,"reply_to_message":{"message_id":%d,"date":1767225000,
                 "chat":{"id":%d,"type":"private"},"from":{"id":100000001,"is_bot":true,"first_name":"RepitBot"},
                 "text":"..."}}}""".formatted(UPDATE_IDS.incrementAndGet(), 900_000 + (int) (nextId() % 90_000),
                chat.chatId(), chat.userId(), content, messageId, chat.chatId());
        webhook(update);
    }

    /** An update as Telegram would push it (the bot in these tests polls, but also takes the webhook). */
    private void webhook(String update) throws Exception {
        HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/telegram/webhook")).header("Content-Type", "application/json")
                .header("X-Telegram-Bot-Api-Secret-Token", WEBHOOK_SECRET)
                .POST(HttpRequest.BodyPublishers.ofString(update)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode()).isEqualTo(200);
    }

    @Test
    void aReplyToADeliveredMessageIsForwardedAndTheDialogInProgressStays() throws Exception {
        long me = nextId();
        ChatDriver student = newChat("Петя");
        loginAs(student, Role.STUDENT, me, "Петя Иванов");
        GATEWAY.stubFor(post(urlPathEqualTo("/api/v1/messages/replies")).withHeader("Authorization", bearer(me))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody(NotifyJson.sent(nextId(), nextId()))));
        int fromTutor = delivered(student, "Анна Петрова: не забудь тетрадь");
        // A dialog is in progress: the reply does not feed it.
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/notifications/preferences")).withHeader("Authorization",
                bearer(me)).willReturn(okJson(NotifyJson.preferences(me, null, true))));
        student.send("🔔 Уведомления");
        student.awaitBotMessage(m -> m.hasButton("🌙 Тихие часы"), WAIT);
        student.press("🌙 Тихие часы");
        student.awaitBotMessage(m -> text(m).contains("Введите тихие часы"), WAIT);

        replyTo(student, fromTutor, "Хорошо, возьму");

        assertThat(student.awaitBotMessage(m -> text(m).equals("✅ Отправлено."), WAIT)).isNotNull();
        GATEWAY.verify(postRequestedFor(urlPathEqualTo("/api/v1/messages/replies"))
                .withHeader("Authorization", bearer(me)).withRequestBody(equalToJson("""
                        {"reply_to_telegram_message_id":%d,"text":"Хорошо, возьму"}""".formatted(fromTutor))));
        assertThat(dialogOf(student)).hasValueSatisfying(d -> assertThat(d.name()).isEqualTo("nt.quiet"));

        // A photo alone answers too: it goes on by its Telegram file id.
        replyWith(student, fromTutor, """
                "photo":[{"file_id":"small-photo","file_unique_id":"s1","width":90,"height":90},
                         {"file_id":"large-photo","file_unique_id":"l1","width":800,"height":800}]""");
        org.awaitility.Awaitility.await().atMost(WAIT).untilAsserted(() -> GATEWAY.verify(postRequestedFor(
                urlPathEqualTo("/api/v1/messages/replies")).withRequestBody(equalToJson("""
                        {"reply_to_telegram_message_id":%d,"file_ids":["large-photo"],"file_kind":"photo"}"""
                        .formatted(fromTutor)))));
    }

    @Test
    void aReplyThatCannotBeAnsweredIsSaidAndAReplyToTheBotsOwnScreenIsNotForwarded() throws Exception {
        long me = nextId();
        ChatDriver parent = newChat("Ольга");
        loginAs(parent, Role.PARENT, me, "Ольга Иванова");
        GATEWAY.stubFor(post(urlPathEqualTo("/api/v1/messages/replies")).withHeader("Authorization", bearer(me))
                .willReturn(problem(404, "not a conversation message")));
        int reminder = delivered(parent, "⏰ Завтра урок в 15:30");

        replyTo(parent, reminder, "Ок");
        assertThat(parent.awaitBotMessage(m -> text(m).contains("нельзя ответить"), WAIT)).isNotNull();

        parent.send("/menu");
        ChatMessage menu = parent.awaitBotMessage(m -> text(m).contains("Главное меню родителя"), WAIT);
        replyTo(parent, menu.messageId(), "Ок");
        parent.awaitBotMessage(m -> text(m).contains("Главное меню родителя") && m.messageId() > menu.messageId(),
                WAIT);
        GATEWAY.verify(1, postRequestedFor(urlPathEqualTo("/api/v1/messages/replies"))
                .withHeader("Authorization", bearer(me)));
    }

    @Test
    void aPersonWhoWritesToTheBotHasTheirChatToldToNotificationService() {
        long me = nextId();
        ChatDriver student = newChat("Петя");
        loginAs(student, Role.STUDENT, me, "Петя Иванов");
        GATEWAY.stubFor(com.github.tomakehurst.wiremock.client.WireMock.put(urlPathEqualTo(
                "/api/v1/notifications/chat")).withHeader("Authorization", bearer(me))
                .willReturn(aResponse().withStatus(204)));

        student.send("/menu");
        student.awaitBotMessage(m -> text(m).contains("Главное меню ученика"), WAIT);
        student.send("/menu");
        student.awaitBotMessage(m -> text(m).contains("Главное меню ученика"), WAIT);

        GATEWAY.verify(1, com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor(urlPathEqualTo(
                "/api/v1/notifications/chat")).withHeader("Authorization", bearer(me))
                .withRequestBody(equalToJson("{\"telegram_chat_id\":%d}".formatted(student.chatId()))));
    }
}
