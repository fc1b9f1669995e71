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
 * A tutor's broadcast (docs/domain/notifications.md#q17-messages-are-stored): only to their own students and
 * parents, each once; progress and the report counted from the messages as the engine leaves them; cancel.
 */
class BroadcastsIntegrationTest extends MessagingIntegrationTest {

    /** A tutor with two students, one parent of both, one parent of the first, and a student with no parent. */
    private record Class(long tutor, long anna, long boris, long lonely, long bothParent, long annaParent) {
    }

    private Class aClass() {
        long tutor = users().tutor();
        long anna = users().student(tutor);
        long boris = users().student(tutor);
        long lonely = users().student(tutor);
        long bothParent = users().parent(anna, boris);
        long annaParent = users().parent(anna);
        noQuietHours(anna, boris, lonely, bothParent, annaParent);
        return new Class(tutor, anna, boris, lonely, bothParent, annaParent);
    }

    private static Map<String, Object> broadcast(String audience, String text) {
        Map<String, Object> body = new HashMap<>();
        body.put("audience", audience);
        body.put("text", text);
        return body;
    }

    private List<Long> recipientsOf(long broadcastId) {
        return jdbc.queryForList("SELECT recipient_id FROM outgoing_message WHERE broadcast_id = ? ORDER BY "
                + "recipient_id", Long.class, broadcastId);
    }

    private long messageTo(long broadcastId, long userId) {
        return jdbc.queryForObject("SELECT id FROM outgoing_message WHERE broadcast_id = ? AND recipient_id = ?",
                Long.class, broadcastId, userId);
    }

