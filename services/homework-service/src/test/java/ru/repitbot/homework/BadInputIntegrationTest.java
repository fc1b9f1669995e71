package ru.repitbot.homework;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import ru.repitbot.testsupport.ApiClient;
import tools.jackson.databind.JsonNode;

/** Whatever a person can type is answered 400 problem+json naming the field and the reason, never a 500. */
class BadInputIntegrationTest extends IntegrationTest {

    static Stream<Arguments> badRequests() {
        String huge = "Я".repeat(10_000);
        String ok = "\"description\":\"Задание\",\"deadline\":\"" + inDays(2) + "\"";
        return Stream.of(
                Arguments.of("missing description", "POST", "/api/v1/homework", "tutor",
                        "{\"lesson_id\":{lesson},\"deadline\":\"" + inDays(2) + "\"}", "description"),
                Arguments.of("blank description", "POST", "/api/v1/homework", "tutor",
                        "{\"lesson_id\":{lesson},\"description\":\"   \",\"deadline\":\"" + inDays(2) + "\"}",
                        "description"),
                Arguments.of("10k-character description", "POST", "/api/v1/homework", "tutor",
                        "{\"lesson_id\":{lesson},\"description\":\"" + huge + "\",\"deadline\":\"" + inDays(2)
                                + "\"}", "description"),
                Arguments.of("missing deadline", "POST", "/api/v1/homework", "tutor",
                        "{\"lesson_id\":{lesson},\"description\":\"Задание\"}", "deadline"),
                Arguments.of("deadline not a date", "POST", "/api/v1/homework", "tutor",
                        "{\"lesson_id\":{lesson},\"description\":\"Задание\",\"deadline\":\"next friday\"}",
                        "deadline"),
                Arguments.of("deadline 31.02", "POST", "/api/v1/homework", "tutor",
                        "{\"lesson_id\":{lesson},\"description\":\"Задание\",\"deadline\":\"2030-02-31\"}",
                        "deadline"),
                Arguments.of("deadline in the past", "POST", "/api/v1/homework", "tutor",
                        "{\"lesson_id\":{lesson},\"description\":\"Задание\",\"deadline\":\"2020-01-01T10:00:00Z\"}",
                        "deadline"),
                Arguments.of("deadline in year 99999", "POST", "/api/v1/homework", "tutor",
                        "{\"lesson_id\":{lesson},\"description\":\"Задание\","
                                + "\"deadline\":\"+99999-01-01T00:00:00Z\"}", "deadline"),
                Arguments.of("deadline as a number", "POST", "/api/v1/homework", "tutor",
                        "{\"lesson_id\":{lesson},\"description\":\"Задание\",\"deadline\":[1]}", "deadline"),
                Arguments.of("missing lesson", "POST", "/api/v1/homework", "tutor", "{" + ok + "}", "lesson_id"),
                Arguments.of("lesson id as text", "POST", "/api/v1/homework", "tutor",
                        "{\"lesson_id\":\"abc\"," + ok + "}", "lesson_id"),
                Arguments.of("lesson id overflowing", "POST", "/api/v1/homework", "tutor",
                        "{\"lesson_id\":123456789012345678901234567890," + ok + "}", "lesson_id"),
                Arguments.of("negative lesson id", "POST", "/api/v1/homework", "tutor",
                        "{\"lesson_id\":-5," + ok + "}", "lesson_id"),
                Arguments.of("link not a URL", "POST", "/api/v1/homework", "tutor",
                        "{\"lesson_id\":{lesson}," + ok + ",\"link\":\"javascript:alert(1)\"}", "link"),
                Arguments.of("huge link", "POST", "/api/v1/homework", "tutor",
                        "{\"lesson_id\":{lesson}," + ok + ",\"link\":\"https://x.org/" + huge + "\"}", "link"),
                Arguments.of("photo ids not a list", "POST", "/api/v1/homework", "tutor",
                        "{\"lesson_id\":{lesson}," + ok + ",\"photo_file_ids\":\"AgAD\"}", "photo_file_ids"),
                Arguments.of("blank photo id", "POST", "/api/v1/homework", "tutor",
                        "{\"lesson_id\":{lesson}," + ok + ",\"photo_file_ids\":[\" \"]}", "photo_file_ids[0]"),
                Arguments.of("eleven documents", "POST", "/api/v1/homework", "tutor",
                        "{\"lesson_id\":{lesson}," + ok + ",\"documents\":" + documents(11) + "}", "documents"),
                Arguments.of("documents not a list", "POST", "/api/v1/homework", "tutor",
                        "{\"lesson_id\":{lesson}," + ok + ",\"documents\":\"BQAD\"}", "documents"),
                Arguments.of("a document as a bare id", "POST", "/api/v1/homework", "tutor",
                        "{\"lesson_id\":{lesson}," + ok + ",\"documents\":[\"BQAD\"]}", "documents[0]"),
                Arguments.of("a document without a file id", "POST", "/api/v1/homework", "tutor",
                        "{\"lesson_id\":{lesson}," + ok + ",\"documents\":[{\"file_name\":\"a.pdf\"}]}",
                        "documents[0].file_id"),
                Arguments.of("a blank document file id", "POST", "/api/v1/homework", "tutor",
                        "{\"lesson_id\":{lesson}," + ok + ",\"documents\":[{\"file_id\":\"BQAD\"},"
                                + "{\"file_id\":\"  \"}]}", "documents[1].file_id"),
                Arguments.of("a document file id with a space", "POST", "/api/v1/homework", "tutor",
                        "{\"lesson_id\":{lesson}," + ok + ",\"documents\":[{\"file_id\":\"BQ AD\"}]}",
                        "documents[0].file_id"),
                Arguments.of("a 300-character document file id", "POST", "/api/v1/homework", "tutor",
                        "{\"lesson_id\":{lesson}," + ok + ",\"documents\":[{\"file_id\":\"" + "B".repeat(300)
                                + "\"}]}", "documents[0].file_id"),
                Arguments.of("a huge document name", "POST", "/api/v1/homework", "tutor",
                        "{\"lesson_id\":{lesson}," + ok + ",\"documents\":[{\"file_id\":\"BQAD\","
                                + "\"file_name\":\"" + huge + "\"}]}", "documents[0].file_name"),
                Arguments.of("a document name with a line break", "POST", "/api/v1/homework", "tutor",
                        "{\"lesson_id\":{lesson}," + ok + ",\"documents\":[{\"file_id\":\"BQAD\","
                                + "\"file_name\":\"a\\nb.pdf\"}]}", "documents[0].file_name"),
                Arguments.of("an unknown field of a document", "POST", "/api/v1/homework", "tutor",
                        "{\"lesson_id\":{lesson}," + ok + ",\"documents\":[{\"file_id\":\"BQAD\","
                                + "\"mime\":\"application/pdf\"}]}", "documents[0].mime"),
                Arguments.of("eleven documents on edit", "PATCH", "/api/v1/homework/{hw}", "tutor",
                        "{\"documents\":" + documents(11) + "}", "documents"),
                Arguments.of("a null document on edit", "PATCH", "/api/v1/homework/{hw}", "tutor",
                        "{\"documents\":[null]}", "documents[0]"),
                Arguments.of("malformed JSON", "POST", "/api/v1/homework", "tutor", "{\"lesson_id\":", "body"),
                Arguments.of("no body", "POST", "/api/v1/homework", "tutor", null, "body"),
                Arguments.of("non-numeric id", "GET", "/api/v1/homework/abc", "tutor", null, "id"),
                Arguments.of("overflowing id", "GET", "/api/v1/homework/99999999999999999999", "tutor", null, "id"),
                Arguments.of("non-numeric attachment id", "GET", "/api/v1/homework/{hw}/attachments/x", "tutor",
                        null, "attachmentId"),
                Arguments.of("unknown status filter", "GET", "/api/v1/homework?status=done", "tutor", null,
                        "status"),
                Arguments.of("non-numeric student filter", "GET", "/api/v1/homework?student_id=me", "tutor", null,
                        "student_id"),
                Arguments.of("overdue not a boolean", "GET", "/api/v1/homework?overdue=maybe", "tutor", null,
                        "overdue"),
                Arguments.of("page 0", "GET", "/api/v1/homework?page=0", "tutor", null, "page"),
                Arguments.of("size 1000", "GET", "/api/v1/homework?size=1000", "tutor", null, "size"),
                Arguments.of("empty submission", "POST", "/api/v1/homework/{hw}/submission", "student", "{}",
                        "submission"),
                Arguments.of("huge submission text", "POST", "/api/v1/homework/{hw}/submission", "student",
                        "{\"text\":\"" + huge + "\"}", "text"),
                Arguments.of("submission photos not strings", "POST", "/api/v1/homework/{hw}/submission", "student",
                        "{\"photo_file_ids\":[{\"a\":1}]}", "photo_file_ids[0]"),
                Arguments.of("malformed submission", "POST", "/api/v1/homework/{hw}/submission", "student", "[1,",
                        "body"),
                Arguments.of("huge return comment", "POST", "/api/v1/homework/{hw}/return", "tutor",
                        "{\"comment\":\"" + huge + "\"}", "comment"),
                Arguments.of("past deadline on edit", "PATCH", "/api/v1/homework/{hw}", "tutor",
                        "{\"deadline\":\"2001-09-11\"}", "deadline"),
                Arguments.of("blank description on edit", "PATCH", "/api/v1/homework/{hw}", "tutor",
                        "{\"description\":\" \"}", "description"));
    }

