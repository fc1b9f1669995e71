package ru.repitbot.payment;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.repitbot.events.EventCodec;
import ru.repitbot.events.EventEnvelope;
import ru.repitbot.events.EventPayload;
import ru.repitbot.events.catalogue.LessonChanges;
import ru.repitbot.events.catalogue.LessonEvents;
import ru.repitbot.models.AttendanceStatus;
import ru.repitbot.models.LessonStatus;
import ru.repitbot.models.TopicMastery;
import ru.repitbot.testsupport.AccessFixtures;
import ru.repitbot.testsupport.ApiClient;
import ru.repitbot.testsupport.TestInfrastructure;
import ru.repitbot.testsupport.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * The one Spring context of this module's integration tests (every subclass shares it): the real service on a random
 * port over real PostgreSQL and RabbitMQ. Users are made known as rows of the access projection ({@link AccessFixtures};
 * one test sends the real user events through the broker); lessons only ever through real lesson events published to the exchange, exactly
 * as lesson-service's outbox relay sends them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntegrationTest {

    protected static final OffsetDateTime MONDAY = OffsetDateTime.of(2025, 3, 3, 16, 0, 0, 0, ZoneOffset.ofHours(2));

    protected final EventCodec codec = new EventCodec();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    protected static long newId() {
        return AccessFixtures.newId();
    }

    protected ApiClient as(long userId, String role) {
        return ApiClient.local(port).withToken(TestTokens.get().user(userId, role));
    }

    protected ApiClient tutor(long id) {
        return as(id, "tutor");
    }

    protected ApiClient admin() {
        return as(1, "admin");
    }

    protected ApiClient asService(String name) {
        return ApiClient.local(port).withToken(TestTokens.get().service(name));
    }

    // ---- users (rows of the access projection, as user-service's events would make them known) ----

    protected AccessFixtures users() {
        return AccessFixtures.direct(jdbc);
    }

    protected long givenTutor() {
        return users().tutor();
    }

    protected long givenStudent(long... tutorIds) {
        return users().student(tutorIds);
    }

    protected long givenParentOf(long... studentIds) {
        return users().parent(studentIds);
    }

    // ---- lesson events, through the broker ----

    protected EventEnvelope lessonEnvelope(EventPayload payload, long version) {
        return new EventEnvelope(UUID.randomUUID(), payload.eventType(), "lesson-service", Instant.now(),
                UUID.randomUUID().toString(), null, null, payload.aggregateId(), version, codec.toTree(payload),
                Map.of());
    }

    /** Publishes envelopes to the test exchange with publisher confirms, as the outbox relay does. */
    protected void publish(EventEnvelope... envelopes) {
        TestInfrastructure.get().publish(Arrays.stream(envelopes)
                .map(e -> new TestInfrastructure.Message(e.eventType(), codec.encode(e))).toList());
    }

    /** Publishes and waits until payment-service has processed every envelope (its inbox recorded them). */
    protected void publishAndWait(EventEnvelope... envelopes) {
        publish(envelopes);
        for (EventEnvelope e : envelopes) {
            awaitProcessed(e.eventId());
        }
    }

    protected void awaitProcessed(UUID eventId) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> Boolean.TRUE.equals(
                jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM inbox_event WHERE consumer = 'payment-service' "
                        + "AND event_id = ?)", Boolean.class, eventId)));
    }

    protected EventEnvelope lessonCreated(long lessonId, long tutorId, long studentId, OffsetDateTime date) {
        return lessonEnvelope(new LessonEvents.Created(lessonId, studentId, tutorId, "Тема " + lessonId, date, 60,
                null, AttendanceStatus.SCHEDULED, LessonStatus.NOT_CONDUCTED, TopicMastery.NOT_LEARNED, false), 1);
    }

    protected EventEnvelope attendance(long lessonId, long tutorId, long studentId, AttendanceStatus from,
            AttendanceStatus to, long version) {
        LessonChanges changes = LessonChanges.NONE.withAttendanceStatus(from, to);
        return lessonEnvelope(new LessonEvents.Updated(lessonId, studentId, tutorId, changes), version);
    }

    protected EventEnvelope conducted(long lessonId, long tutorId, long studentId, OffsetDateTime date,
            AttendanceStatus previous, long version) {
        return lessonEnvelope(new LessonEvents.Conducted(lessonId, studentId, tutorId, date, "Тема " + lessonId, 60,
                previous), version);
    }

    protected EventEnvelope deleted(long lessonId, long tutorId, long studentId, long version) {
        return lessonEnvelope(new LessonEvents.Deleted(lessonId, studentId, tutorId), version);
    }

    // ---- API helpers ----

    protected JsonNode pay(long tutorId, long studentId, int lessons) {
        return pay(tutor(tutorId), studentId, Map.of("lessons_paid", lessons));
    }

    protected JsonNode pay(ApiClient caller, long studentId, Map<String, Object> fields) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("student_id", studentId);
        body.putAll(fields);
        ApiClient.ApiResponse response = caller.post("/api/v1/payments", body);
        if (response.status() != 201) {
            throw new AssertionError("create payment: " + response);
        }
        return response.json();
    }

    /** The balance in lessons of the student with the tutor, as the tutor sees it. */
    protected int balance(long tutorId, long studentId) {
        ApiClient.ApiResponse response = tutor(tutorId).get("/api/v1/balances/" + studentId);
        if (response.status() != 200) {
            throw new AssertionError("balance: " + response);
        }
        return response.json().path("balances").get(0).path("balance_lessons").asInt();
    }

    /** balance.low events in the outbox for the student. */
    protected List<EventEnvelope> balanceLowEvents(long studentId) {
        return jdbc.queryForList("SELECT envelope FROM outbox_event WHERE event_type = 'balance.low' ORDER BY id",
                String.class).stream().map(codec::decode)
                .filter(e -> e.data().path("student_id").asLong() == studentId).toList();
    }

    protected List<EventEnvelope> outbox(String type) {
        return jdbc.queryForList("SELECT envelope FROM outbox_event WHERE event_type = ? ORDER BY id", String.class,
                type).stream().map(codec::decode).toList();
    }

    /** A field shown empty: absent or {@code null} (whichever the JSON null policy writes). */
    protected static boolean empty(JsonNode parent, String field) {
        JsonNode value = parent.path(field);
        return value.isMissingNode() || value.isNull();
    }
}