    private JsonNode started(ApiClient.ApiResponse response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.header("Location")).isEqualTo("/api/v1/broadcasts/" + response.json().path("id").asLong());
        return response.json();
    }

    @Test
    void studentsParentsOrBothEachPersonOnceAndOnlyTheTutorsOwn() {
        Class c = aClass();
        long strangerTutor = users().tutor();
        long strangerStudent = users().student(strangerTutor);
        users().parent(strangerStudent);

        JsonNode students = started(tutor(c.tutor()).post("/api/v1/broadcasts", broadcast("students", "Урока нет")));
        assertThat(students.path("total").asInt()).isEqualTo(3);
        assertThat(students.path("queued").asInt()).isEqualTo(3);
        assertThat(students.path("status").asString()).isEqualTo("running");
        assertThat(recipientsOf(students.path("id").asLong())).containsExactly(c.anna(), c.boris(), c.lonely());

        JsonNode parents = started(tutor(c.tutor()).post("/api/v1/broadcasts", broadcast("parents", "Собрание")));
        assertThat(recipientsOf(parents.path("id").asLong())).as("the parent of two children is told once")
                .containsExactly(c.bothParent(), c.annaParent());

        JsonNode both = started(tutor(c.tutor()).post("/api/v1/broadcasts", broadcast("both", "Каникулы")));
        assertThat(both.path("total").asInt()).isEqualTo(5);
        assertThat(recipientsOf(both.path("id").asLong())).containsExactly(c.anna(), c.boris(), c.lonely(),
                c.bothParent(), c.annaParent());

        Map<String, Object> row = row(messageTo(both.path("id").asLong(), c.bothParent()));
        assertThat(row.get("kind")).isEqualTo("broadcast");
        assertThat(row.get("sender_id")).isEqualTo(c.tutor());
        assertThat(row.get("idempotency_key")).isEqualTo("broadcast:" + both.path("id").asLong() + "@"
                + c.bothParent());
        assertThat((String) row.get("body_text")).startsWith("📣 <b>Рассылка от репетитора Тьютор " + c.tutor())
                .endsWith("Каникулы");

        assertThat(tutor(c.tutor()).get("/api/v1/broadcasts").json().path("items"))
                .extracting(b -> b.path("id").asLong()).containsExactly(both.path("id").asLong(),
                        parents.path("id").asLong(), students.path("id").asLong());
        assertThat(tutor(strangerTutor).get("/api/v1/broadcasts/" + both.path("id").asLong()).status())
                .isEqualTo(404);
        assertThat(tutor(strangerTutor).get("/api/v1/broadcasts").json().path("total").asLong()).isZero();
        assertThat(admin().get("/api/v1/broadcasts/" + both.path("id").asLong()).status()).isEqualTo(200);
        assertThat(parent(c.bothParent()).get("/api/v1/broadcasts").status()).isEqualTo(403);
        assertThat(student(c.anna()).post("/api/v1/broadcasts", broadcast("students", "x")).status())
                .isEqualTo(403);
        assertThat(admin().post("/api/v1/broadcasts", broadcast("students", "x")).status()).isEqualTo(403);
    }

    @Test
    void progressAndTheFinalReportComeFromTheMessages() {
        Class c = aClass();
        jdbc.update("INSERT INTO notice_preference (user_id, kind, enabled) VALUES (?, 'broadcast', false)",
                c.annaParent());
        JsonNode started = started(tutor(c.tutor()).post("/api/v1/broadcasts", broadcast("both", "Каникулы")));
        long id = started.path("id").asLong();
        assertThat(started.path("total").asInt()).isEqualTo(5);
        assertThat(started.path("queued").asInt()).isEqualTo(4);
        assertThat(started.path("skipped").asInt()).as("switched broadcasts off").isEqualTo(1);

        delivered(messageTo(id, c.anna()));
        delivered(messageTo(id, c.boris()));
        finishedAs(messageTo(id, c.lonely()), "failed", "Bad Request: message is too long");
        jdbc.update("UPDATE outgoing_message SET status = 'sending' WHERE id = ?", messageTo(id, c.bothParent()));

        JsonNode progress = tutor(c.tutor()).get("/api/v1/broadcasts/" + id).json();
        assertThat(progress.path("status").asString()).isEqualTo("running");
        assertThat(progress.path("sent").asInt()).isEqualTo(2);
        assertThat(progress.path("failed").asInt()).isEqualTo(1);
        assertThat(progress.path("queued").asInt()).isEqualTo(1);
        assertThat(progress.path("finished_at").isNull()).isTrue();

        jdbc.update("INSERT INTO unreachable_chat (user_id, telegram_chat_id, reason) VALUES (?, 1, 'blocked') "
                + "ON CONFLICT DO NOTHING", c.bothParent());
        finishedAs(messageTo(id, c.bothParent()), "unreachable", null);

        JsonNode report = tutor(c.tutor()).get("/api/v1/broadcasts/" + id).json();
        assertThat(report.path("status").asString()).isEqualTo("finished");
        assertThat(report.path("finished_at").isNull()).isFalse();
        assertThat(report.path("queued").asInt()).isZero();
        assertThat(report.path("sent").asInt()).isEqualTo(2);
        assertThat(report.path("unreachable").asInt()).isEqualTo(1);
        assertThat(report.path("failures")).extracting(f -> f.path("user_id").asLong() + " "
                + f.path("status").asString() + " " + f.path("reason").asString()).containsExactlyInAnyOrder(
                c.lonely() + " failed Bad Request: message is too long",
                c.bothParent() + " unreachable blocked",
                c.annaParent() + " skipped switched_off");
        assertThat(report.path("failures").get(0).path("full_name").asString()).isNotBlank();
        assertThat(jdbc.queryForObject("SELECT status FROM broadcast WHERE id = ?", String.class, id))
                .isEqualTo("finished");

        ApiClient.ApiResponse late = tutor(c.tutor()).post("/api/v1/broadcasts/" + id + "/cancel", null);
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.isProblem()).isTrue();
    }

    @Test
    void cancellingStopsWhatIsStillQueued() {
        Class c = aClass();
        Instant quietUntil = quietNow(c.anna());
        JsonNode started = started(tutor(c.tutor()).post("/api/v1/broadcasts", broadcast("students", "Отмена?")));
        long id = started.path("id").asLong();
        assertThat(((Timestamp) row(messageTo(id, c.anna())).get("next_attempt_at")).toInstant())
                .as("held by the reader's quiet hours").isAfter(quietUntil);
        delivered(messageTo(id, c.boris()));

        assertThat(tutor(users().tutor()).post("/api/v1/broadcasts/" + id + "/cancel", null).status())
                .isEqualTo(404);
        ApiClient.ApiResponse cancelled = tutor(c.tutor()).post("/api/v1/broadcasts/" + id + "/cancel", null);
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().path("status").asString()).isEqualTo("cancelled");
        assertThat(cancelled.json().path("sent").asInt()).isEqualTo(1);
        assertThat(cancelled.json().path("cancelled").asInt()).isEqualTo(2);
        assertThat(cancelled.json().path("queued").asInt()).isZero();
        assertThat(row(messageTo(id, c.anna())).get("status")).isEqualTo("cancelled");
        assertThat(row(messageTo(id, c.boris())).get("status")).isEqualTo("sent");

        assertThat(tutor(c.tutor()).post("/api/v1/broadcasts/" + id + "/cancel", null).json().path("status")
                .asString()).as("cancelling again changes nothing").isEqualTo("cancelled");
    }

    @Test
    void anUrgentBroadcastPassesQuietHours() {
        Class c = aClass();
        quietNow(c.anna());
        Map<String, Object> body = broadcast("students", "Срочно: урок отменён");
        body.put("urgent", true);
        long id = started(tutor(c.tutor()).post("/api/v1/broadcasts", body)).path("id").asLong();
        assertThat(((Timestamp) row(messageTo(id, c.anna())).get("next_attempt_at")).toInstant())
                .isBefore(Instant.now().plusSeconds(5));
    }

    @Test
    void noOneToTellIs409AndBadInputIs400NamingTheField() {
        long tutor = users().tutor();
        users().student(tutor);
        ApiClient.ApiResponse nobody = tutor(tutor).post("/api/v1/broadcasts", broadcast("parents", "x"));
        assertThat(nobody.status()).isEqualTo(409);
        assertThat(nobody.isProblem()).isTrue();

        assertField(tutor(tutor).post("/api/v1/broadcasts", broadcast("everyone", "x")), "audience");
        assertField(tutor(tutor).post("/api/v1/broadcasts", Map.of("text", "x")), "audience");
        assertField(tutor(tutor).post("/api/v1/broadcasts", broadcast("students", " ")), "text");
        assertField(tutor(tutor).post("/api/v1/broadcasts", broadcast("students", "я".repeat(4097))), "text");
        Map<String, Object> tooMany = broadcast("students", "x");
        tooMany.put("file_ids", java.util.Collections.nCopies(11, "f"));
        tooMany.put("file_kind", "photo");
        assertField(tutor(tutor).post("/api/v1/broadcasts", tooMany), "file_ids");
        Map<String, Object> badKind = broadcast("students", "x");
        badKind.put("file_ids", List.of("f"));
        badKind.put("file_kind", "gif");
        assertField(tutor(tutor).post("/api/v1/broadcasts", badKind), "file_kind");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM broadcast WHERE tutor_id = ?", Long.class, tutor))
                .isZero();
    }

    @Test
    void aRetriedBroadcastWithItsIdempotencyKeyIsSentOnce() {
        Class c = aClass();
        ApiClient client = tutor(c.tutor()).withHeader("Idempotency-Key", UUID.randomUUID().toString());
        ApiClient.ApiResponse first = client.post("/api/v1/broadcasts", broadcast("parents", "Один раз"));
        ApiClient.ApiResponse again = client.post("/api/v1/broadcasts", broadcast("parents", "Один раз"));
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("id").asLong()).isEqualTo(first.json().path("id").asLong());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM broadcast WHERE tutor_id = ?", Long.class, c.tutor()))
                .isEqualTo(1);
    }

    private static void assertField(ApiClient.ApiResponse response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().path("errors")).extracting(e -> e.path("field").asString()).contains(field);
    }
}
