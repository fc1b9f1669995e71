package ru.repitbot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.repitbot.testsupport.ApiClient;
import ru.repitbot.testsupport.ApiClient.ApiResponse;
import tools.jackson.databind.JsonNode;

/**
 * The four rules an outside walk found broken (docs/domain/lessons.md#cancelling-a-lesson), each as a family and a tutor
 * see them through the gateway: balances from payment-service, statements, lesson lists and the calendar feed.
 */
@Order(8)
@ExtendWith(StackExtension.class)
class CancellationRulesIT {

    private static final Duration EVENTUALLY = Duration.ofSeconds(30);
    private static final DateTimeFormatter ICS_UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final Scenario scenario;

    CancellationRulesIT(Scenario scenario) {
        this.scenario = scenario;
    }

    /** A tutor of their own with one student, the student's parent, and lessons far from other tests'. */
    private final class Family {
        final ApiClient tutor;
        final ApiClient parent;
        final long student;
        final OffsetDateTime base;

        Family(int daysAhead) {
            Scenario.Member admin = scenario.admin();
            Scenario.Created t = scenario.create(admin.token(), Map.of("role", "tutor", "full_name", "Правила"));
            Scenario.Member tutorMember = scenario.login(t.code(), scenario.newTelegramId());
            tutor = tutorMember.api(scenario.stack());
            student = scenario.create(tutorMember.token(), Map.of("role", "student", "full_name", "Ученик правил",
                    "grade", 6, "time_zone", "UTC")).id();
            Scenario.Created p = scenario.create(tutorMember.token(), Map.of("role", "parent", "full_name",
                    "Родитель правил", "student_ids", List.of(student)));
            parent = scenario.login(p.code(), scenario.newTelegramId()).api(scenario.stack());
            base = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).plusDays(daysAhead).withHour(10);
        }

        long lesson(String topic, OffsetDateTime start) {
            ApiResponse r = await().atMost(EVENTUALLY).until(() -> tutor.post("/api/v1/lessons", Map.of(
                    "student_id", student, "topic", topic, "start_at", start.toString())), x -> x.status() != 404);
            assertThat(r.status()).as("%s", r).isEqualTo(201);
            return r.json().get("id").asLong();
        }

        void pay(int lessons) {
            ApiResponse r = await().atMost(EVENTUALLY).until(() -> tutor.withHeader("Idempotency-Key",
                    UUID.randomUUID().toString()).post("/api/v1/payments", Map.of("student_id", student,
                    "lessons_paid", lessons)), x -> x.status() != 404);
            assertThat(r.status()).as("%s", r).isEqualTo(201);
        }

        int balanceSeenByParent() {
            ApiResponse r = parent.get("/api/v1/balances/" + student);
            assertThat(r.status()).as("%s", r).isEqualTo(200);
            JsonNode lines = r.json().get("balances");
            return lines.isEmpty() ? 0 : lines.get(0).get("balance_lessons").asInt();
        }

        JsonNode lessonSeenByParent(long id) {
            ApiResponse r = parent.get("/api/v1/lessons/" + id);
            assertThat(r.status()).as("%s", r).isEqualTo(200);
            return r.json();
        }

