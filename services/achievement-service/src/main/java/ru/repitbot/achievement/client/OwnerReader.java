package ru.repitbot.achievement.client;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;
import ru.repitbot.calls.ServiceCallException;
import ru.repitbot.calls.ServiceCalls;
import tools.jackson.databind.JsonNode;

/**
 * Reads lessons and homework AS THEY ARE from their owners (lesson-service, homework-service) with this service's
 * token, for a rebuild. Any failure to read is a {@link ServiceCallException}: the rebuild stops before it changes
 * anything.
 */
@Component
public class OwnerReader {

    static final String LESSONS = "lesson-service";
    static final String HOMEWORK = "homework-service";
    private static final int PAGE_SIZE = 100;
    /** lesson-service and homework-service refuse a page × size beyond 100,000 rows (PageQuery). */
    private static final int MAX_PAGES = 1000;

    /** A lesson as lesson-service lists it. */
    public record Lesson(long id, long tutorId, long studentId, String attendanceStatus, Instant startAt,
            int durationMinutes, String masteryLevel, long version) {
    }

    /** An accepted homework as homework-service lists it. */
    public record Homework(long id, long lessonId, long studentId, long tutorId, long version) {
    }

    private final ServiceCalls calls;

    public OwnerReader(ServiceCalls calls) {
        this.calls = calls;
    }

    /** Every lesson lesson-service has (a service token sees all), or the student's ({@code studentId} not null). */
    public List<Lesson> lessons(Long studentId) {
        List<Lesson> lessons = new ArrayList<>();
        pages(LESSONS, "/api/v1/lessons?order=asc" + studentFilter(studentId), item -> lessons.add(new Lesson(
                item.path("id").asLong(), item.path("tutor_id").asLong(), item.path("student_id").asLong(),
                item.path("attendance_status").asString(), instant(item.path("start_at")),
                item.path("duration_minutes").asInt(), item.path("mastery_level").asString(),
                item.path("version").asLong())));
        return lessons;
    }

    /** Every accepted ({@code checked}) homework, or the student's. */
    public List<Homework> acceptedHomework(Long studentId) {
        List<Homework> homework = new ArrayList<>();
        pages(HOMEWORK, "/api/v1/homework?status=checked" + studentFilter(studentId), item -> homework.add(
                new Homework(item.path("id").asLong(), item.path("lesson_id").asLong(), item.path("student_id").asLong(), item.path("tutor_id").asLong(),
                item.path("version").asLong())));
        return homework;
    }

    private static String studentFilter(Long studentId) {
        return studentId == null ? "" : "&student_id=" + studentId;
    }

    private void pages(String service, String query, Consumer<JsonNode> each) {
        for (int page = 1; page <= MAX_PAGES; page++) {
            JsonNode answer;
            try {
                answer = calls.to(service).get().uri(query + "&page={page}&size={size}", page, PAGE_SIZE).retrieve()
                        .body(JsonNode.class);
            } catch (RestClientException e) {
                throw new ServiceCallException(service + " did not answer " + query + ": " + e.getMessage(), e);
            }
            if (answer == null || !answer.path("items").isArray()) {
                throw new ServiceCallException(service + " answered without items: " + query);
            }
            answer.path("items").forEach(each);
            if (page >= answer.path("pages").asInt(1) || answer.path("items").isEmpty()) {
                return;
            }
        }
        throw new ServiceCallException(service + " answered more than " + MAX_PAGES + " pages: " + query);
    }

    private static Instant instant(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null
                : OffsetDateTime.parse(node.asString()).toInstant();
    }
}
