package ru.repitbot.bot.it;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import ru.repitbot.standin.ChatDriver;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the lesson, schedule and calendar tests share: the JSON lesson-service and user-service answer (every field,
 * snake_case, nulls present), and the way to a student's profile as a tutor walks it.
 */
abstract class LessonsTestSupport extends BotIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicLong UPDATE_IDS = new AtomicLong(3_000_000_000L + System.nanoTime() % 1_000_000_000L);
    private final HttpClient http = HttpClient.newHttpClient();

    static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    static String userJson(long id, String role, String name) {
        return """
                {"id":%d,"role":"%s","full_name":"%s","telegram_id":null,"username":null,
                 "time_zone":"Europe/Moscow","grade":null}""".formatted(id, role, name);
    }

    /** A lesson as {@code LessonResponse} shows it; {@code changes} override the defaults (a scheduled lesson). */
    static Map<String, Object> lesson(long id, long tutorId, long studentId, String topic, String startAt,
            Object... changes) {
        Map<String, Object> lesson = new LinkedHashMap<>();
        lesson.put("id", id);
        lesson.put("tutor_id", tutorId);
        lesson.put("student_id", studentId);
        lesson.put("topic", topic);
        lesson.put("start_at", startAt);
        lesson.put("end_at", startAt == null ? null
                : java.time.OffsetDateTime.parse(startAt).plusMinutes(60).toString());
        lesson.put("duration_minutes", 60);
        lesson.put("time_zone", "Europe/Moscow");
        lesson.put("skills_developed", null);
        lesson.put("mastery_level", "not_learned");
        lesson.put("mastery_comment", null);
        lesson.put("attendance_status", "scheduled");
        lesson.put("lesson_status", "not_conducted");
        lesson.put("charged", false);
        lesson.put("original_start_at", null);
        lesson.put("is_rescheduled", false);
        lesson.put("is_makeup", false);
        lesson.put("topic_moved_to_lesson_id", null);
        lesson.put("cancellation_reason", null);
        lesson.put("reschedule_reason", null);
        lesson.put("created_at", "2030-01-01T10:00:00+03:00");
        lesson.put("updated_at", "2030-01-01T10:00:00+03:00");
        lesson.put("version", 1);
        for (int i = 0; i + 1 < changes.length; i += 2) {
            lesson.put((String) changes[i], changes[i + 1]);
        }
        return lesson;
    }

    static String page(List<?> items, long total, int page, int size) {
        int pages = (int) ((total + size - 1) / size);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", items);
        body.put("total", total);
        body.put("page", page);
        body.put("size", size);
        body.put("pages", pages);
        return json(body);
    }

    /** An RFC 9457 problem with extension members, as lesson-service's overlap answer. */
    static ResponseDefinitionBuilder overlapProblem(long lessonId, String startAt) {
        return WireMock.aResponse().withStatus(409).withHeader("Content-Type", "application/problem+json")
                .withBody(json(Map.of("type", "https://repitbot.ru/problems/lesson-overlap", "title", "Conflict",
                        "status", 409, "detail", "The tutor already has lesson " + lessonId + " at that time (starting "
                                + startAt + ")", "instance", "/api/v1/lessons", "conflicting_lesson_id", lessonId,
                        "conflicting_start_at", startAt)));
    }

    static void stubLesson(Map<String, Object> lesson) {
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/lessons/" + lesson.get("id"))).willReturn(okJson(json(lesson))));
    }

    /** The tutor's one student, their profile (no parents; balance and next lessons unanswered: "—"). */
    static void stubStudent(long tutorId, long studentId, String name) {
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/users/" + tutorId + "/students"))
                .withHeader("Authorization", bearer(tutorId))
                .willReturn(okJson("""
                        {"items":[%s],"total":1,"page":1,"size":10,"pages":1}"""
                        .formatted(userJson(studentId, "student", name)))));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/users/" + studentId)).withHeader("Authorization", bearer(tutorId))
                .willReturn(okJson(userJson(studentId, "student", name))));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/users/" + studentId + "/parents")).willReturn(okJson("[]")));
    }

    /** The student's lessons as the list asks for them: newest first, 10 a page. */
    static void stubLessonList(long studentId, List<Map<String, Object>> all) {
        int pages = Math.max(1, (all.size() + 9) / 10);
        for (int page = 1; page <= pages; page++) {
            List<Map<String, Object>> items = all.subList((page - 1) * 10, Math.min(all.size(), page * 10));
            GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/lessons"))
                    .withQueryParam("student_id", equalTo(Long.toString(studentId)))
                    .withQueryParam("order", equalTo("desc"))
                    .withQueryParam("page", equalTo(Integer.toString(page)))
                    .withQueryParam("size", equalTo("10"))
                    .willReturn(okJson(page(items, all.size(), page, 10))));
        }
    }

    /** The tutor opens the student's profile the way a person does: the list, then the student. */
    static void openProfile(ChatDriver tutor, String name) {
        tutor.send("🎓 Список учеников");
        tutor.awaitBotMessage(m -> m.buttonTexts().contains("👤 " + name), WAIT);
        tutor.press("👤 " + name);
        tutor.awaitBotMessage(m -> m.text().contains("Профиль ученика: " + name), WAIT);
    }

    /** A button press the person could not have made (data of a button never shown to them), through the webhook. */
    void forgePress(ChatDriver chat, String data) throws Exception {
        long updateId = UPDATE_IDS.incrementAndGet();
        String update = """
                {"update_id":%d,"callback_query":{"id":"forged-%d","chat_instance":"1",
                 "from":{"id":%d,"is_bot":false,"first_name":"X"},
                 "message":{"message_id":1,"date":1767225600,"chat":{"id":%d,"type":"private"},"text":"x"},
                 "data":"%s"}}""".formatted(updateId, updateId, chat.userId(), chat.chatId(), data);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/telegram/webhook")).header("Content-Type", "application/json")
                .header("X-Telegram-Bot-Api-Secret-Token", WEBHOOK_SECRET)
                .POST(HttpRequest.BodyPublishers.ofString(update)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("webhook answered " + response.statusCode());
        }
    }
}