        void attendance(long id, String status) {
            ApiResponse r = tutor.put("/api/v1/lessons/" + id + "/attendance", Map.of("status", status));
            assertThat(r.status()).as("%s", r).isEqualTo(200);
        }
    }

    @Test
    void cancellingOneLessonDoesNotRefundAnotherLessonsUnexcusedAbsence() {
        Family f = new Family(500);
        long e = f.lesson("E", f.base);
        long u = f.lesson("U", f.base.plusDays(1));
        f.pay(2);
        f.attendance(u, "unexcused_absence");
        await().atMost(EVENTUALLY).until(() -> f.balanceSeenByParent() == 1);

        ApiResponse cancelled = f.tutor.post("/api/v1/lessons/" + e + "/cancel", Map.of("attendance_status",
                "excused_absence"));
        assertThat(cancelled.status()).as("%s", cancelled).isEqualTo(200);

        JsonNode absence = f.lessonSeenByParent(u);
        assertThat(absence.get("attendance_status").asString()).isEqualTo("unexcused_absence");
        assertThat(absence.get("charged").asBoolean()).isTrue();
        assertThat(absence.get("is_makeup").asBoolean()).isFalse();
        assertThat(instant(absence.get("start_at"))).isEqualTo(f.base.plusDays(1).toInstant());
        // Give the events time to arrive, then the balance must still count the absence.
        long makeup = cancelled.json().get("makeup_lesson_id").asLong();
        await().atMost(EVENTUALLY).until(() -> f.parent.get("/api/v1/lessons/" + makeup).status() == 200);
        await().during(Duration.ofSeconds(2)).atMost(EVENTUALLY).until(() -> f.balanceSeenByParent() == 1);
        JsonNode statement = f.parent.get("/api/v1/balances/" + f.student + "/statement").json();
        List<JsonNode> charges = lines(statement, "lesson");
        assertThat(charges).hasSize(1);
        assertThat(charges.getFirst().get("lesson_id").asLong()).isEqualTo(u);
        assertThat(instant(charges.getFirst().get("at"))).as("charged at the date it happened")
                .isEqualTo(f.base.plusDays(1).toInstant());
    }

    @Test
    void anUndatedMakeupIsNotMarkedUntilItHasADate() {
        Family f = new Family(510);
        long only = f.lesson("Логарифмы", f.base);
        f.pay(1);
        long makeup = f.tutor.post("/api/v1/lessons/" + only + "/cancel", Map.of()).json()
                .get("makeup_lesson_id").asLong();

        ApiResponse refused = f.tutor.put("/api/v1/lessons/" + makeup + "/attendance", Map.of("status",
                "attended"));
        assertThat(refused.status()).as("%s", refused).isEqualTo(409);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.json().get("detail").asString()).contains("date");
        assertThat(f.lessonSeenByParent(makeup).get("attendance_status").asString()).isEqualTo("scheduled");

        ApiResponse dated = f.tutor.post("/api/v1/lessons/" + makeup + "/reschedule", Map.of("start_at",
                f.base.plusDays(3).toString()));
        assertThat(dated.status()).as("%s", dated).isEqualTo(200);
        f.attendance(makeup, "attended");
        await().atMost(EVENTUALLY).until(() -> f.balanceSeenByParent() == 0);
        assertThat(f.lessonSeenByParent(makeup).get("charged").asBoolean()).isTrue();
    }

    @Test
    void materialisingAgainDoesNotRefillACancelledSunday() {
        Family f = new Family(520);
        await().atMost(EVENTUALLY).until(() -> f.tutor.put("/api/v1/schedules/" + f.student, Map.of(
                "time_zone", "UTC", "slots", List.of(Map.of("weekday", "sunday", "time", "18:30")))),
                r -> r.status() == 200);
        JsonNode first = f.tutor.post("/api/v1/schedules/" + f.student + "/materialise?weeks=2", null).json();
        assertThat(first.get("created").asInt()).as("%s", first).isBetween(2, 3);
        long firstSunday = first.get("lesson_ids").get(0).asLong();
        Instant sunday = instant(f.lessonSeenByParent(firstSunday).get("start_at"));
        assertThat(sunday.atZone(ZoneOffset.UTC).getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
        assertThat(f.tutor.post("/api/v1/lessons/" + firstSunday + "/cancel", Map.of()).status()).isEqualTo(200);

        JsonNode again = f.tutor.post("/api/v1/schedules/" + f.student + "/materialise?weeks=2", null).json();

        assertThat(again.get("created").asInt()).as("%s", again).isZero();
        JsonNode thatSunday = f.parent.get("/api/v1/lessons?student_id=" + f.student + "&from=" + sunday
                + "&to=" + sunday.plusSeconds(60)).json();
        assertThat(thatSunday.get("items")).hasSize(1);
        assertThat(thatSunday.get("items").get(0).get("id").asLong()).isEqualTo(firstSunday);
        assertThat(thatSunday.get("items").get(0).get("attendance_status").asString()).isEqualTo("excused_absence");
    }

    @Test
    void theCalendarShowsTheDateThatWasReallyCancelled() {
        Family f = new Family(530);
        OffsetDateTime monday = f.base.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        long cancelled = f.lesson("Дроби", monday);
        long next = f.lesson("Проценты", monday.plusDays(2));
        f.pay(2);
        String url = f.parent.post("/api/v1/calendar/feeds", Map.of()).json().get("url").asString();

        assertThat(f.tutor.post("/api/v1/lessons/" + cancelled + "/cancel", Map.of("attendance_status",
                "unexcused_absence")).status()).isEqualTo(200);

        ApiResponse feed = scenario.anonymous().withHeader("Accept", "text/calendar")
                .get(URI.create(url).getRawPath());
        assertThat(feed.status()).as("%s", feed).isEqualTo(200);
        String ics = feed.body().replaceAll("\r\n[ \t]", "");
        String cancelledEvent = event(ics, cancelled);
        assertThat(cancelledEvent).contains("DTSTART:" + ICS_UTC.format(monday.toInstant()), "STATUS:CANCELLED");
        String nextEvent = event(ics, next);
        assertThat(nextEvent).contains("DTSTART:" + ICS_UTC.format(monday.plusDays(2).toInstant()),
                "STATUS:CONFIRMED", "SUMMARY:Дроби");
        JsonNode moved = f.lessonSeenByParent(cancelled);
        assertThat(moved.get("topic_moved_to_lesson_id").asLong()).isEqualTo(next);

        await().atMost(EVENTUALLY).until(() -> f.balanceSeenByParent() == 1);
        List<JsonNode> charges = lines(f.parent.get("/api/v1/balances/" + f.student + "/statement").json(),
                "lesson");
        assertThat(charges).hasSize(1);
        assertThat(instant(charges.getFirst().get("at"))).isEqualTo(monday.toInstant());
    }

    private static List<JsonNode> lines(JsonNode statement, String kind) {
        List<JsonNode> result = new ArrayList<>();
        statement.get("entries").forEach(line -> {
            if (line.get("kind").asString().equals(kind)) {
                result.add(line);
            }
        });
        return result;
    }

    private static String event(String ics, long lessonId) {
        int at = ics.indexOf("UID:lesson-" + lessonId + "@repitbot");
        assertThat(at).as("lesson %d in the feed:\n%s", lessonId, ics).isNotNegative();
        int start = ics.lastIndexOf("BEGIN:VEVENT", at);
        int end = ics.indexOf("END:VEVENT", at);
        return ics.substring(start, end);
    }

    private static Instant instant(JsonNode node) {
        return node == null || node.isNull() ? null : OffsetDateTime.parse(node.asString()).toInstant();
    }
}
