package ru.repitbot.homework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.repitbot.events.EventEnvelope;
import ru.repitbot.events.EventPayload;
import ru.repitbot.events.catalogue.LessonChanges;
import ru.repitbot.events.catalogue.LessonEvents;
import ru.repitbot.events.catalogue.UserEvents;
import ru.repitbot.events.inbox.InboxListener;
import ru.repitbot.models.AttendanceStatus;
import ru.repitbot.models.LessonStatus;
import ru.repitbot.models.TopicMastery;
import ru.repitbot.testsupport.ApiClient;
import ru.repitbot.testsupport.TestInfrastructure;
import tools.jackson.databind.JsonNode;

/**
 * Users and lessons made known the real way: user-service's and lesson-service's events published to the exchange
 * and consumed through this service's queue. A rescheduled lesson keeps its homework (docs/domain/homework.md#q16-homework-follows-its-topic), a cancelled lesson's
 * homework moves with its topic, a deleted one takes it along, and stale or duplicate events change nothing.
 */
class LessonEventsIntegrationTest extends IntegrationTest {

    private static final ZoneOffset MOSCOW = ZoneOffset.ofHours(3);

    @Autowired
    private InboxListener inbox;

    @Test
    void theLessonProjectionFollowsLessonServicesEvents() throws Exception {
        try (Connection connection = TestInfrastructure.get().amqpConnectionFactory().newConnection();
                Channel channel = connection.createChannel()) {
            long tutor = newId();
            long student = newId();
            long parent = newId();
            long lesson = newId();
            long nextLesson = newId();
            OffsetDateTime d1 = slot(3);
            OffsetDateTime d2 = slot(4);
            OffsetDateTime d3 = slot(10);

            publish(channel, new UserEvents.Created(tutor, "tutor", "Анна Тьютор", null, null, "Europe/Moscow",
                    null, List.of(), List.of()), 1);
            publish(channel, new UserEvents.Created(student, "student", "Боря Ученик", null, null, "Europe/Moscow",
                    8, List.of(tutor), List.of()), 1);
            publish(channel, new UserEvents.Created(parent, "parent", "Вера Мама", null, null, "Europe/Moscow",
                    null, List.of(), List.of()), 1);
            publish(channel, new UserEvents.Linked(UserEvents.LinkKind.parent, parent, student), 1);
            EventEnvelope created = publish(channel, lessonCreated(lesson, tutor, student, "Дроби", d1), 1);
            publish(channel, lessonCreated(nextLesson, tutor, student, "Проценты", d3), 1);
            awaitTrue(() -> lessonRow(nextLesson) != null);

            // Now the tutor can assign homework to both lessons, and the linked parent can read it.
            long hw = assigned(tutor, lesson, "Дроби: №1–10").path("id").asLong();
            long hwNext = assigned(tutor, nextLesson, "Проценты: №1–5").path("id").asLong();
            JsonNode seen = as(parent, "parent").get("/api/v1/homework/" + hw).json();
            assertThat(seen.path("lesson_topic").asString()).isEqualTo("Дроби");
            assertThat(instant(seen.path("lesson_date"))).isEqualTo(d1.toInstant());

            // The same event again, and an event claiming the same version: nothing changes.
            publishRaw(channel, created);
            publish(channel, lessonCreated(lesson, tutor, student, "Подмена", d2), 1);
            // A plain reschedule (version 2) moves the lesson; the homework stays.
            publish(channel, new LessonEvents.Rescheduled(lesson, student, tutor, d1, d2, "болезнь"), 2);
            awaitTrue(() -> d2.toInstant().equals(lessonRow(lesson).get("start_at")));
            assertThat(lessonRow(lesson).get("topic")).isEqualTo("Дроби");
            JsonNode moved = as(student, "student").get("/api/v1/homework/" + hw).json();
            assertThat(instant(moved.path("lesson_date"))).isEqualTo(d2.toInstant());
            assertThat(moved.path("description").asString()).isEqualTo("Дроби: №1–10");

            // A stale update (version 2 again) is ignored; the next one (3) applies.
            publish(channel, new LessonEvents.Updated(lesson, student, tutor,
                    LessonChanges.NONE.withTopic("Дроби", "Устаревшее")), 2);
            publish(channel, new LessonEvents.Updated(lesson, student, tutor,
                    LessonChanges.NONE.withTopic("Дроби", "Дроби (повтор)")), 3);
            awaitTrue(() -> "Дроби (повтор)".equals(lessonRow(lesson).get("topic")));

            // Cancelled with the topic shift: the lesson stays at its date; its topic (and homework) moves to the
            // next lesson, and the next lesson's topic (and homework) to a new undated make-up lesson, whose
            // lesson.created comes just before, and the next lesson's new topic with its own lesson.updated.
            long makeupLesson = newId();
            publish(channel, new LessonEvents.Created(makeupLesson, student, tutor, "Проценты", null, 60, null,
                    AttendanceStatus.SCHEDULED, LessonStatus.NOT_CONDUCTED, TopicMastery.NOT_LEARNED, true), 1);
            publish(channel, new LessonEvents.Cancelled(lesson, student, tutor, d2,
                    AttendanceStatus.EXCUSED_ABSENCE, AttendanceStatus.SCHEDULED, "болезнь", List.of(
                            new LessonEvents.TopicMove(lesson, nextLesson, "Дроби (повтор)"),
                            new LessonEvents.TopicMove(nextLesson, makeupLesson, "Проценты")), makeupLesson), 4);
            publish(channel, new LessonEvents.Updated(nextLesson, student, tutor,
                    LessonChanges.NONE.withTopic("Проценты", "Дроби (повтор)")), 2);
            awaitTrue(() -> "Дроби (повтор)".equals(lessonRow(nextLesson).get("topic")));
            awaitTrue(() -> as(tutor, "tutor").get("/api/v1/homework/" + hw).json().path("lesson_id").asLong()
                    == nextLesson);
            assertThat(lessonRow(lesson).get("start_at")).as("the cancelled lesson stays at its date")
                    .isEqualTo(d2.toInstant());
            JsonNode followed = as(student, "student").get("/api/v1/homework/" + hw).json();
            assertThat(followed.path("lesson_topic").asString()).isEqualTo("Дроби (повтор)");
            assertThat(instant(followed.path("lesson_date"))).as("now due at the next lesson")
                    .isEqualTo(d3.toInstant());
            assertThat(followed.path("description").asString()).isEqualTo("Дроби: №1–10");
            JsonNode makeup = as(parent, "parent").get("/api/v1/homework/" + hwNext).json();
            assertThat(makeup.path("lesson_id").asLong()).as("the last topic's homework goes to the make-up")
                    .isEqualTo(makeupLesson);
            assertThat(empty(makeup, "lesson_date")).as("undated make-up lesson").isTrue();
            assertThat(makeup.path("lesson_topic").asString()).isEqualTo("Проценты");
            assertThat(as(tutor, "tutor").get("/api/v1/homework?student_id=" + student).json().path("total")
                    .asLong()).isEqualTo(2);
            assertThat(ids(as(tutor, "tutor").get("/api/v1/homework?lesson_id=" + lesson).json())).isEmpty();

            // Deleting a lesson removes its homework (and only its homework).
            long hwSecond = assigned(tutor, lesson, "Дроби: доп.").path("id").asLong();
            publish(channel, new LessonEvents.Deleted(lesson, student, tutor), 5);
            awaitTrue(() -> as(tutor, "tutor").get("/api/v1/homework/" + hwSecond).status() == 404);
            assertThat(as(tutor, "tutor").get("/api/v1/homework/" + hw).status()).isEqualTo(200);
            assertThat(as(tutor, "tutor").get("/api/v1/homework/" + hwNext).status()).isEqualTo(200);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM homework WHERE lesson_id = ?", Integer.class,
                    lesson)).isZero();

