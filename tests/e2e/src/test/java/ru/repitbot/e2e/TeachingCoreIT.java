package ru.repitbot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.repitbot.testsupport.ApiClient;
import ru.repitbot.testsupport.ApiClient.ApiResponse;
import tools.jackson.databind.JsonNode;

/**
 * The teaching core through the gateway, on the stack as {@code ./repitbot up} starts it: lessons, homework and
 * balances, with the balance following attendance through lesson events into payment-service.
 */
@Order(6)
@ExtendWith(StackExtension.class)
class TeachingCoreIT {

    private static final Duration EVENTUALLY = Duration.ofSeconds(30);
    /** Each test books its own hours, far from the others', so lessons never overlap across tests or runs. */
    private static final AtomicInteger SLOT = new AtomicInteger();
    private static final OffsetDateTime BASE = OffsetDateTime.now(ZoneOffset.ofHours(3)).truncatedTo(ChronoUnit.DAYS)
            .plusDays(30 + ThreadLocalRandom.current().nextInt(300)).withHour(8);
    private static Scenario.Member tutorB;

    private final Scenario scenario;

    TeachingCoreIT(Scenario scenario) {
        this.scenario = scenario;
    }

    @Test
    void aTutorGivesALessonAndHomeworkTheStudentSubmitsAndTheTutorAccepts() {
        Scenario.World w = scenario.world();
        ApiClient tutor = w.tutorA().api(scenario.stack());
        ApiClient student = w.studentA().api(scenario.stack());

        long lessonId = createLesson(tutor, w.studentA().id(), "Квадратные уравнения");
        ApiResponse lesson = student.get("/api/v1/lessons/" + lessonId);
        assertThat(lesson.status()).as("%s", lesson).isEqualTo(200);
        assertThat(lesson.json().get("attendance_status").asString()).isEqualTo("scheduled");

        long homeworkId = await().atMost(EVENTUALLY).until(() -> tutor.post("/api/v1/homework", Map.of(
                "lesson_id", lessonId, "description", "№ 1–10 из учебника",
                "deadline", nextSlot().plusDays(3).toString())), r -> r.status() == 201).json().get("id").asLong();

        ApiResponse submitted = student.post("/api/v1/homework/" + homeworkId + "/submission",
                Map.of("text", "x₁ = 2, x₂ = −3"));
        assertThat(submitted.status()).as("%s", submitted).isEqualTo(200);
        assertThat(submitted.json().get("status").asString()).isEqualTo("submitted");

        ApiResponse accepted = tutor.post("/api/v1/homework/" + homeworkId + "/accept", Map.of());
        assertThat(accepted.status()).as("%s", accepted).isEqualTo(200);
        assertThat(accepted.json().get("status").asString()).isEqualTo("checked");

        ApiResponse parentView = w.parentA().api(scenario.stack()).get("/api/v1/homework/" + homeworkId);
        assertThat(parentView.status()).isEqualTo(200);
        assertThat(parentView.json().get("status").asString()).isEqualTo("checked");
    }

    @Test
    void markingAttendedLowersTheBalanceAndExcusedRestoresIt() {
        Scenario.World w = scenario.world();
        ApiClient tutor = w.tutorA().api(scenario.stack());
        long studentId = w.studentA().id();
        long lessonId = createLesson(tutor, studentId, "Тригонометрия");
        await().atMost(EVENTUALLY).until(() -> charged(tutor, studentId) >= 0);
        int before = balance(tutor, studentId);

        ApiResponse paid = tutor.withHeader("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/v1/payments", Map.of("student_id", studentId, "lessons_paid", 4, "amount", "8000.00",
                        "method", "transfer"));
        assertThat(paid.status()).as("%s", paid).isEqualTo(201);
        await().atMost(EVENTUALLY).until(() -> balance(tutor, studentId) == before + 4);

        setAttendance(tutor, lessonId, "attended");
        await().atMost(EVENTUALLY).until(() -> balance(tutor, studentId) == before + 3);

        setAttendance(tutor, lessonId, "excused_absence");
        await().atMost(EVENTUALLY).until(() -> balance(tutor, studentId) == before + 4);

        // The family sees the same balance.
        ApiResponse parentView = w.parentA().api(scenario.stack()).get("/api/v1/balances/" + studentId);
        assertThat(parentView.status()).isEqualTo(200);
        assertThat(parentView.json().get("balances").get(0).get("balance_lessons").asInt()).isEqualTo(before + 4);
    }

