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
import ru.repitbot.events.catalogue.FieldChange;
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
 * and consumed through this service's queue. A moved lesson keeps its homework (Q16), a deleted one takes it along,
 * and stale or duplicate events change nothing.
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
                    Map.of("topic", FieldChange.of("Дроби", "Устаревшее"))), 2);
            publish(channel, new LessonEvents.Updated(lesson, student, tutor,
                    Map.of("topic", FieldChange.of("Дроби", "Дроби (повтор)"))), 3);
            awaitTrue(() -> "Дроби (повтор)".equals(lessonRow(lesson).get("topic")));

            // Cancel with topic shift: this lesson takes the next slot, the next lesson becomes an undated make-up
            // lesson (its own lesson.updated comes first, as lesson-service publishes them). Both keep homework.
            publish(channel, new LessonEvents.Updated(nextLesson, student, tutor, Map.of(
                    "date", FieldChange.of(d3, null), "is_makeup", FieldChange.of(false, true))), 2);
            publish(channel, new LessonEvents.Cancelled(lesson, student, tutor, d2,
                    AttendanceStatus.EXCUSED_ABSENCE, AttendanceStatus.SCHEDULED, "болезнь", List.of(
                            new LessonEvents.Shift(lesson, d2, d3), new LessonEvents.Shift(nextLesson, d3, null)),
                    nextLesson, null), 4);
            awaitTrue(() -> d3.toInstant().equals(lessonRow(lesson).get("start_at")));
            assertThat(lessonRow(nextLesson).get("start_at")).isNull();
            assertThat(lessonRow(nextLesson).get("is_makeup")).isEqualTo(true);
            assertThat(as(tutor, "tutor").get("/api/v1/homework?student_id=" + student).json().path("total")
                    .asLong()).isEqualTo(2);
            JsonNode makeup = as(tutor, "tutor").get("/api/v1/homework/" + hwNext).json();
            assertThat(makeup.has("lesson_date")).as("undated make-up lesson").isFalse();
            assertThat(makeup.path("lesson_topic").asString()).isEqualTo("Проценты");

            // Deleting the lesson removes its homework (and only its homework).
            long hwSecond = assigned(tutor, lesson, "Дроби: доп.").path("id").asLong();
            publish(channel, new LessonEvents.Deleted(lesson, student, tutor), 5);
            awaitTrue(() -> as(tutor, "tutor").get("/api/v1/homework/" + hw).status() == 404);
            assertThat(as(tutor, "tutor").get("/api/v1/homework/" + hwSecond).status()).isEqualTo(404);
            assertThat(as(tutor, "tutor").get("/api/v1/homework/" + hwNext).status()).isEqualTo(200);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM homework WHERE lesson_id = ?", Integer.class,
                    lesson)).isZero();

            // A late lesson.created cannot bring a deleted lesson back.
            publish(channel, lessonCreated(lesson, tutor, student, "Воскрес?", d1), 1);
            publish(channel, new LessonEvents.Updated(nextLesson, student, tutor,
                    Map.of("topic", FieldChange.of("Проценты", "Проценты и доли"))), 3);
            awaitTrue(() -> "Проценты и доли".equals(lessonRow(nextLesson).get("topic")));
            assertThat(lessonRow(lesson).get("deleted")).isEqualTo(true);
            ApiClient.ApiResponse refused = assign(tutor, lesson, "Поздно", Map.of());
            assertThat(refused.status()).as("%s", refused).isEqualTo(404);
        }
    }

    @Test
    void aLessonDeletedInsteadOfShiftedTakesItsHomeworkToo() {
        long tutor = givenTutor();
        long student = givenStudent(tutor);
        long cancelled = givenLesson(tutor, student, "Отменённый");
        long dropped = givenLesson(tutor, student, "Выпавший");
        long kept = assigned(tutor, cancelled, "Остаётся").path("id").asLong();
        long lost = assigned(tutor, dropped, "Уходит").path("id").asLong();
        OffsetDateTime slot = slot(2);

        // Driven through the same path as a delivery, without the broker.
        inbox().process(envelope(new LessonEvents.Cancelled(cancelled, student, tutor, slot,
                AttendanceStatus.UNEXCUSED_ABSENCE, AttendanceStatus.SCHEDULED, null, List.of(), null, dropped), 2));

        assertThat(as(tutor, "tutor").get("/api/v1/homework/" + kept).status()).isEqualTo(200);
        assertThat(as(tutor, "tutor").get("/api/v1/homework/" + lost).status()).isEqualTo(404);
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
