package ru.repitbot.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.repitbot.events.catalogue.SchedulerEvents;
import ru.repitbot.testsupport.ApiClient;
import tools.jackson.databind.JsonNode;

/** Preferences, the chat, the unreachable list and the history, with every role's permission. */
class NotificationApiIntegrationTest extends IntegrationTest {

    private long tutor;
    private long student;
    private long parent;

    @BeforeEach
    void family() {
        tutor = users().tutor();
        student = users().student(tutor);
        parent = users().parent(student);
    }

    private static JsonNode kind(JsonNode preferences, String kind) {
        for (JsonNode k : preferences.path("kinds")) {
            if (k.path("kind").asString().equals(kind)) {
                return k;
            }
        }
        throw new AssertionError("no kind " + kind + " in " + preferences);
    }

    private static void assertBadField(ApiClient.ApiResponse response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.body()).contains("\"" + field + "\"");
    }

    @Test
    void everyoneSeesTheDefaultsAndChangesTheirOwnSettings() {
        ApiClient me = as(parent, "parent");
        JsonNode defaults = me.get("/api/v1/notifications/preferences").json();
        assertThat(defaults.path("user_id").asLong()).isEqualTo(parent);
        assertThat(defaults.path("language").asString()).isEqualTo("ru");
        assertThat(defaults.path("time_zone").asString()).isEqualTo("Europe/Kaliningrad");
        assertThat(defaults.path("quiet_hours").path("start").asString()).isEqualTo("22:00");
        assertThat(defaults.path("quiet_hours").path("end").asString()).isEqualTo("08:00");
        assertThat(kind(defaults, "lesson_reminder_1h").path("urgent").asBoolean()).isTrue();
        assertThat(kind(defaults, "message").path("switchable").asBoolean()).isFalse();
        assertThat(defaults.path("kinds")).hasSize(18);

        Map<String, Object> patch = new HashMap<>();
        patch.put("language", "en");
        patch.put("quiet_hours", Map.of("start", "23:30", "end", "07:00"));
        patch.put("kinds", Map.of("lesson_reminder_24h", Map.of("enabled", false),
                "homework_assigned", Map.of("urgent", true), "message", Map.of("urgent", true)));
        ApiClient.ApiResponse changed = me.patch("/api/v1/notifications/preferences", patch);
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        JsonNode after = me.get("/api/v1/notifications/preferences").json();
        assertThat(after.path("language").asString()).isEqualTo("en");
        assertThat(after.path("quiet_hours").path("start").asString()).isEqualTo("23:30");
        assertThat(kind(after, "lesson_reminder_24h").path("enabled").asBoolean()).isFalse();
        assertThat(kind(after, "lesson_reminder_24h").path("default_enabled").asBoolean()).isTrue();
        assertThat(kind(after, "homework_assigned").path("urgent").asBoolean()).isTrue();
        assertThat(kind(after, "homework_assigned").path("enabled").asBoolean()).isTrue();
        assertThat(kind(after, "message").path("urgent").asBoolean()).isTrue();

        Map<String, Object> none = new HashMap<>();
        none.put("quiet_hours", null);
        assertThat(me.patch("/api/v1/notifications/preferences", none).status()).isEqualTo(200);
        JsonNode quiet = me.get("/api/v1/notifications/preferences").json().path("quiet_hours");
        assertThat(quiet.isNull() || quiet.isMissingNode()).as("no quiet hours: " + quiet).isTrue();
        assertThat(me.get("/api/v1/notifications/preferences").json().path("language").asString())
                .as("absent fields stay").isEqualTo("en");
    }

    @Test
    void badInputIsA400NamingTheFieldAndChangesNothing() {
        ApiClient me = as(student, "student");
        assertBadField(me.patch("/api/v1/notifications/preferences",
                Map.of("kinds", Map.of("lesson_gossip", Map.of("enabled", false)))), "kinds.lesson_gossip");
        assertBadField(me.patch("/api/v1/notifications/preferences",
                Map.of("kinds", Map.of("account_link", Map.of("enabled", false)))), "kinds.account_link");
        assertBadField(me.patch("/api/v1/notifications/preferences",
                Map.of("quiet_hours", Map.of("start", "25:00", "end", "08:00"))), "quiet_hours.start");
        assertBadField(me.patch("/api/v1/notifications/preferences",
                Map.of("language", "de", "kinds", Map.of("homework_assigned", Map.of("enabled", false)))), "language");
        assertThat(kind(me.get("/api/v1/notifications/preferences").json(), "homework_assigned")
                .path("enabled").asBoolean()).as("nothing changed").isTrue();
        assertBadField(me.get("/api/v1/notifications/history?size=1000"), "size");
        assertBadField(me.put("/api/v1/notifications/chat", Map.of()), "telegram_chat_id");
    }

    @Test
    void anotherPersonsSettingsAre404ExceptForAnAdminOrAService() {
        assertThat(as(parent, "parent").get("/api/v1/notifications/preferences?user_id=" + student).status())
                .isEqualTo(404);
        assertThat(as(tutor, "tutor").patch("/api/v1/notifications/preferences?user_id=" + student,
                Map.of("kinds", Map.of("lesson_reminder_24h", Map.of("enabled", false)))).status()).isEqualTo(404);
        assertThat(admin().get("/api/v1/notifications/preferences?user_id=" + student).json().path("user_id")
                .asLong()).isEqualTo(student);
        assertThat(asService("telegram-bot").get("/api/v1/notifications/preferences?user_id=" + student).status())
                .isEqualTo(200);
        assertThat(admin().get("/api/v1/notifications/preferences?user_id=" + newId()).status()).isEqualTo(404);
        assertThat(asService("telegram-bot").get("/api/v1/notifications/preferences").status()).isEqualTo(400);
    }

    @Test
    void theChatMakesAnUnreachablePersonReachableAndTheTutorSeesOnlyTheirOwn() {
        long stranger = users().student(users().tutor());
        jdbc.update("INSERT INTO unreachable_chat (user_id, telegram_chat_id, reason, description) VALUES "
                + "(?, 1, 'blocked', 'Forbidden: bot was blocked by the user'), (?, 2, 'never_started', null), "
                + "(?, 3, 'blocked', null)", parent, student, stranger);

        JsonNode list = as(tutor, "tutor").get("/api/v1/notifications/unreachable").json();
        assertThat(list.path("items")).hasSize(2);
        JsonNode parentRow = list.path("items").valueStream().filter(i -> i.path("user_id").asLong() == parent)
                .findFirst().orElseThrow();
        assertThat(parentRow.path("role").asString()).isEqualTo("parent");
        assertThat(parentRow.path("reason").asString()).isEqualTo("blocked");
        assertThat(parentRow.path("full_name").asString()).isEqualTo(nameOf(parent));
        assertThat(parentRow.path("student_ids").get(0).asLong()).isEqualTo(student);
        assertThat(admin().get("/api/v1/notifications/unreachable").json().path("items").toString())
                .contains("\"user_id\":" + stranger);
        assertThat(as(parent, "parent").get("/api/v1/notifications/unreachable").status()).isEqualTo(403);

        // The parent's Telegram account as user-service bound it (user.updated), and the stranger's.
        long parentChat = 777_000_000L + parent;
        long strangerChat = 777_000_000L + stranger;
        jdbc.update("INSERT INTO recipient (user_id, telegram_chat_id) VALUES (?, ?), (?, ?) ON CONFLICT (user_id) "
                + "DO UPDATE SET telegram_chat_id = EXCLUDED.telegram_chat_id", parent, parentChat, stranger,
                strangerChat);
        assertThat(as(parent, "parent").put("/api/v1/notifications/chat", Map.of("telegram_chat_id",
                strangerChat)).status()).as("someone else's chat").isEqualTo(409);
        assertThat(jdbc.queryForObject("SELECT telegram_chat_id FROM recipient WHERE user_id = ?", Long.class,
                stranger)).as("nobody takes another person's chat").isEqualTo(strangerChat);
        assertThat(as(tutor, "tutor").get("/api/v1/notifications/unreachable").json().path("items")).hasSize(2);

        assertThat(as(parent, "parent").put("/api/v1/notifications/chat", Map.of("telegram_chat_id", parentChat))
                .status()).isEqualTo(204);
        assertThat(as(tutor, "tutor").get("/api/v1/notifications/unreachable").json().path("items")).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT telegram_chat_id FROM recipient WHERE user_id = ?", Long.class, parent))
                .isEqualTo(parentChat);
        assertThat(asService("telegram-bot").put("/api/v1/notifications/chat", Map.of("telegram_chat_id", 5))
                .status()).isEqualTo(403);
    }

    @Test
    void theHistoryIsOneselfsTheTutorsStudentsAndParentsOrAnAdmins() {
        OffsetDateTime start = Instant.now().plus(Duration.ofHours(1)).atOffset(ZoneOffset.UTC);
        long lesson = newId();
        publishAndWait(envelope("scheduler-service", new SchedulerEvents.ReminderDue("lesson_reminder_1h", "lesson",
                lesson, student, tutor, start, start.minusHours(1), false, "reminder:1h:" + lesson, "Дроби", null,
                lesson, 60), null));

        JsonNode own = as(parent, "parent").get("/api/v1/notifications/history").json();
        assertThat(own.path("total").asLong()).isEqualTo(1);
        JsonNode item = own.path("items").get(0);
        assertThat(item.path("kind").asString()).isEqualTo("lesson_reminder_1h");
        assertThat(item.path("recipient_id").asLong()).isEqualTo(parent);
        assertThat(item.path("status").asString()).isEqualTo("queued");
        assertThat(item.path("text").asString()).contains("Дроби");

        assertThat(as(tutor, "tutor").get("/api/v1/notifications/history?user_id=" + parent).json()
                .path("total").asLong()).isEqualTo(1);
        assertThat(as(tutor, "tutor").get("/api/v1/notifications/history?user_id=" + student).status())
                .isEqualTo(200);
        long otherTutor = users().tutor();
        assertThat(as(otherTutor, "tutor").get("/api/v1/notifications/history?user_id=" + parent).status())
                .isEqualTo(404);
        assertThat(as(student, "student").get("/api/v1/notifications/history?user_id=" + parent).status())
                .isEqualTo(404);
        assertThat(as(parent, "parent").get("/api/v1/notifications/history?user_id=" + student).status())
                .as("a parent reads their own messages").isEqualTo(404);
        assertThat(admin().get("/api/v1/notifications/history?user_id=" + student + "&page=1&size=5").json()
                .path("size").asInt()).isEqualTo(5);
        assertThat(List.of(as(student, "student").get("/api/v1/notifications/history").json().path("total")
                .asLong())).containsExactly(1L);
    }

    @Test
    void malformedBodiesAreProblemsNamingTheField() {
        ApiClient me = as(tutor, "tutor");
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("{\"language\": 12345}", "language");
        cases.put("{\"language\": {\"x\": 1}}", "language");
        cases.put("{\"quiet_hours\": \"abc\"}", "quiet_hours");
        cases.put("{\"quiet_hours\": [1]}", "quiet_hours");
        cases.put("{\"quiet_hours\": {\"x\": 1}}", "quiet_hours");
        cases.put("{\"quiet_hours\": {\"start\": \"22:00\"}}", "quiet_hours.end");
        cases.put("{\"kinds\": {\"x\": 1}}", "kinds");
        cases.put("{\"kinds\": \"abc\"}", "kinds");
        cases.put("{\"kinds\": {\"broadcast\": {\"enabled\": \"maybe\"}}}", "kinds");
        cases.put("{\"kinds\": {\"broadcast\": null}}", "kinds.broadcast");
        cases.put("{\"colour\": \"red\"}", "colour");
        cases.forEach((body, field) -> {
            ApiClient.ApiResponse response = me.sendRaw("PATCH", "/api/v1/notifications/preferences", body);
            assertThat(response.status()).as(body + " -> " + response).isEqualTo(400);
            assertThat(response.isProblem()).isTrue();
            assertThat(response.json().path("errors").valueStream().map(e -> e.path("field").asString())
                    .anyMatch(f -> f.equals(field) || f.startsWith(field + ".") || f.startsWith(field + "[")))
                    .as(body + " names " + field + ": " + response).isTrue();
        });
        ApiClient.ApiResponse chat = me.sendRaw("PUT", "/api/v1/notifications/chat",
                "{\"telegram_chat_id\": 9223372036854775808}");
        assertThat(chat.status()).as(chat.toString()).isEqualTo(400);
        assertThat(me.sendRaw("PATCH", "/api/v1/notifications/preferences", "null").status()).isEqualTo(400);
        assertThat(me.get("/api/v1/notifications/history?user_id=abc").status()).isEqualTo(400);
    }
}