    @Test
    void fiftyConcurrentAttendanceChangesEndWithTheBalanceTheFormulaGives() throws Exception {
        Scenario.World w = scenario.world();
        ApiClient tutor = w.tutorA().api(scenario.stack());
        long studentId = w.studentA().id();
        List<Long> lessons = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            lessons.add(createLesson(tutor, studentId, "Параллельный урок " + i));
        }
        List<String> statuses = List.of("attended", "unexcused_absence", "excused_absence", "scheduled",
                "attended");
        List<ApiResponse> answers;
        try (ExecutorService pool = Executors.newFixedThreadPool(10)) {
            List<Future<ApiResponse>> futures = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                long lesson = lessons.get(i % lessons.size());
                String status = statuses.get(ThreadLocalRandom.current().nextInt(statuses.size()));
                futures.add(pool.submit(() -> tutor.put("/api/v1/lessons/" + lesson + "/attendance",
                        Map.of("status", status))));
            }
            answers = new ArrayList<>();
            for (Future<ApiResponse> f : futures) {
                answers.add(f.get());
            }
        }
        assertThat(answers).allSatisfy(r -> assertThat(r.status()).as("%s", r).isBetween(200, 499));
        assertThat(answers).filteredOn(r -> r.status() == 200).hasSizeGreaterThan(25);

        // Balance = Σ paid − charged lessons, once every event has been applied.
        await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(balance(tutor, studentId))
                .isEqualTo(paid(tutor, studentId) - charged(tutor, studentId)));
    }

    @Test
    void anotherFamilysLessonHomeworkAndBalanceDoNotExist() {
        Scenario.World w = scenario.world();
        ApiClient otherTutor = tutorB().api(scenario.stack());
        long lessonB = createLesson(otherTutor, w.studentB().id(), "Чужой урок");
        long homeworkB = await().atMost(EVENTUALLY).until(() -> otherTutor.post("/api/v1/homework", Map.of(
                "lesson_id", lessonB, "description", "Чужое ДЗ", "deadline", nextSlot().toString())),
                r -> r.status() == 201).json().get("id").asLong();

        for (Scenario.Member member : List.of(w.parentA(), w.studentA(), w.tutorA())) {
            ApiClient api = member.api(scenario.stack());
            assertNotFound(api.get("/api/v1/lessons/" + lessonB));
            assertNotFound(api.get("/api/v1/homework/" + homeworkB));
            assertNotFound(api.get("/api/v1/balances/" + w.studentB().id()));
        }
        assertNotFound(w.studentA().api(scenario.stack()).post("/api/v1/homework/" + homeworkB + "/submission",
                Map.of("text", "не моё")));
        ApiResponse studentWrites = w.studentA().api(scenario.stack()).post("/api/v1/lessons", Map.of(
                "student_id", w.studentA().id(), "topic", "Сам себе урок", "start_at", nextSlot().toString()));
        assertThat(studentWrites.status()).isEqualTo(403);
        assertThat(studentWrites.isProblem()).isTrue();
    }

    @Test
    void malformedTeachingRequestsAre4xxProblemsNever5xx() {
        Scenario.World w = scenario.world();
        ApiClient tutor = w.tutorA().api(scenario.stack());
        long studentId = w.studentA().id();
        List<ApiResponse> answers = List.of(
                tutor.post("/api/v1/lessons", Map.of("student_id", studentId, "topic", "x", "start_at", "вчера")),
                tutor.post("/api/v1/lessons", Map.of("student_id", studentId, "topic", "x",
                        "start_at", nextSlot().toString(), "duration_minutes", -5)),
                tutor.post("/api/v1/lessons", Map.of("student_id", "abc", "topic", "x")),
                tutor.post("/api/v1/lessons", Map.of("student_id", studentId, "topic", "x".repeat(20_000),
                        "start_at", nextSlot().toString())),
                tutor.put("/api/v1/lessons/1/attendance", Map.of("status", "maybe")),
                tutor.put("/api/v1/lessons/abc/attendance", Map.of("status", "attended")),
                tutor.get("/api/v1/lessons?student_id=" + studentId + "&page=0"),
                tutor.sendRaw("POST", "/api/v1/homework", "{\"lesson_id\": 1, \"description\": "),
                tutor.post("/api/v1/homework", Map.of("lesson_id", 1)),
                tutor.post("/api/v1/payments", Map.of("student_id", studentId, "lessons_paid", "many")),
                tutor.post("/api/v1/payments", Map.of("student_id", studentId, "lessons_paid", 2, "method", "bitcoin")),
                tutor.post("/api/v1/payments", Map.of("student_id", studentId, "lessons_paid", 2, "currency", "rubles")),
                tutor.get("/api/v1/balances/not-a-number"),
                tutor.get("/api/v1/homework?status=lost"));
        assertThat(answers).allSatisfy(r -> {
            assertThat(r.status()).as("%s", r).isBetween(400, 499);
            assertThat(r.isProblem()).as("problem+json: %s", r).isTrue();
        });
    }

    private static synchronized Scenario.Member tutorB(Scenario scenario) {
        if (tutorB == null) {
            tutorB = scenario.login(scenario.world().tutorB().code(), scenario.newTelegramId());
        }
        return tutorB;
    }

    private Scenario.Member tutorB() {
        return tutorB(scenario);
    }

    private static OffsetDateTime nextSlot() {
        return BASE.plusHours(2L * SLOT.incrementAndGet());
    }

    /** Creates a lesson, waiting for lesson-service to have learned of the student from user events. */
    private static long createLesson(ApiClient tutor, long studentId, String topic) {
        OffsetDateTime start = nextSlot();
        ApiResponse created = await().atMost(EVENTUALLY).until(() -> tutor.post("/api/v1/lessons", Map.of(
                "student_id", studentId, "topic", topic, "start_at", start.toString(), "duration_minutes", 60)),
                r -> r.status() != 404);
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private static void setAttendance(ApiClient tutor, long lessonId, String status) {
        ApiResponse r = tutor.put("/api/v1/lessons/" + lessonId + "/attendance", Map.of("status", status));
        assertThat(r.status()).as("%s", r).isEqualTo(200);
    }

    private static JsonNode balanceLine(ApiClient tutor, long studentId) {
        ApiResponse r = tutor.get("/api/v1/balances/" + studentId);
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        JsonNode lines = r.json().get("balances");
        return lines.isEmpty() ? null : lines.get(0);
    }

    private static int balance(ApiClient tutor, long studentId) {
        JsonNode line = balanceLine(tutor, studentId);
        return line == null ? 0 : line.get("balance_lessons").asInt();
    }

    private static long paid(ApiClient tutor, long studentId) {
        JsonNode line = balanceLine(tutor, studentId);
        return line == null ? 0 : line.get("paid_lessons").asLong();
    }

    /** Charged lessons as lesson-service sees them: the other side of the formula. */
    private static long charged(ApiClient tutor, long studentId) {
        long charged = 0;
        for (int page = 1; ; page++) {
            ApiResponse r = tutor.get("/api/v1/lessons?student_id=" + studentId + "&size=100&page=" + page);
            assertThat(r.status()).as("%s", r).isEqualTo(200);
            for (JsonNode lesson : r.json().get("items")) {
                if (lesson.get("charged").asBoolean()) {
                    charged++;
                }
            }
            if (page >= r.json().get("pages").asInt()) {
                return charged;
            }
        }
    }

    private static void assertNotFound(ApiResponse response) {
        assertThat(response.status()).as("%s", response).isEqualTo(404);
        assertThat(response.isProblem()).as("problem+json: %s", response.contentType()).isTrue();
    }
}