    /** {@code count} well-formed documents, as JSON. */
    private static String documents(int count) {
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> "{\"file_id\":\"BQAD-" + i + "\"}")
                .collect(java.util.stream.Collectors.joining(",", "[", "]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void isA400NamingTheField(String what, String method, String path, String role, String body, String field) {
        long tutor = givenTutor();
        long student = givenStudent(tutor);
        long lesson = givenLesson(tutor, student, "Тема");
        long hw = assigned(tutor, lesson, "Задание").path("id").asLong();
        if (what.contains("return")) {
            as(student, "student").post("/api/v1/homework/" + hw + "/submission", java.util.Map.of("text", "x"));
        }
        long caller = role.equals("student") ? student : tutor;
        String resolvedPath = path.replace("{hw}", Long.toString(hw));
        String resolvedBody = body == null ? null : body.replace("{lesson}", Long.toString(lesson));

        ApiClient.ApiResponse response = as(caller, role).sendRaw(method, resolvedPath, resolvedBody);
        assertThat(response.status()).as("%s: %s", what, response).isEqualTo(400);
        assertThat(response.isProblem()).as("problem+json for %s", what).isTrue();
        JsonNode errors = response.json().path("errors");
        assertThat(errors.valueStream().map(e -> e.path("field").asString()).toList()).as("%s: %s", what, response)
                .contains(field);
        assertThat(errors.valueStream().map(e -> e.path("reason").asString())).allMatch(r -> !r.isBlank());
    }

    static Stream<Arguments> otherMistakes() {
        return Stream.of(
                Arguments.of("wrong method", "PUT", "/api/v1/homework/{hw}", "{}", 405),
                Arguments.of("unknown path", "GET", "/api/v1/homework/{hw}/nothing-here", null, 404),
                Arguments.of("JSON to the upload endpoint", "POST", "/api/v1/homework/{hw}/attachments", "{}", 415));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("otherMistakes")
    void otherMistakesAreProblemsToo(String what, String method, String path, String body, int status) {
        long tutor = givenTutor();
        long hw = assigned(tutor, givenLesson(tutor, givenStudent(tutor), "Тема"), "Задание").path("id").asLong();
        ApiClient.ApiResponse response = as(tutor, "tutor").sendRaw(method, path.replace("{hw}", Long.toString(hw)),
                body);
        assertThat(response.status()).as("%s: %s", what, response).isEqualTo(status);
        assertThat(response.isProblem()).as("problem+json for %s: %s", what, response).isTrue();
    }
}
