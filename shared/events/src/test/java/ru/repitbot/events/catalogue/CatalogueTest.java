package ru.repitbot.events.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import ru.repitbot.events.EventCodec;
import ru.repitbot.events.EventEnvelope;
import ru.repitbot.events.EventPayload;
import ru.repitbot.models.AttendanceStatus;
import ru.repitbot.models.HomeworkStatus;
import ru.repitbot.models.LessonStatus;
import ru.repitbot.models.PaymentMethod;
import ru.repitbot.models.TopicMastery;
import tools.jackson.databind.JsonNode;

/** Every catalogue payload survives the wire unchanged and is spelled in snake_case there. */
public class CatalogueTest {

    /** Kaliningrad wall-clock time: events carry the business offset, not UTC. */
    private static final ZoneOffset KALININGRAD = ZoneOffset.ofHours(2);
    private static final OffsetDateTime MONDAY = OffsetDateTime.of(2025, 3, 3, 16, 30, 0, 0, KALININGRAD);
    private static final OffsetDateTime NEXT_MONDAY = MONDAY.plusWeeks(1);

    private final EventCodec codec = new EventCodec();

    public static Stream<EventPayload> payloads() {
        LessonChanges lessonChanges = LessonChanges.NONE
                .withAttendanceStatus(AttendanceStatus.SCHEDULED, AttendanceStatus.ATTENDED)
                .withDate(MONDAY, NEXT_MONDAY)
                .withMasteryComment(null, "Дроби освоены")
                .withDurationMinutes(60, 90)
                .withIsMakeup(true, false);
        return Stream.of(
                new UserEvents.Created(7, "student", "Иван Петров", 123456789L, "ivan", "Europe/Kaliningrad", 7,
                        List.of(2L), List.of(11L, 12L)),
                new UserEvents.Updated(7, "student", UserChanges.NONE.withFullName("Иван", "Иван Петров")
                        .withGrade(6, 7).withUsername("ivan", null).withTelegramId(null, 123456789012L)),
                new UserEvents.Deleted(7, "student"),
                new UserEvents.Linked(UserEvents.LinkKind.parent, 11, 7),
                new UserEvents.Unlinked(UserEvents.LinkKind.tutor, 2, 7),
                new LessonEvents.Created(41, 7, 2, "Дроби", MONDAY, 60, null, AttendanceStatus.SCHEDULED,
                        LessonStatus.NOT_CONDUCTED, TopicMastery.NOT_LEARNED, false),
                new LessonEvents.Created(42, 7, 2, "Проценты (отработка)", null, 45, "устный счёт",
                        AttendanceStatus.SCHEDULED, LessonStatus.NOT_CONDUCTED, TopicMastery.NOT_LEARNED, true),
                new LessonEvents.Updated(41, 7, 2, lessonChanges),
                new LessonEvents.Conducted(41, 7, 2, MONDAY, "Дроби", 60, AttendanceStatus.SCHEDULED),
                new LessonEvents.Cancelled(41, 7, 2, MONDAY, AttendanceStatus.EXCUSED_ABSENCE,
                        AttendanceStatus.SCHEDULED, "болеет",
                        List.of(new LessonEvents.TopicMove(41, 43, "Дроби"),
                                new LessonEvents.TopicMove(43, 44, "Проценты")),
                        44L),
                new LessonEvents.Rescheduled(41, 7, 2, MONDAY, NEXT_MONDAY, "каникулы"),
                new LessonEvents.Deleted(41, 7, 2),
                new HomeworkEvents.Assigned(5, 41, 7, 2, "№ 12–15", NEXT_MONDAY, "https://example.org/task", 2),
                new HomeworkEvents.Submitted(5, 41, 7, 2, true, 3, false),
                new HomeworkEvents.Withdrawn(5, 41, 7, 2),
                new HomeworkEvents.Checked(5, 41, 7, 2, HomeworkStatus.CHECKED, NEXT_MONDAY),
                new HomeworkEvents.Checked(5, 41, 7, 2, HomeworkStatus.PENDING, null),
                new PaymentEvents.Created(9, 7, 2, 8, MONDAY, new BigDecimal("12000.50"), "RUB", PaymentMethod.TRANSFER,
                        6),
                new PaymentEvents.Created(10, 7, 2, -1, MONDAY, null, null, null, 5),
                new PaymentEvents.Updated(9, 7, 2, new PaymentChanges(Change.of(8, 4), null,
                        Change.of(new BigDecimal("12000.50"), new BigDecimal("6000.00")), null,
                        Change.of(PaymentMethod.CASH, PaymentMethod.CARD)), 2),
                new PaymentEvents.Voided(9, 7, 2, 8, new BigDecimal("12000.50"), "RUB", "введено по ошибке",
                        NEXT_MONDAY, -2),
                new PaymentEvents.Voided(10, 7, 2, -1, null, null, null, NEXT_MONDAY, 5),
                new PaymentEvents.BalanceLow(7, 2, 1, 1, 2),
                new AchievementEvents.Earned(3, 7, "first_lesson", "Первый шаг", "Поздравляем с первым уроком!", "🎯",
                        MONDAY),
                new NotificationEvents.Sent(100, 7, "telegram", "lesson_reminder"),
                new NotificationEvents.Failed(101, 7, "telegram", "balance_low", "bot blocked by the user"),
                new MaterialEvents.Created(8, 2L, "Таблица умножения", 3, "https://example.org/t", null, "Математика",
                        List.of("умножение"), List.of("https://example.org/t")),
                new MaterialEvents.Updated(8, null, "Таблица умножения", null, null, "для всех", null, List.of(), List.of()),
                new MaterialEvents.Deleted(8, 2L, "Таблица умножения", 4, null, null, null, List.of(), List.of()),
                new SchedulerEvents.ReminderDue("lesson_reminder_24h", "lesson", 41, 7, 2L, MONDAY,
                        MONDAY.minusHours(24), false, "reminder:lesson_reminder_24h:lesson:41:1700000000", "Дроби",
                        null, 41L, 60),
                new SchedulerEvents.DigestDue(MONDAY),
                new SchedulerEvents.MonthEnded("2026-11", "Europe/Kaliningrad"));
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void payloadRoundTripsThroughTheWire(EventPayload payload) {
        EventEnvelope decoded = codec.decode(codec.encode(envelope(payload)));

        assertThat(decoded.eventType()).isEqualTo(payload.eventType());
        assertThat(decoded.aggregateId()).isEqualTo(payload.aggregateId());
        assertThat(codec.data(decoded, payload.getClass())).isEqualTo(payload);
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void wireNamesAreTheSnakeCaseOfTheComponents(EventPayload payload) {
        org.junit.jupiter.api.Assumptions.assumeFalse(payload instanceof UserEvents.Updated,
                "user.updated keeps the seed's changes/previous maps; see userChangesKeepTheSeedsTwoMaps");
        JsonNode data = codec.decode(codec.encodeToString(envelope(payload))).data();

        List<String> expected = Arrays.stream(payload.getClass().getRecordComponents())
                .map(component -> snakeCase(component.getName())).toList();
        assertThat(data.propertyNames()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void lessonFieldsAreSpelledAsConsumersReadThem() {
        String json = codec.encodeToString(envelope(new LessonEvents.Cancelled(41, 7, 2, MONDAY,
                AttendanceStatus.RESCHEDULED, AttendanceStatus.ATTENDED, null,
                List.of(new LessonEvents.TopicMove(41, 43, "Дроби")), 43L)));

        assertThat(json)
                .contains("\"tutor_id\":2", "\"makeup_lesson_id\":43")
                .contains("\"attendance_status\":\"rescheduled\"", "\"previous_attendance_status\":\"attended\"")
                .contains("\"topic_moves\":[{\"from_lesson_id\":41,\"to_lesson_id\":43,\"topic\":\"Дроби\"}]")
                .doesNotContain("tutorId", "makeupLessonId", "fromLessonId");

        String created = codec.encodeToString(envelope(new LessonEvents.Created(42, 7, 2, "Проценты", null, 45, null,
                AttendanceStatus.SCHEDULED, LessonStatus.NOT_CONDUCTED, TopicMastery.NOT_LEARNED, true)));
        assertThat(created).contains("\"is_makeup\":true", "\"duration_minutes\":45", "\"date\":null",
                "\"lesson_status\":\"not_conducted\"", "\"mastery_level\":\"not_learned\"");
    }

    @Test
    void moneyTravelsAsAnExactDecimalString() {
        String json = codec.encodeToString(envelope(new PaymentEvents.Created(9, 7, 2, 8, MONDAY,
                new BigDecimal("12000.50"), "RUB", PaymentMethod.CARD, 6)));

        assertThat(json).contains("\"amount\":\"12000.50\"", "\"method\":\"card\"", "\"balance_after\":6",
                "\"payment_date\":\"2025-03-03T16:30:00+02:00\"");
    }

    @Test
    void aVoidedPaymentTellsWhatWasTakenBack() {
        String json = codec.encodeToString(envelope(new PaymentEvents.Voided(9, 7, 2, 8,
                new BigDecimal("12000.50"), "RUB", "введено по ошибке", NEXT_MONDAY, -2)));

        assertThat(json).contains("\"event_type\":\"payment.voided\"", "\"payment_id\":9", "\"lessons_paid\":8",
                "\"amount\":\"12000.50\"", "\"reason\":\"введено по ошибке\"", "\"balance_after\":-2",
                "\"voided_at\":\"2025-03-10T16:30:00+02:00\"");
    }

    @Test
    void changesAreOldAndNewWireValuesOfTheChangedFieldsOnly() {
        String json = codec.encodeToString(envelope(new LessonEvents.Updated(41, 7, 2,
                LessonChanges.NONE.withAttendanceStatus(AttendanceStatus.SCHEDULED, AttendanceStatus.ATTENDED)
                        .withTopic("Дроби", "Дроби"))));

        assertThat(json).contains(
                "\"changes\":{\"attendance_status\":{\"old\":\"scheduled\",\"new\":\"attended\"}}");
    }

    @Test
    void aLessonChangeSetAsTheSeedWroteItDecodesTyped() {
        EventEnvelope wire = codec.decode("""
                {"event_id":"6f1c2f1e-8a4e-4a43-9b38-1b1a2d3c4e5f","event_type":"lesson.updated","aggregate_version":3,
                 "data":{"lesson_id":41,"student_id":7,"tutor_id":2,"changes":{
                   "date":{"old":"2025-03-03T16:30:00+02:00","new":"2025-03-10T16:30:00+02:00"},
                   "is_makeup":{"old":true,"new":false},"mastery_comment":{"old":null,"new":"ok"}}}}""");

        LessonChanges changes = codec.data(wire, LessonEvents.Updated.class).changes();

        assertThat(changes.date().newValue()).isEqualTo(NEXT_MONDAY);
        assertThat(changes.date().newValue().getOffset()).isEqualTo(KALININGRAD);
        assertThat(changes.isMakeup().newValue()).isFalse();
        assertThat(changes.masteryComment()).isEqualTo(Change.of(null, "ok"));
        assertThat(changes.attendanceStatus()).isNull();
    }

    @Test
    void userChangesKeepTheSeedsTwoMaps() {
        String json = codec.encodeToString(envelope(new UserEvents.Updated(7, "student",
                UserChanges.NONE.withTimeZone("Europe/Moscow", "Europe/Kaliningrad").withUsername("ivan", null))));

        assertThat(json).contains("\"changes\":{\"time_zone\":\"Europe/Kaliningrad\",\"username\":null}",
                "\"previous\":{\"time_zone\":\"Europe/Moscow\",\"username\":\"ivan\"}")
                .doesNotContain("fields");
    }

    @Test
    void everyCatalogueRecordKnowsItsRoutingKey() {
        assertThat(new LessonEvents.Deleted(41, 7, 2).eventType()).isEqualTo("lesson.deleted");
        assertThat(EventTypes.of(PaymentEvents.BalanceLow.class)).isEqualTo("balance.low");
        assertThat(EventTypes.catalogue()).hasSize(EventTypes.class.getFields().length);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EventTypes.of(Unlisted.class))
                .isInstanceOf(IllegalArgumentException.class);
    }

    record Unlisted(long id) implements EventPayload {
        @Override
        public String aggregateId() {
            return Long.toString(id);
        }
    }

    @Test
    void everyEventTypeOfTheCatalogueHasAPayload() throws IllegalAccessException {
        List<String> declared = new ArrayList<>();
        for (var field : EventTypes.class.getFields()) {
            declared.add((String) field.get(null));
        }
        List<String> covered = payloads().map(EventPayload::eventType).distinct().toList();

        assertThat(covered).containsExactlyInAnyOrderElementsOf(declared);
    }

    private EventEnvelope envelope(EventPayload payload) {
        return new EventEnvelope(UUID.randomUUID(), payload.eventType(), "test", java.time.Instant.now(), null, null,
                null, payload.aggregateId(), 1, codec.toTree(payload), Map.of());
    }

    private static String snakeCase(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