            // A late lesson.created cannot bring a deleted lesson back.
            publish(channel, lessonCreated(lesson, tutor, student, "Воскрес?", d1), 1);
            publish(channel, new LessonEvents.Updated(nextLesson, student, tutor,
                    LessonChanges.NONE.withTopic("Дроби (повтор)", "Дроби и доли")), 3);
            awaitTrue(() -> "Дроби и доли".equals(lessonRow(nextLesson).get("topic")));
            assertThat(lessonRow(lesson).get("deleted")).isEqualTo(true);
            ApiClient.ApiResponse refused = assign(tutor, lesson, "Поздно", Map.of());
            assertThat(refused.status()).as("%s", refused).isEqualTo(404);
        }
    }

    @Test
    void homeworkMovesWithItsTopicAsOneRotationAndWaitsOnAMakeUpNotSeenYet() {
        long tutor = givenTutor();
        long student = givenStudent(tutor);
        long cancelled = givenLesson(tutor, student, "Дроби");
        long next = givenLesson(tutor, student, "Проценты");
        long last = givenLesson(tutor, student, "Уравнения");
        long makeup = newId();
        long fractions1 = assigned(tutor, cancelled, "Дроби: №1–5").path("id").asLong();
        long fractions2 = assigned(tutor, cancelled, "Дроби: №6–9").path("id").asLong();
        long percents = assigned(tutor, next, "Проценты: №1").path("id").asLong();
        long equations = assigned(tutor, last, "Уравнения: №1").path("id").asLong();
        Object cancelledAt = jdbc.queryForObject("SELECT start_at FROM lesson WHERE lesson_id = ?", Object.class,
                cancelled);

        // The make-up lesson's lesson.created has not arrived yet. Driven through the same path as a delivery.
        inbox().process(envelope(new LessonEvents.Cancelled(cancelled, student, tutor, slot(7),
                AttendanceStatus.UNEXCUSED_ABSENCE, AttendanceStatus.SCHEDULED, "не пришёл", List.of(
                        new LessonEvents.TopicMove(cancelled, next, "Дроби"),
                        new LessonEvents.TopicMove(next, last, "Проценты"),
                        new LessonEvents.TopicMove(last, makeup, "Уравнения")), makeup), 2));

        assertThat(lessonOf(tutor, fractions1)).as("the cancelled lesson's homework hangs on the next lesson")
                .isEqualTo(next);
        assertThat(lessonOf(tutor, fractions2)).isEqualTo(next);
        assertThat(lessonOf(tutor, percents)).as("not carried further along: one rotation").isEqualTo(last);
        assertThat(lessonOf(tutor, equations)).as("the last lesson's homework goes to the make-up")
                .isEqualTo(makeup);
        assertThat(jdbc.queryForObject("SELECT start_at FROM lesson WHERE lesson_id = ?", Object.class, cancelled))
                .as("no date moves").isEqualTo(cancelledAt);
        JsonNode onMakeup = as(student, "student").get("/api/v1/homework/" + equations).json();
        assertThat(onMakeup.path("lesson_topic").asString()).isEqualTo("Уравнения");
        assertThat(empty(onMakeup, "lesson_date")).isTrue();
        assertThat(ids(as(tutor, "tutor").get("/api/v1/homework?lesson_id=" + makeup).json()))
                .containsExactly(equations);
        assertThat(ids(as(tutor, "tutor").get("/api/v1/homework?lesson_id=" + cancelled).json())).isEmpty();

        // The make-up lesson's lesson.created, arriving late, completes the placeholder.
        inbox().process(envelope(new LessonEvents.Created(makeup, student, tutor, "Уравнения (отработка)", null, 45,
                null, AttendanceStatus.SCHEDULED, LessonStatus.NOT_CONDUCTED, TopicMastery.NOT_LEARNED, true), 1));
        assertThat(as(student, "student").get("/api/v1/homework/" + equations).json().path("lesson_topic")
                .asString()).isEqualTo("Уравнения (отработка)");
        assertThat(jdbc.queryForObject("SELECT is_makeup AND version = 1 FROM lesson WHERE lesson_id = ?",
                Boolean.class, makeup)).isTrue();
    }

    @Test
    void homeworkMovedOntoALessonDeletedMeanwhileGoesWithIt() {
        long tutor = givenTutor();
        long student = givenStudent(tutor);
        long cancelled = givenLesson(tutor, student, "Дроби");
        long next = givenLesson(tutor, student, "Проценты");
        long hw = assigned(tutor, cancelled, "Дроби").path("id").asLong();
        inbox().process(envelope(new LessonEvents.Deleted(next, student, tutor), 3));

        inbox().process(envelope(new LessonEvents.Cancelled(cancelled, student, tutor, slot(7),
                AttendanceStatus.EXCUSED_ABSENCE, AttendanceStatus.SCHEDULED, null,
                List.of(new LessonEvents.TopicMove(cancelled, next, "Дроби")), null), 2));

        assertThat(as(tutor, "tutor").get("/api/v1/homework/" + hw).status()).isEqualTo(404);
    }

    private long lessonOf(long tutor, long homeworkId) {
        return as(tutor, "tutor").get("/api/v1/homework/" + homeworkId).json().path("lesson_id").asLong();
    }

    @Test
    void redeliveredEventsAreDoneOnce() {
        long tutor = givenTutor();
        long student = givenStudent(tutor);
        long lesson = givenLesson(tutor, student, "Тема");
        long hw = assigned(tutor, lesson, "Задание").path("id").asLong();
        EventEnvelope delete = envelope(new LessonEvents.Deleted(lesson, student, tutor), 2);

        assertThat(inbox().process(delete)).isEqualTo(InboxListener.Outcome.PROCESSED);
        assertThat(as(tutor, "tutor").get("/api/v1/homework/" + hw).status()).isEqualTo(404);
        assertThat(inbox().process(delete)).isEqualTo(InboxListener.Outcome.DUPLICATE);
    }

    private InboxListener inbox() {
        return inbox;
    }

    private static LessonEvents.Created lessonCreated(long lessonId, long tutor, long student, String topic,
            OffsetDateTime date) {
        return new LessonEvents.Created(lessonId, student, tutor, topic, date, 60, null,
                AttendanceStatus.SCHEDULED, LessonStatus.NOT_CONDUCTED, TopicMastery.NOT_LEARNED, false);
    }

    private static OffsetDateTime slot(int days) {
        return Instant.now().plus(Duration.ofDays(days)).truncatedTo(ChronoUnit.HOURS).atOffset(MOSCOW);
    }

    private EventEnvelope publish(Channel channel, EventPayload payload, long version) throws Exception {
        String service = payload.eventType().startsWith("user.") ? "user-service" : "lesson-service";
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), payload.eventType(), service, Instant.now(),
                null, null, null, payload.aggregateId(), version, codec.toTree(payload), Map.of());
        publishRaw(channel, envelope);
        return envelope;
    }

    private void publishRaw(Channel channel, EventEnvelope envelope) throws Exception {
        AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder().contentType("application/json")
                .deliveryMode(2).messageId(envelope.eventId().toString()).build();
        channel.basicPublish(TestInfrastructure.get().exchange(), envelope.eventType(), properties,
                codec.encode(envelope));
    }

    private Map<String, Object> lessonRow(long lessonId) {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT topic, start_at, is_makeup, deleted FROM lesson WHERE lesson_id = ?", lessonId);
        if (rows.isEmpty()) {
            return null;
        }
        Map<String, Object> row = new java.util.HashMap<>(rows.getFirst());
        Object start = row.get("start_at");
        row.put("start_at", start instanceof java.sql.Timestamp t ? t.toInstant()
                : start instanceof OffsetDateTime o ? o.toInstant() : start);
        return row;
    }

    private static void awaitTrue(Supplier<Boolean> condition) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> Objects.equals(condition.get(), Boolean.TRUE));
    }

    private static Instant instant(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? null
                : OffsetDateTime.parse(node.asString()).toInstant();
    }
}
