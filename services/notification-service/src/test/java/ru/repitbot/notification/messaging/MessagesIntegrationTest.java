package ru.repitbot.notification.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import ru.repitbot.testsupport.ApiClient;
import tools.jackson.databind.JsonNode;

/**
 * Messages between a tutor and a family (docs/domain/notifications.md#q17-messages-are-stored): who may write to
 * whom, what the reader gets, threading, replies through Telegram, quiet hours and Idempotency-Key.
 */
class MessagesIntegrationTest extends MessagingIntegrationTest {

    private static Map<String, Object> to(long userId, String text) {
        Map<String, Object> body = new HashMap<>();
        body.put("to_user_id", userId);
        body.put("text", text);
        return body;
    }

    private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put(key, value);
        return copy;
    }

    private static long id(ApiClient.ApiResponse response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().path("id").asLong();
    }

    @Test
    void aTutorWritesToTheirStudentWhoReadsWhoWroteInTheirLanguage() {
        long tutor = users().tutor();
        long student = users().student(tutor);
        chatOf(student);
        noQuietHours(student);

        ApiClient.ApiResponse response = tutor(tutor).post("/api/v1/messages",
                to(student, "Завтра урок переносится <на час>"));
        long id = id(response);
        assertThat(response.header("Location")).isEqualTo("/api/v1/messages/" + id);
        assertThat(response.json().path("status").asString()).isEqualTo("queued");
        long conversation = response.json().path("conversation_id").asLong();

        Map<String, Object> row = row(id);
        assertThat(row.get("kind")).isEqualTo("message");
        assertThat(row.get("recipient_id")).isEqualTo(student);
        assertThat(row.get("sender_id")).isEqualTo(tutor);
        assertThat(row.get("telegram_chat_id")).isEqualTo(7_000_000_000L + student);
        assertThat((String) row.get("body_text"))
                .startsWith("✉️ <b>Сообщение от репетитора Тьютор " + tutor + "</b>")
                .contains("Завтра урок переносится &lt;на час&gt;");
        assertThat(((Timestamp) row.get("next_attempt_at")).toInstant()).isBefore(Instant.now().plusSeconds(5));

        language(student, "en");
        long second = id(tutor(tutor).post("/api/v1/messages", to(student, "Second")));
        assertThat((String) row(second).get("body_text")).startsWith("✉️ <b>Message from your tutor Тьютор " + tutor);
        assertThat(tutor(tutor).get("/api/v1/messages/" + second).json().path("conversation_id").asLong())
                .as("threaded into the same conversation").isEqualTo(conversation);
    }

    @Test
    void aParentOfTwoChildrenSaysWhichChildAndEachChildIsItsOwnThread() {
        long tutor = users().tutor();
        long older = users().student(tutor);
        long younger = users().student(tutor);
        long parent = users().parent(older, younger);
        noQuietHours(parent, tutor);

        ApiClient.ApiResponse which = tutor(tutor).post("/api/v1/messages", to(parent, "Здравствуйте"));
        assertThat(which.status()).isEqualTo(400);
        assertThat(which.json().path("errors").get(0).path("field").asString()).isEqualTo("student_id");

        long aboutOlder = id(tutor(tutor).post("/api/v1/messages", with(to(parent, "О старшем"), "student_id",
                older)));
        assertThat((String) row(aboutOlder).get("body_text")).contains("(ученик: Ученик " + older + ")");
        long aboutYounger = id(tutor(tutor).post("/api/v1/messages", with(to(parent, "О младшем"), "student_id",
                younger)));
        long answer = id(parent(parent).post("/api/v1/messages", with(to(tutor, "Спасибо"), "student_id", older)));
        assertThat((String) row(answer).get("body_text"))
                .startsWith("✉️ <b>Сообщение от родителя Родитель " + parent + "</b> (ученик: Ученик " + older + ")");

        JsonNode conversations = parent(parent).get("/api/v1/messages/conversations").json();
        assertThat(conversations.path("total").asLong()).isEqualTo(2);
        JsonNode latest = conversations.path("items").get(0);
        assertThat(latest.path("student_id").asLong()).as("the latest message first").isEqualTo(older);
        assertThat(latest.path("tutor_name").asString()).isEqualTo("Тьютор " + tutor);
        assertThat(latest.path("other_name").asString()).isEqualTo("Родитель " + parent);
        assertThat(latest.path("student_name").asString()).isEqualTo("Ученик " + older);

        long olderThread = latest.path("id").asLong();
        JsonNode thread = tutor(tutor).get("/api/v1/messages/conversations/" + olderThread).json();
        assertThat(thread.path("items")).extracting(m -> m.path("id").asLong()).containsExactly(answer, aboutOlder);
        assertThat(thread.path("items").get(0).path("text").asString()).as("the sender's own words")
                .isEqualTo("Спасибо");
        assertThat(thread.path("items").get(0).path("sender_id").asLong()).isEqualTo(parent);
        assertThat(row(aboutYounger).get("conversation_id")).isNotEqualTo(olderThread);
        assertThat(student(older).get("/api/v1/messages/conversations/" + olderThread).status())
                .as("the child is not in the parent's thread").isEqualTo(404);
        assertThat(admin().get("/api/v1/messages/conversations/" + olderThread).status()).isEqualTo(200);
    }

    @Test
    void onlyTutorsAndTheirOwnFamiliesTalkEveryoneElseGets404() {
        long tutor = users().tutor();
        long student = users().student(tutor);
        long parent = users().parent(student);
        long otherTutor = users().tutor();
        long otherStudent = users().student(otherTutor);
        long otherParent = users().parent(otherStudent);

        assertThat(tutor(tutor).post("/api/v1/messages", to(otherStudent, "x")).status()).isEqualTo(404);
        assertThat(tutor(tutor).post("/api/v1/messages", to(otherParent, "x")).status()).isEqualTo(404);
        assertThat(tutor(tutor).post("/api/v1/messages", to(otherTutor, "x")).status()).isEqualTo(404);
        assertThat(tutor(tutor).post("/api/v1/messages", to(tutor, "x")).status()).isEqualTo(404);
        assertThat(tutor(tutor).post("/api/v1/messages", to(999_999_999L, "x")).status()).isEqualTo(404);
        assertThat(tutor(tutor).post("/api/v1/messages", with(to(student, "x"), "student_id", otherStudent))
                .status()).isEqualTo(404);
        assertThat(tutor(tutor).post("/api/v1/messages", with(to(parent, "x"), "student_id", otherStudent))
                .status()).isEqualTo(404);
        assertThat(student(student).post("/api/v1/messages", to(otherTutor, "x")).status()).isEqualTo(404);
        assertThat(student(student).post("/api/v1/messages", to(parent, "x")).status()).isEqualTo(404);
        assertThat(parent(parent).post("/api/v1/messages", to(otherTutor, "x")).status()).isEqualTo(404);
        assertThat(parent(otherParent).post("/api/v1/messages", to(tutor, "x")).status()).isEqualTo(404);
        assertThat(admin().post("/api/v1/messages", to(student, "x")).status()).isEqualTo(403);

        long mine = id(tutor(tutor).post("/api/v1/messages", to(student, "Привет")));
        long conversation = tutor(tutor).get("/api/v1/messages/" + mine).json().path("conversation_id").asLong();
        assertThat(id(student(student).post("/api/v1/messages", to(tutor, "Здравствуйте")))).isPositive();
        assertThat(id(parent(parent).post("/api/v1/messages", to(tutor, "Добрый день")))).isPositive();

        assertThat(tutor(otherTutor).get("/api/v1/messages/conversations/" + conversation).status())
                .isEqualTo(404);
        assertThat(parent(parent).get("/api/v1/messages/conversations/" + conversation).status()).isEqualTo(404);
        assertThat(tutor(otherTutor).get("/api/v1/messages/" + mine).status()).isEqualTo(404);
        assertThat(student(student).get("/api/v1/messages/" + mine).status()).isEqualTo(200);
        assertThat(tutor(otherTutor).get("/api/v1/messages/conversations").json().path("total").asLong())
                .isZero();
        assertThat(student(student).get("/api/v1/messages/conversations").json().path("items"))
                .extracting(c -> c.path("id").asLong()).containsExactly(conversation);
    }

    @Test
    void aMessageWaitsForTheEndOfTheReadersQuietHoursUnlessUrgent() {
        long tutor = users().tutor();
        long student = users().student(tutor);
        Instant quietUntil = quietNow(student);

        long held = id(tutor(tutor).post("/api/v1/messages", to(student, "Не срочно")));
        assertThat(((Timestamp) row(held).get("next_attempt_at")).toInstant()).isAfter(quietUntil);

        long urgent = id(tutor(tutor).post("/api/v1/messages", with(to(student, "Срочно!"), "urgent", true)));
        assertThat(((Timestamp) row(urgent).get("next_attempt_at")).toInstant())
                .isBefore(Instant.now().plusSeconds(5));

        jdbc.update("INSERT INTO notice_preference (user_id, kind, urgent) VALUES (?, 'message', true)", student);
        long readerSaysUrgent = id(tutor(tutor).post("/api/v1/messages", to(student, "Тоже сразу")));
        assertThat(((Timestamp) row(readerSaysUrgent).get("next_attempt_at")).toInstant())
                .isBefore(Instant.now().plusSeconds(5));
    }

    @Test
    void aTelegramReplyGoesToTheOtherSideOfItsConversationAndBackAgain() {
        long tutor = users().tutor();
        long student = users().student(tutor);
        long parent = users().parent(student);
        chatOf(tutor);
        chatOf(parent);
        noQuietHours(tutor, parent);

        long question = id(tutor(tutor).post("/api/v1/messages", to(parent, "Как дела у Маши?")));
        long questionInParentsChat = delivered(question);

        ApiClient.ApiResponse reply = parent(parent).post("/api/v1/messages/replies",
                Map.of("reply_to_telegram_message_id", questionInParentsChat, "text", "Хорошо!"));
        long answer = id(reply);
        Map<String, Object> answerRow = row(answer);
        assertThat(answerRow.get("recipient_id")).isEqualTo(tutor);
        assertThat(answerRow.get("sender_id")).isEqualTo(parent);
        assertThat(answerRow.get("reply_to_message_id")).isEqualTo(question);
        assertThat(answerRow.get("conversation_id")).isEqualTo(row(question).get("conversation_id"));
        assertThat((String) answerRow.get("body_text")).startsWith("✉️ <b>Сообщение от родителя Родитель " + parent)
                .contains("Хорошо!");

        long answerInTutorsChat = delivered(answer);
        long back = id(tutor(tutor).post("/api/v1/messages/replies", Map.of("reply_to_telegram_message_id",
                answerInTutorsChat, "file_ids", List.of("AgADphoto"), "file_kind", "photo")));
        assertThat(row(back).get("recipient_id")).isEqualTo(parent);
        JsonNode photo = parent(parent).get("/api/v1/messages/" + back).json();
        assertThat(photo.path("text").isNull()).as("a photo alone has no words").isTrue();
        assertThat(photo.path("file_ids").get(0).asString()).isEqualTo("AgADphoto");
        assertThat(photo.path("file_kind").asString()).isEqualTo("photo");
        assertThat(photo.path("sender_id").asLong()).isEqualTo(tutor);
        assertThat(row(back).get("conversation_id")).isEqualTo(row(question).get("conversation_id"));

        assertThat(tutor(tutor).post("/api/v1/messages/replies", Map.of("reply_to_telegram_message_id",
                questionInParentsChat, "text", "x")).status())
                .as("the tutor's own message, delivered to the parent, is not in the tutor's chat").isEqualTo(404);
        assertThat(parent(parent).post("/api/v1/messages/replies", Map.of("reply_to_telegram_message_id",
                987_654_321L, "text", "x")).status()).isEqualTo(404);

        jdbc.update("DELETE FROM access_link WHERE kind = 'parent' AND user_id = ?", parent);
        assertThat(parent(parent).post("/api/v1/messages/replies", Map.of("reply_to_telegram_message_id",
                questionInParentsChat, "text", "Ещё")).status()).as("unlinked since").isEqualTo(404);
    }

    @Test
    void aReplyFindsAMessageQueuedBeforeTheReadersChatWasKnown() {
        long tutor = users().tutor();
        long student = users().student(tutor);
        noQuietHours(tutor, student);
        long early = id(tutor(tutor).post("/api/v1/messages", to(student, "Добро пожаловать")));
        assertThat(row(early).get("telegram_chat_id")).isNull();
        chatOf(student);
        long inStudentsChat = delivered(early);

        long answer = id(student(student).post("/api/v1/messages/replies",
                Map.of("reply_to_telegram_message_id", inStudentsChat, "text", "Спасибо!")));
        assertThat(row(answer).get("recipient_id")).isEqualTo(tutor);
        assertThat(row(answer).get("reply_to_message_id")).isEqualTo(early);
        assertThat(tutor(tutor).post("/api/v1/messages/replies", Map.of("reply_to_telegram_message_id",
                inStudentsChat, "text", "x")).status()).as("not delivered to the tutor").isEqualTo(404);
    }

    @Test
    void aRepeatedRequestWithItsIdempotencyKeyQueuesOneMessage() {
        long tutor = users().tutor();
        long student = users().student(tutor);
        ApiClient client = tutor(tutor).withHeader("Idempotency-Key", UUID.randomUUID().toString());

        ApiClient.ApiResponse first = client.post("/api/v1/messages", to(student, "Один раз"));
        ApiClient.ApiResponse again = client.post("/api/v1/messages", to(student, "Один раз"));
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.json().path("id").asLong()).isEqualTo(first.json().path("id").asLong());
        assertThat(client.post("/api/v1/messages", to(student, "Другой текст")).status()).isEqualTo(409);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM outgoing_message WHERE recipient_id = ?", Long.class,
                student)).isEqualTo(1);
    }

    @Test
    void badContentIsA400NamingTheField() {
        long tutor = users().tutor();
        long student = users().student(tutor);
        assertField(tutor(tutor).post("/api/v1/messages", Map.of("to_user_id", student)), "text");
        assertField(tutor(tutor).post("/api/v1/messages", to(student, "   ")), "text");
        assertField(tutor(tutor).post("/api/v1/messages", to(student, "я".repeat(4097))), "text");
        assertField(tutor(tutor).post("/api/v1/messages", to(student, "я".repeat(4090))), "text");
        assertField(tutor(tutor).post("/api/v1/messages", with(to(student, "x"), "file_ids",
                java.util.Collections.nCopies(11, "f"))), "file_ids");
        assertField(tutor(tutor).post("/api/v1/messages", with(with(to(student, "x"), "file_ids", List.of("f")),
                "file_kind", "sticker")), "file_kind");
        assertField(tutor(tutor).post("/api/v1/messages", with(to(student, "x"), "file_ids", List.of("f"))),
                "file_kind");
        assertField(tutor(tutor).post("/api/v1/messages", Map.of("text", "x")), "to_user_id");
        assertField(tutor(tutor).post("/api/v1/messages", with(to(student, "x"), "colour", "red")), "colour");
        assertField(tutor(tutor).post("/api/v1/messages/replies", Map.of("text", "x")),
                "reply_to_telegram_message_id");
        assertField(tutor(tutor).withHeader("Idempotency-Key", " ").post("/api/v1/messages", to(student, "x")),
                "Idempotency-Key");
        assertField(tutor(tutor).get("/api/v1/messages/conversations?size=0"), "size");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM outgoing_message WHERE recipient_id = ?", Long.class,
                student)).isZero();
    }

    private static void assertField(ApiClient.ApiResponse response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().path("errors")).extracting(e -> e.path("field").asString()).contains(field);
    }
}
