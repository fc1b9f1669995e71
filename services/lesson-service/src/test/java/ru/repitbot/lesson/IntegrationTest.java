package ru.repitbot.lesson;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.repitbot.events.EventCodec;
import ru.repitbot.events.EventEnvelope;
import ru.repitbot.testsupport.AccessFixtures;
import ru.repitbot.testsupport.ApiClient;
import ru.repitbot.testsupport.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * The one Spring context of this module's integration tests (every subclass shares it): the real service on a random
 * port over real PostgreSQL and RabbitMQ. Users are made known as user-service's events would make them: rows of the
 * access projection ({@link AccessFixtures}; one test sends the real events through the broker).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntegrationTest {

    /** Every test's lessons are a month ahead on the hour, so "future" rules hold whenever the tests run. */
    protected static final Instant BASE = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.HOURS);

    protected final EventCodec codec = new EventCodec();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    protected static long newId() {
        return AccessFixtures.newId();
    }

    protected AccessFixtures users() {
        return AccessFixtures.direct(jdbc);
    }

    protected ApiClient anonymous() {
        return ApiClient.local(port);
    }

    protected ApiClient as(long userId, String role) {
        return ApiClient.local(port).withToken(TestTokens.get().user(userId, role));
    }

    protected ApiClient asService(String name) {
        return ApiClient.local(port).withToken(TestTokens.get().service(name));
    }

    protected ApiClient admin() {
        return as(1, "admin");
    }

    protected long givenTutor() {
        return users().tutor();
    }

    /** A student of {@code tutorId} in {@code zone}. */
    protected long givenStudent(long tutorId, String zone) {
        return users().studentIn(zone, tutorId);
    }

    protected long givenStudent(long tutorId) {
        return users().student(tutorId);
    }

    protected long givenParentOf(long... studentIds) {
        return users().parent(studentIds);
    }

    protected static Instant at(int dayOffset, int hourOffset) {
        return BASE.plus(Duration.ofDays(dayOffset)).plus(Duration.ofHours(hourOffset));
    }

    /** Creates a lesson through the API and returns its body. */
    protected JsonNode createLesson(long tutorId, long studentId, String topic, Instant start) {
        return createLesson(tutorId, studentId, topic, start, 60);
    }

    protected JsonNode createLesson(long tutorId, long studentId, String topic, Instant start, int minutes) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("student_id", studentId);
        body.put("topic", topic);
        body.put("start_at", start.toString());
        body.put("duration_minutes", minutes);
        ApiClient.ApiResponse response = as(tutorId, "tutor").post("/api/v1/lessons", body);
        if (response.status() != 201) {
            throw new AssertionError("create lesson: " + response);
        }
        return response.json();
    }

    protected JsonNode lesson(long tutorId, long lessonId) {
        ApiClient.ApiResponse response = as(tutorId, "tutor").get("/api/v1/lessons/" + lessonId);
        if (response.status() != 200) {
            throw new AssertionError("get lesson: " + response);
        }
        return response.json();
    }

    /** Events of one lesson in the outbox, oldest first. */
    protected List<EventEnvelope> outboxFor(long lessonId) {
        return jdbc.queryForList("SELECT envelope FROM outbox_event ORDER BY id", String.class).stream()
                .map(codec::decode).filter(e -> e.aggregateId().equals(Long.toString(lessonId))).toList();
    }

    protected List<EventEnvelope> outboxFor(long lessonId, String type) {
        return outboxFor(lessonId).stream().filter(e -> e.eventType().equals(type)).toList();
    }

    protected static Instant instant(JsonNode node) {
        return node == null || node.isNull() ? null : java.time.OffsetDateTime.parse(node.asString()).toInstant();
    }
}
