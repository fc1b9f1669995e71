package ru.repitbot.scheduler.client;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClientException;
import ru.repitbot.calls.ServiceCallException;
import ru.repitbot.calls.ServiceCalls;
import tools.jackson.databind.JsonNode;

/**
 * Reads lessons and homework AS THEY ARE from their owners, with scheduler-service's service token
 * (docs/domain/notifications.md#reminders: nothing is planned ahead). Any failure to read is a
 * {@link ServiceCallException}: the run fails and its window is covered by the next one.
 */
@Component
public class OwnerClient {

    static final String LESSONS = "lesson-service";
    static final String HOMEWORK = "homework-service";
    private static final int PAGE_SIZE = 100;
    /** A run never needs more than this many pages of one range; more means a wrong answer, not a busy day. */
    private static final int MAX_PAGES = 500;

    /**
     * A lesson as lesson-service lists it; {@code startSetAt} null when lesson-service does not say.
     *
     * @param scheduled still to happen: {@code status} "scheduled" where the answer has it, else (lesson-service's
     *        own fields) {@code attendance_status} "scheduled" and {@code lesson_status} not "conducted"; a lesson
     *        saying neither was asked for as scheduled
     */
    public record Lesson(long id, long studentId, Long tutorId, Instant startAt, Integer durationMinutes, String topic,
            boolean scheduled, Instant startSetAt) {
    }

    /**
     * A homework as homework-service lists it; {@code deadlineSetAt} null when homework-service does not say.
     *
     * @param lessonTopic the topic of its lesson when the answer has it ({@code lesson_topic})
     */
    public record Homework(long id, long studentId, Long tutorId, Long lessonId, String lessonTopic,
            String description, Instant deadline, boolean pending, Instant deadlineSetAt) {
    }

    private final ServiceCalls calls;

    public OwnerClient(ServiceCalls calls) {
        this.calls = calls;
    }

    /** Scheduled lessons whose start is in [{@code from}, {@code to}]. */
    public List<Lesson> scheduledLessons(Instant from, Instant to) {
        List<Lesson> lessons = new ArrayList<>();
        for (JsonNode item : pages(LESSONS, "/api/v1/lessons?status=scheduled&from={from}&to={to}&order=asc",
                Map.of("from", from.toString(), "to", to.toString()))) {
            lessons.add(new Lesson(item.path("id").asLong(), item.path("student_id").asLong(),
                    optionalLong(item, "tutor_id"), instant(item, "start_at"), optionalInt(item, "duration_minutes"),
                    text(item, "topic"), scheduled(item), instant(item, "start_set_at")));
        }
        return lessons;
    }

    /** Pending homework whose deadline is in [{@code from}, {@code to}]. */
    public List<Homework> pendingHomework(Instant from, Instant to) {
        List<Homework> homework = new ArrayList<>();
        for (JsonNode item : pages(HOMEWORK,
                "/api/v1/homework?status=pending&deadline_from={from}&deadline_to={to}",
                Map.of("from", from.toString(), "to", to.toString()))) {
            homework.add(new Homework(item.path("id").asLong(), item.path("student_id").asLong(),
                    optionalLong(item, "tutor_id"), optionalLong(item, "lesson_id"), text(item, "lesson_topic"),
                    text(item, "description"), instant(item, "deadline"), is(item, "status", "pending", true),
                    instant(item, "deadline_set_at")));
        }
        return homework;
    }

    /** One lesson's topic (for a homework reminder), or empty when the lesson is gone. */
    public Optional<String> lessonTopic(long lessonId) {
        try {
            JsonNode lesson = calls.to(LESSONS).get().uri("/api/v1/lessons/{id}", lessonId).retrieve()
                    .body(JsonNode.class);
            return Optional.ofNullable(lesson == null ? null : text(lesson, "topic"));
        } catch (HttpClientErrorException.NotFound e) {
            return Optional.empty();
        } catch (RestClientException e) {
            throw new ServiceCallException(LESSONS + " did not answer lesson " + lessonId + ": " + e.getMessage(), e);
        }
    }

    /** Asks lesson-service to materialise every weekly template; returns its answer as text for the run's detail. */
    public String materialiseTemplates() {
        try {
            String answer = calls.to(LESSONS).post().uri("/api/v1/schedules/materialise").retrieve()
                    .body(String.class);
            return answer == null ? "" : answer;
        } catch (RestClientException e) {
            throw new ServiceCallException(LESSONS + " did not materialise the templates: " + e.getMessage(), e);
        }
    }

    private List<JsonNode> pages(String service, String query, Map<String, String> variables) {
        List<JsonNode> items = new ArrayList<>();
        for (int page = 1; page <= MAX_PAGES; page++) {
            Map<String, Object> vars = new LinkedHashMap<>(variables);
            vars.put("page", page);
            vars.put("size", PAGE_SIZE);
            JsonNode answer;
            try {
                answer = calls.to(service).get().uri(query + "&page={page}&size={size}", vars).retrieve()
                        .body(JsonNode.class);
            } catch (RestClientException e) {
                throw new ServiceCallException(service + " did not answer " + query + ": " + e.getMessage(), e);
            }
            if (answer == null || !answer.path("items").isArray()) {
                throw new ServiceCallException(service + " answered without items: " + query);
            }
            answer.path("items").forEach(items::add);
            int pages = answer.path("pages").asInt(1);
            if (page >= pages || answer.path("items").isEmpty()) {
                return items;
            }
        }
        throw new ServiceCallException(service + " answered more than " + MAX_PAGES + " pages: " + query);
    }

    private static boolean scheduled(JsonNode lesson) {
        if (lesson.hasNonNull("status")) {
            return is(lesson, "status", "scheduled", true);
        }
        return is(lesson, "attendance_status", "scheduled", true)
                && !"conducted".equalsIgnoreCase(text(lesson, "lesson_status"));
    }

    /** Whether {@code field} says {@code wanted}; {@code whenAbsent} when the answer does not have it. */
    private static boolean is(JsonNode node, String field, String wanted, boolean whenAbsent) {
        String value = text(node, field);
        return value == null ? whenAbsent : wanted.equalsIgnoreCase(value);
    }

    private static Instant instant(JsonNode node, String field) {
        String value = text(node, field);
        return value == null || value.isBlank() ? null : OffsetDateTime.parse(value).toInstant();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asString();
    }

    private static Long optionalLong(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asLong();
    }

    private static Integer optionalInt(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asInt();
    }
}
