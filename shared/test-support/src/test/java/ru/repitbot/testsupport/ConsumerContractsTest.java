package ru.repitbot.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The provider-side checker bites: a hand-made lesson-service document that gives the bot what it relies on passes,
 * and each kind of breaking change to it is reported, naming the interaction and the field.
 */
class ConsumerContractsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final ConsumerContract CONTRACT = ConsumerContract.parse("""
            {
              "consumer": "telegram-bot",
              "interactions": [
                {
                  "method": "GET", "path": "/api/v1/lessons", "service": "lesson-service",
                  "query": ["page", "student_id"],
                  "responses": {"200": {"items": "array", "items[]": "object", "items[].id": "integer",
                                        "items[].topic": "string", "items[].skills": "string|null",
                                        "total": "integer"},
                                "503": {"detail": "string"}}
                },
                {
                  "method": "POST", "path": "/api/v1/lessons", "service": "lesson-service",
                  "headers": ["idempotency-key"],
                  "request": {"student_id": "integer", "start_at": "string", "topic": "string",
                              "skills": "string|absent"},
                  "responses": {"200": {"id": "integer", "topic": "string"},
                                "409": {"detail": "string", "status": "integer", "conflicting_lesson_id": "integer"}}
                },
                {
                  "method": "POST", "path": "/api/v1/lessons/{id}/cancel", "service": "lesson-service",
                  "request": {"attendance_status": "string"},
                  "responses": {"200": {"lesson": "object", "lesson.id": "integer"}}
                },
                {
                  "method": "GET", "path": "/api/v1/users/{id}", "service": "user-service",
                  "responses": {"200": {"nickname": "string"}}
                }
              ]
            }""");

    /** What lesson-service documents: all the bot relies on, and more. */
    private static ObjectNode document() {
        return (ObjectNode) JSON.readTree("""
                {
                  "openapi": "3.1.0",
                  "paths": {
                    "/api/v1/lessons": {
                      "get": {
                        "parameters": [
                          {"name": "student_id", "in": "query", "schema": {"type": "integer"}},
                          {"name": "page", "in": "query", "schema": {"type": "integer"}},
                          {"name": "size", "in": "query", "schema": {"type": "integer"}}
                        ],
                        "responses": {"200": {"content": {"application/json": {
                            "schema": {"$ref": "#/components/schemas/PageLesson"}}}}}
                      },
                      "post": {
                        "parameters": [{"name": "Idempotency-Key", "in": "header", "required": true,
                                        "schema": {"type": "string"}}],
                        "requestBody": {"required": true, "content": {"application/json": {
                            "schema": {"$ref": "#/components/schemas/CreateLesson"}}}},
                        "responses": {
                          "201": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Lesson"}}}},
                          "409": {"content": {"application/problem+json": {
                              "schema": {"$ref": "#/components/schemas/Problem"}}}}
                        }
                      }
                    },
                    "/api/v1/lessons/{lessonId}/cancel": {
                      "post": {
                        "parameters": [{"name": "lessonId", "in": "path", "required": true,
                                        "schema": {"type": "integer"}}],
                        "requestBody": {"content": {"application/json": {"schema": {"type": "object",
                            "properties": {"attendance_status": {"$ref": "#/components/schemas/Attendance"},
                                           "reason": {"type": "string"}},
                            "required": ["attendance_status"]}}}},
                        "responses": {"200": {"content": {"application/json": {"schema": {"type": "object",
                            "properties": {"lesson": {"$ref": "#/components/schemas/Lesson"},
                                           "makeup_lesson_id": {"type": ["integer", "null"]}}}}}}}
                      }
                    }
                  },
                  "components": {"schemas": {
                    "Attendance": {"type": "string", "enum": ["attended", "excused_absence"]},
                    "CreateLesson": {"type": "object",
                      "properties": {"student_id": {"type": "integer", "format": "int64"},
                                     "start_at": {"type": "string", "format": "date-time"},
                                     "topic": {"type": "string"},
                                     "skills": {"type": "string"},
                                     "duration_minutes": {"type": "integer"}},
                      "required": ["student_id", "start_at", "topic"]},
                    "Lesson": {"type": "object",
                      "properties": {"id": {"type": "integer", "format": "int64"},
                                     "topic": {"type": "string"},
                                     "skills": {"oneOf": [{"type": "string"}, {"type": "null"}]}}},
                    "PageLesson": {"type": "object",
                      "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/Lesson"}},
                                     "total": {"type": "integer"}}},
                    "Problem": {"type": "object",
                      "properties": {"type": {"type": "string"}, "title": {"type": "string"},
                                     "status": {"type": "integer"}, "detail": {"type": "string"}},
                      "required": ["type", "title", "status", "detail"]}
                  }}
                }""");
    }

    private static List<String> check(ObjectNode document) {
        return ConsumerContracts.violations(document, CONTRACT, "lesson-service", "conflicting_lesson_id"::equals);
    }

    private static ObjectNode schema(ObjectNode document, String name) {
        return (ObjectNode) document.path("components").path("schemas").path(name);
    }

    @Test
    void aDocumentThatGivesTheBotWhatItReliesOnPasses() {
        // Other services' interactions (GET /users/{id}) are not lesson-service's business; 5xx are not compared;
        // the bot's 200 for the creation is the documented 201; path variables may be named differently.
        assertThat(check(document())).isEmpty();
    }

    @Test
    void aRenamedAnswerFieldIsReportedWhereverTheBotReadsIt() {
        ObjectNode document = document();
        ObjectNode lesson = (ObjectNode) schema(document, "Lesson").path("properties");
        lesson.set("title", lesson.remove("topic"));

        assertThat(check(document)).containsExactlyInAnyOrder(
                "telegram-bot GET /api/v1/lessons: answer field 'items[].topic' (string) is not in the 200 answer "
                        + "(PageLesson) — the bot reads it and would break",
                "telegram-bot POST /api/v1/lessons: answer field 'topic' (string) is not in the 201 answer (Lesson) "
                        + "— the bot reads it and would break");
    }

    @Test
    void aRemovedEndpointIsReported() {
        ObjectNode document = document();
        ((ObjectNode) document.path("paths")).remove("/api/v1/lessons/{lessonId}/cancel");

        assertThat(check(document)).containsExactly("telegram-bot POST /api/v1/lessons/{id}/cancel: the document has "
                + "no such operation — the bot calls it and would get a 404 or 405");
    }

    @Test
    void aMethodMovedIsReportedNamingWhatThePathStillHas() {
        ObjectNode document = document();
        ObjectNode lessons = (ObjectNode) document.path("paths").path("/api/v1/lessons");
        lessons.set("put", lessons.remove("post"));

        assertThat(check(document)).containsExactly("telegram-bot POST /api/v1/lessons: the document has no such "
                + "operation (the path has GET, PUT only) — the bot calls it and would get a 404 or 405");
    }

    @Test
    void aChangedTypeIsReportedInAnswersAndRequests() {
        ObjectNode document = document();
        ((ObjectNode) schema(document, "Lesson").path("properties").path("id")).put("type", "string");
        ((ObjectNode) schema(document, "CreateLesson").path("properties").path("student_id")).put("type", "string");

        assertThat(check(document)).containsExactlyInAnyOrder(
                "telegram-bot GET /api/v1/lessons: answer field 'items[].id' is string in the 200 answer "
                        + "(PageLesson), and the bot reads it as integer — the bot would break",
                "telegram-bot POST /api/v1/lessons: request field 'student_id' is string in the document, and the "
                        + "bot sends integer — the bot would get a 400",
                "telegram-bot POST /api/v1/lessons: answer field 'id' is string in the 201 answer (Lesson), and the "
                        + "bot reads it as integer — the bot would break",
                "telegram-bot POST /api/v1/lessons/{id}/cancel: answer field 'lesson.id' is string in the 200 "
                        + "answer, and the bot reads it as integer — the bot would break");
    }

    @Test
    void aNewlyRequiredFieldIsReportedAndSoIsOneTheBotLeavesOutAtTimes() {
        ObjectNode document = document();
        ArrayNode required = (ArrayNode) schema(document, "CreateLesson").path("required");
        required.add("duration_minutes");
        required.add("skills");

        assertThat(check(document)).containsExactlyInAnyOrder(
                "telegram-bot POST /api/v1/lessons: request field 'duration_minutes' is required, and the bot does "
                        + "not send it — the bot would get a 400",
                "telegram-bot POST /api/v1/lessons: request field 'skills' is required, and the bot leaves it out "
                        + "at times (string|absent) — the bot would get a 400");
    }

    @Test
    void aRemovedRequestFieldParameterAndProblemMemberAreReported() {
        ObjectNode document = document();
        ((ObjectNode) schema(document, "CreateLesson").path("properties")).remove("topic");
        ((ArrayNode) schema(document, "CreateLesson").path("required")).removeAll();
        ArrayNode parameters = (ArrayNode) document.path("paths").path("/api/v1/lessons").path("get")
                .path("parameters");
        parameters.remove(0);
        parameters.addObject().put("name", "tutor_id").put("in", "query").put("required", true);

        List<String> violations = ConsumerContracts.violations(document, CONTRACT, "lesson-service", m -> false);

        assertThat(violations).containsExactlyInAnyOrder(
                "telegram-bot GET /api/v1/lessons: query parameter 'student_id' is not a documented parameter — the "
                        + "bot sends it and the service would refuse or ignore it",
                "telegram-bot GET /api/v1/lessons: query parameter 'tutor_id' is required, and the bot does not "
                        + "send it — the bot would get a 400",
                "telegram-bot POST /api/v1/lessons: request field 'topic' (string) is not in the request schema "
                        + "(CreateLesson) — the bot sends it and would get a 400 (unknown field)",
                "telegram-bot POST /api/v1/lessons: answer field 'conflicting_lesson_id' (integer) is not in the 409 "
                        + "problem answer nor among the members the service adds to its problems — the bot reads it "
                        + "and would break");
    }

    @Test
    void aRequiredHeaderTheBotDoesNotSendAndABodyItNoLongerMaySendAreReported() {
        ObjectNode document = document();
        ((ObjectNode) document.path("paths").path("/api/v1/lessons").path("post").path("parameters").get(0))
                .put("name", "X-Tenant");
        ((ObjectNode) document.path("paths").path("/api/v1/lessons/{lessonId}/cancel").path("post"))
                .remove("requestBody");

        assertThat(check(document)).containsExactlyInAnyOrder(
                "telegram-bot POST /api/v1/lessons: header 'X-Tenant' is required, and the bot does not send it — "
                        + "the bot would get a 400",
                "telegram-bot POST /api/v1/lessons/{id}/cancel: the operation takes no JSON request body, and the "
                        + "bot sends one with [attendance_status] — the bot would get a 400 or 415");
    }
}
