package ru.repitbot.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import ru.repitbot.testsupport.ApiClient;
import tools.jackson.databind.JsonNode;

/** Whatever a person can type is answered 400 problem+json naming the field and the reason, never a 500. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputIntegrationTest extends IntegrationTest {

    long tutor;
    long student;
    long lesson;

    @BeforeEach
    void someoneToTalkAbout() {
        if (tutor == 0) {
            tutor = givenTutor();
            student = givenStudent(tutor);
            lesson = createLesson(tutor, student, "Урок для ошибок", at(50, 0)).path("id").asLong();
        }
    }

    static Stream<Arguments> badRequests() {
        String ok = "\"student_id\":{student},\"topic\":\"Тема\"";
        return Stream.of(
                Arguments.of("date without time", "POST", "/api/v1/lessons",
                        "{" + ok + ",\"start_at\":\"2030-03-04\"}", "start_at"),
                Arguments.of("Russian date format", "POST", "/api/v1/lessons",
                        "{" + ok + ",\"start_at\":\"04.03.2030 18:00\"}", "start_at"),
                Arguments.of("impossible date", "POST", "/api/v1/lessons",
                        "{" + ok + ",\"start_at\":\"2030-02-30T10:00:00Z\"}", "start_at"),
                Arguments.of("year 9999", "POST", "/api/v1/lessons",
                        "{" + ok + ",\"start_at\":\"9999-01-01T10:00:00Z\"}", "start_at"),
                Arguments.of("missing start", "POST", "/api/v1/lessons", "{" + ok + "}", "start_at"),
                Arguments.of("negative duration", "POST", "/api/v1/lessons",
                        "{" + ok + ",\"start_at\":\"2030-03-04T10:00:00Z\",\"duration_minutes\":-5}",
                        "duration_minutes"),
                Arguments.of("duration too long", "POST", "/api/v1/lessons",
                        "{" + ok + ",\"start_at\":\"2030-03-04T10:00:00Z\",\"duration_minutes\":601}",
                        "duration_minutes"),
                Arguments.of("duration as text", "POST", "/api/v1/lessons",
                        "{" + ok + ",\"start_at\":\"2030-03-04T10:00:00Z\",\"duration_minutes\":\"long\"}",
                        "duration_minutes"),
                Arguments.of("huge topic", "POST", "/api/v1/lessons",
                        "{\"student_id\":{student},\"topic\":\"" + "Т".repeat(10_000)
                                + "\",\"start_at\":\"2030-03-04T10:00:00Z\"}", "topic"),
                Arguments.of("blank topic", "POST", "/api/v1/lessons",
                        "{\"student_id\":{student},\"topic\":\"   \",\"start_at\":\"2030-03-04T10:00:00Z\"}", "topic"),
                Arguments.of("student id as text", "POST", "/api/v1/lessons",
                        "{\"student_id\":\"anna\",\"topic\":\"Т\",\"start_at\":\"2030-03-04T10:00:00Z\"}",
                        "student_id"),
                Arguments.of("malformed JSON", "POST", "/api/v1/lessons", "{\"student_id\":", "body"),
                Arguments.of("JSON array", "POST", "/api/v1/lessons", "[1,2]", "body"),
                Arguments.of("unknown attendance", "PUT", "/api/v1/lessons/{lesson}/attendance",
                        "{\"status\":\"sick\"}", "status"),
                Arguments.of("missing attendance", "PUT", "/api/v1/lessons/{lesson}/attendance", "{}", "status"),
                Arguments.of("unknown mastery", "PUT", "/api/v1/lessons/{lesson}/mastery",
                        "{\"level\":\"genius\"}", "level"),
                Arguments.of("unknown lesson status", "PATCH", "/api/v1/lessons/{lesson}",
                        "{\"lesson_status\":\"maybe\"}", "lesson_status"),
                Arguments.of("bad start on patch", "PATCH", "/api/v1/lessons/{lesson}",
                        "{\"start_at\":\"yesterday\"}", "start_at"),
                Arguments.of("empty topic on patch", "PATCH", "/api/v1/lessons/{lesson}", "{\"topic\":\"\"}",
                        "topic"),
                Arguments.of("unknown cancel status", "POST", "/api/v1/lessons/{lesson}/cancel",
                        "{\"attendance_status\":\"gone\"}", "attendance_status"),
                Arguments.of("reschedule without time", "POST", "/api/v1/lessons/{lesson}/reschedule", "{}",
                        "start_at"),
                Arguments.of("non-numeric id", "GET", "/api/v1/lessons/abc", null, "id"),
                Arguments.of("non-numeric id on write", "PUT", "/api/v1/lessons/1e3/attendance",
                        "{\"status\":\"attended\"}", "id"),
                Arguments.of("non-numeric student filter", "GET", "/api/v1/lessons?student_id=x", null,
                        "student_id"),
                Arguments.of("bad from", "GET", "/api/v1/lessons?from=soon", null, "from"),
                Arguments.of("to before from", "GET", "/api/v1/lessons?from=2030-03-05&to=2030-03-01", null, "to"),
                Arguments.of("bad order", "GET", "/api/v1/lessons?order=sideways", null, "order"),
                Arguments.of("page 0", "GET", "/api/v1/lessons?page=0", null, "page"),
                Arguments.of("size 1000", "GET", "/api/v1/lessons?size=1000", null, "size"),
                Arguments.of("unknown weekday", "PUT", "/api/v1/schedules/{student}",
                        "{\"slots\":[{\"weekday\":\"funday\",\"time\":\"18:00\"}]}", "slots[0].weekday"),
                Arguments.of("bad slot time", "PUT", "/api/v1/schedules/{student}",
                        "{\"slots\":[{\"weekday\":\"monday\",\"time\":\"25:00\"}]}", "slots[0].time"),
                Arguments.of("short slot", "PUT", "/api/v1/schedules/{student}",
                        "{\"slots\":[{\"weekday\":\"monday\",\"time\":\"18:00\",\"duration_minutes\":5}]}",
                        "slots[0].duration_minutes"),
                Arguments.of("overlapping slots", "PUT", "/api/v1/schedules/{student}",
                        "{\"slots\":[{\"weekday\":\"monday\",\"time\":\"18:00\"},"
                                + "{\"weekday\":\"monday\",\"time\":\"18:30\"}]}", "slots[1]"),
                Arguments.of("unknown zone", "PUT", "/api/v1/schedules/{student}",
                        "{\"time_zone\":\"Mars/Olympus\",\"slots\":[]}", "time_zone"),
                Arguments.of("offset instead of zone", "PUT", "/api/v1/schedules/{student}",
                        "{\"time_zone\":\"+03:00\",\"slots\":[]}", "time_zone"),
                Arguments.of("missing slots", "PUT", "/api/v1/schedules/{student}", "{}", "slots"),
                Arguments.of("weeks 0", "POST", "/api/v1/schedules/{student}/materialise?weeks=0", null, "weeks"),
                Arguments.of("weeks as text", "POST", "/api/v1/schedules/{student}/materialise?weeks=many", null,
                        "weeks"),
                Arguments.of("feed for student as text", "POST", "/api/v1/calendar/feeds",
                        "{\"student_id\":\"me\"}", "student_id"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void isA400NamingTheField(String what, String method, String path, String body, String field) {
        String realPath = path.replace("{lesson}", Long.toString(lesson)).replace("{student}", Long.toString(student));
        String realBody = body == null ? null : body.replace("{student}", Long.toString(student));
        ApiClient.ApiResponse response = as(tutor, "tutor").sendRaw(method, realPath, realBody);

        assertThat(response.status()).as("%s: %s", what, response).isEqualTo(400);
        assertThat(response.isProblem()).as("%s content type %s", what, response.contentType()).isTrue();
        JsonNode errors = response.json().path("errors");
        assertThat(errors.valueStream().map(e -> e.path("field").asString()).toList())
                .as("%s: %s", what, response).contains(field);
        assertThat(errors.valueStream().map(e -> e.path("reason").asString()))
                .allSatisfy(reason -> assertThat(reason).isNotBlank());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void neverAServerError(String what, String method, String path, String body, String field) {
        String realPath = path.replace("{lesson}", Long.toString(lesson)).replace("{student}", Long.toString(student));
        String realBody = body == null ? null : body.replace("{student}", Long.toString(student));
        for (ApiClient caller : new ApiClient[] {admin(), as(student, "student")}) {
            assertThat(caller.sendRaw(method, realPath, realBody).status()).as(what).isLessThan(500);
        }
    }
}
