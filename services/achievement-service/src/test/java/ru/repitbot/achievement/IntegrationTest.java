package ru.repitbot.achievement;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import ru.repitbot.calls.ServiceTokenSource;
import ru.repitbot.events.EventCodec;
import ru.repitbot.events.EventEnvelope;
import ru.repitbot.events.EventPayload;
import ru.repitbot.events.catalogue.HomeworkEvents;
import ru.repitbot.events.catalogue.LessonChanges;
import ru.repitbot.events.catalogue.LessonEvents;
import ru.repitbot.models.AttendanceStatus;
import ru.repitbot.models.HomeworkStatus;
import ru.repitbot.models.LessonStatus;
import ru.repitbot.models.TopicMastery;
import ru.repitbot.testsupport.AccessFixtures;
import ru.repitbot.testsupport.ApiClient;
import ru.repitbot.testsupport.TestInfrastructure;
import ru.repitbot.testsupport.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * The one Spring context of this module's integration tests (every subclass shares it): the real service on a random
 * port over real PostgreSQL and RabbitMQ; users as rows of the access projection ({@link AccessFixtures}); lessons
 * and homework only through real events published to the exchange, as their owners' outbox relays send them;
 * lesson-service and homework-service, for the rebuild, as {@link OwnersStub} over real HTTP with a locally minted
 * service token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(IntegrationTest.TestBeans.class)
public abstract class IntegrationTest {

    protected static final OwnersStub OWNERS = OwnersStub.start();

    @DynamicPropertySource
    static void owners(DynamicPropertyRegistry registry) {
        registry.add("repitbot.services.lesson-service.url", OWNERS::url);
        registry.add("repitbot.services.homework-service.url", OWNERS::url);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class TestBeans {

        @Bean
        ServiceTokenSource serviceTokenSource() {
            return new ServiceTokenSource() {
                @Override
                public String bearer() {
                    return TestTokens.get().service("achievement-service");
                }

                @Override
                public void invalidate() {
                }
            };
        }
    }

    protected final EventCodec codec = new EventCodec();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @BeforeEach
    void freshOwners() {
        OWNERS.reset();
    }

    protected static long newId() {
        return AccessFixtures.newId();
    }

    protected ApiClient as(long userId, String role) {
        return ApiClient.local(port).withToken(TestTokens.get().user(userId, role));
    }

    protected ApiClient admin() {
        return as(1, "admin");
    }

    protected AccessFixtures users() {
        return AccessFixtures.direct(jdbc);
    }

    // ---- events, through the broker ----

    protected EventEnvelope envelope(String source, EventPayload payload, long version) {
        return new EventEnvelope(UUID.randomUUID(), payload.eventType(), source, Instant.now(),
                UUID.randomUUID().toString(), null, null, payload.aggregateId(), version, codec.toTree(payload),
                Map.of());
    }

    /** Publishes envelopes, in this order, to the test exchange with publisher confirms. */
    protected void publish(List<EventEnvelope> envelopes) {
        TestInfrastructure.get().publish(envelopes.stream()
                .map(e -> new TestInfrastructure.Message(e.eventType(), codec.encode(e))).toList());
    }

    /** Publishes and waits until achievement-service has processed every envelope (its inbox recorded them). */
    protected void publishAndWait(List<EventEnvelope> envelopes) {
        publish(envelopes);
        envelopes.forEach(e -> awaitProcessed(e.eventId()));
    }

    protected void publishAndWait(EventEnvelope... envelopes) {
        publishAndWait(Arrays.asList(envelopes));
    }

    protected void awaitProcessed(UUID eventId) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> Boolean.TRUE.equals(
                jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM inbox_event WHERE consumer = 'achievement-service' "
                        + "AND event_id = ?)", Boolean.class, eventId)));
    }

    protected EventEnvelope created(long lessonId, long tutorId, long studentId, OffsetDateTime date) {
        return envelope("lesson-service", new LessonEvents.Created(lessonId, studentId, tutorId, "Тема " + lessonId,
                date, 60, null, AttendanceStatus.SCHEDULED, LessonStatus.NOT_CONDUCTED, TopicMastery.NOT_LEARNED,
                false), 1);
    }

    protected EventEnvelope attendance(long lessonId, long tutorId, long studentId, AttendanceStatus from,
            AttendanceStatus to, long version) {
        return envelope("lesson-service", new LessonEvents.Updated(lessonId, studentId, tutorId,
                LessonChanges.NONE.withAttendanceStatus(from, to)), version);
    }

    protected EventEnvelope conducted(long lessonId, long tutorId, long studentId, OffsetDateTime date,
            long version) {
        return envelope("lesson-service", new LessonEvents.Conducted(lessonId, studentId, tutorId, date,
                "Тема " + lessonId, 60, AttendanceStatus.SCHEDULED), version);
    }

    protected EventEnvelope mastery(long lessonId, long tutorId, long studentId, TopicMastery from, TopicMastery to,
            long version) {
        return envelope("lesson-service", new LessonEvents.Updated(lessonId, studentId, tutorId,
                LessonChanges.NONE.withMasteryLevel(from, to)), version);
    }

    protected EventEnvelope deleted(long lessonId, long tutorId, long studentId, long version) {
        return envelope("lesson-service", new LessonEvents.Deleted(lessonId, studentId, tutorId), version);
    }

    protected EventEnvelope accepted(long homeworkId, long lessonId, long tutorId, long studentId, long version) {
        return envelope("homework-service", new HomeworkEvents.Checked(homeworkId, lessonId, studentId, tutorId,
                HomeworkStatus.CHECKED, OffsetDateTime.now()), version);
    }

    protected EventEnvelope returned(long homeworkId, long lessonId, long tutorId, long studentId, long version) {
        return envelope("homework-service", new HomeworkEvents.Checked(homeworkId, lessonId, studentId, tutorId,
                HomeworkStatus.PENDING, null), version);
    }

    // ---- reading ----

    protected JsonNode progress(long studentId) {
        ApiClient.ApiResponse response = admin().get("/api/v1/achievements/students/" + studentId);
        if (response.status() != 200) {
            throw new AssertionError("progress: " + response);
        }
        return response.json();
    }

    protected List<String> achievementTypes(long studentId) {
        ApiClient.ApiResponse response = admin().get("/api/v1/achievements/students/" + studentId + "/achievements");
        if (response.status() != 200) {
            throw new AssertionError("achievements: " + response);
        }
        return response.json().valueStream().map(a -> a.path("achievement_type").asString()).sorted().toList();
    }

    /** The {@code achievement.earned} events in the outbox for the student, oldest first. */
    protected List<EventEnvelope> earned(long studentId) {
        return jdbc.queryForList("SELECT envelope FROM outbox_event WHERE event_type = 'achievement.earned' ORDER BY id",
                String.class).stream().map(codec::decode)
                .filter(e -> e.data().path("student_id").asLong() == studentId).toList();
    }

    protected int historySum(long studentId) {
        Integer sum = jdbc.queryForObject("SELECT COALESCE(sum(delta), 0) FROM point_change WHERE student_id = ?",
                Integer.class, studentId);
        return sum == null ? 0 : sum;
    }
}
