package ru.repitbot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.repitbot.testsupport.ApiClient;
import ru.repitbot.testsupport.ApiClient.ApiResponse;
import tools.jackson.databind.JsonNode;

/**
 * Property of cancellation (docs/domain/lessons.md#cancelling-a-lesson), through the gateway on the
 * whole stack: random sequences of create / mark / cancel / reschedule / materialise / date a make-up on one student
 * end with
 * <ul>
 *   <li>the balance payment-service shows equal to Σ paid − charged lessons (as lesson-service shows them);</li>
 *   <li>no lesson whose attendance was recorded ever moved;</li>
 *   <li>every cancelled occurrence still at its own date, in a cancellation status;</li>
 *   <li>the topics unchanged: those held by lessons are exactly the topics ever given (a cancellation moves a topic,
 *   never loses or copies one).</li>
 * </ul>
 * The seed of each walk is printed in the assertion messages; {@code -De2e.cancellation.seed=N} replays one.
 */
@Order(8)
@ExtendWith(StackExtension.class)
class CancellationPropertyIT {

    private static final Duration EVENTUALLY = Duration.ofSeconds(30);
    private static final Set<String> CANCELLATIONS = Set.of("excused_absence", "unexcused_absence", "rescheduled");
    private static final String TEMPLATE_TOPIC = "По шаблону";
    private static final int PAID = 10;

    private final Scenario scenario;

    CancellationPropertyIT(Scenario scenario) {
        this.scenario = scenario;
    }

    @Test
    void randomWalksKeepBalancesDatesAndTopics() {
        String fixed = System.getProperty("e2e.cancellation.seed");
        List<Long> seeds = fixed != null ? List.of(Long.parseLong(fixed))
                : List.of(System.nanoTime(), System.nanoTime() + 1, System.nanoTime() + 2);
        for (long seed : seeds) {
            new Walk(seed).run(80);
        }
    }

    /** One tutor and one student of their own, walked at random. */
    private final class Walk {

        private final long seed;
        private final Random random;
        private final ApiClient tutor;
        private final long student;
        /** Topics ever given to this student's lessons (a multiset: the template gives the same one many times). */
        private final Map<String, Integer> topicsGiven = new HashMap<>();
        /** Lessons whose attendance the walk recorded, with the date they had then. */
        private final Map<Long, Instant> marked = new HashMap<>();
        /** Lessons the walk cancelled, with their date. */
        private final Map<Long, Instant> cancelled = new HashMap<>();
        private final OffsetDateTime base;
        private int slot;
        private int topics;

        Walk(long seed) {
            this.seed = seed;
            this.random = new Random(seed);
            Scenario.Member admin = scenario.admin();
            Scenario.Created t = scenario.create(admin.token(), Map.of("role", "tutor", "full_name",
                    "Репетитор прогулки " + seed));
            Scenario.Member member = scenario.login(t.code(), scenario.newTelegramId());
            this.tutor = member.api(scenario.stack());
            this.student = scenario.create(member.token(), Map.of("role", "student", "full_name",
                    "Ученик прогулки", "grade", 8)).id();
            // Hand-made lessons go 40+ days ahead on the hour; the template's lessons are the next two weeks' 07:00.
            this.base = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).plusDays(40).withHour(9);
        }

        void run(int steps) {
            ApiResponse paid = await().atMost(EVENTUALLY).until(() -> tutor.withHeader("Idempotency-Key",
                    UUID.randomUUID().toString()).post("/api/v1/payments", Map.of("student_id", student,
                    "lessons_paid", PAID)), r -> r.status() != 404);
            assertThat(paid.status()).as("seed %d: %s", seed, paid).isEqualTo(201);
            ApiResponse template = await().atMost(EVENTUALLY).until(() -> tutor.put("/api/v1/schedules/" + student,
                    Map.of("time_zone", "UTC", "slots", List.of(
                            Map.of("weekday", "monday", "time", "07:00", "note", TEMPLATE_TOPIC),
                            Map.of("weekday", "thursday", "time", "07:00", "note", TEMPLATE_TOPIC)))),
                    r -> r.status() != 404);
            assertThat(template.status()).as("seed %d: %s", seed, template).isEqualTo(200);
            create();
            for (int step = 0; step < steps; step++) {
                step(lessons());
            }
            check();
        }

        private void step(List<JsonNode> lessons) {
            List<JsonNode> dated = lessons.stream().filter(l -> !l.get("start_at").isNull()).toList();
            List<JsonNode> markable = dated.stream().filter(l -> Set.of("scheduled", "attended")
                    .contains(l.get("attendance_status").asString())).toList();
            List<JsonNode> scheduled = lessons.stream()
                    .filter(l -> l.get("attendance_status").asString().equals("scheduled")).toList();
            List<JsonNode> undated = lessons.stream().filter(l -> l.get("start_at").isNull()).toList();
            List<JsonNode> recorded = dated.stream()
                    .filter(l -> !l.get("attendance_status").asString().equals("scheduled")).toList();
            switch (random.nextInt(9)) {
                case 0, 1 -> create();
                case 2, 3 -> {
                    if (!markable.isEmpty()) {
                        JsonNode l = pick(markable);
                        String status = pick(List.of("attended", "unexcused_absence", "excused_absence",
                                "rescheduled").stream()
                                .filter(s -> !s.equals(l.get("attendance_status").asString())).toList());
                        expectOk(tutor.put("/api/v1/lessons/" + id(l) + "/attendance", Map.of("status", status)));
                        record(l, status);
                    }
                }
                case 4 -> {
                    if (!dated.isEmpty()) {
                        JsonNode l = pick(dated);
                        String status = pick(List.copyOf(CANCELLATIONS));
                        expectOk(tutor.post("/api/v1/lessons/" + id(l) + "/cancel", Map.of(
                                "attendance_status", status, "reason", "прогулка " + seed)));
                        record(l, status);
                    }
                }
                case 5 -> {
                    if (!scheduled.isEmpty()) {
                        JsonNode l = pick(scheduled);
                        expectOk(tutor.post("/api/v1/lessons/" + id(l) + "/reschedule",
                                Map.of("start_at", nextSlot().toString())));
                    }
                }
                case 6 -> {
                    if (!recorded.isEmpty()) {
                        JsonNode l = pick(recorded);
                        ApiResponse r = tutor.post("/api/v1/lessons/" + id(l) + "/reschedule",
                                Map.of("start_at", nextSlot().toString()));
                        assertThat(r.status()).as("seed %d: a marked lesson keeps its date: %s", seed, r)
                                .isEqualTo(409);
                    }
                }
                case 7 -> {
                    if (!undated.isEmpty()) {
                        JsonNode l = pick(undated);
                        ApiResponse r = tutor.put("/api/v1/lessons/" + id(l) + "/attendance",
                                Map.of("status", "attended"));
                        assertThat(r.status()).as("seed %d: an undated make-up is not marked: %s", seed, r)
                                .isEqualTo(409);
                        assertThat(r.isProblem()).isTrue();
                        if (random.nextBoolean()) {
                            expectOk(tutor.post("/api/v1/lessons/" + id(l) + "/reschedule",
                                    Map.of("start_at", nextSlot().toString())));
                        }
                    }
                }
                default -> {
                    ApiResponse r = tutor.post("/api/v1/schedules/" + student + "/materialise?weeks=2", null);
                    expectOk(r);
                    topicsGiven.merge(TEMPLATE_TOPIC, r.json().get("created").asInt(), Integer::sum);
                }
            }
        }

        private void create() {
            String topic = "Тема " + (++topics);
            ApiResponse r = await().atMost(EVENTUALLY).until(() -> tutor.post("/api/v1/lessons", Map.of(
                    "student_id", student, "topic", topic, "start_at", nextSlot().toString())),
                    x -> x.status() != 404);
            assertThat(r.status()).as("seed %d: %s", seed, r).isEqualTo(201);
            topicsGiven.merge(topic, 1, Integer::sum);
        }

        private void record(JsonNode lesson, String status) {
            Instant start = instant(lesson.get("start_at"));
            marked.put(id(lesson), start);
            if (CANCELLATIONS.contains(status)) {
                cancelled.put(id(lesson), start);
            } else {
                cancelled.remove(id(lesson));
            }
        }

        private void check() {
            List<JsonNode> lessons = lessons();
            Map<Long, JsonNode> byId = new HashMap<>();
            lessons.forEach(l -> byId.put(id(l), l));
            String walk = "seed " + seed;

            marked.forEach((id, start) -> assertThat(instant(byId.get(id).get("start_at")))
                    .as("%s: marked lesson %d never moves", walk, id).isEqualTo(start));
            cancelled.forEach((id, start) -> {
                JsonNode l = byId.get(id);
                assertThat(instant(l.get("start_at"))).as("%s: cancelled %d stays at its date", walk, id)
                        .isEqualTo(start);
                assertThat(CANCELLATIONS).as("%s: %d still cancelled", walk, id)
                        .contains(l.get("attendance_status").asString());
            });
            Map<String, Integer> held = new HashMap<>();
            lessons.stream().filter(l -> l.get("topic_moved_to_lesson_id").isNull())
                    .forEach(l -> held.merge(l.get("topic").asString(), 1, Integer::sum));
            assertThat(held).as("%s: every topic kept once", walk).isEqualTo(topicsGiven);
            for (JsonNode l : lessons) {
                if (l.get("start_at").isNull()) {
                    assertThat(l.get("is_makeup").asBoolean()).as("%s: %s", walk, l).isTrue();
                    assertThat(l.get("attendance_status").asString()).as("%s: %s", walk, l).isEqualTo("scheduled");
                }
            }
            long charged = lessons.stream().filter(l -> l.get("charged").asBoolean()).count();
            await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(balance())
                    .as("%s: balance = paid − charged", walk).isEqualTo(PAID - charged));
        }

        private int balance() {
            ApiResponse r = tutor.get("/api/v1/balances/" + student);
            assertThat(r.status()).as("%s", r).isEqualTo(200);
            JsonNode lines = r.json().get("balances");
            return lines.isEmpty() ? 0 : lines.get(0).get("balance_lessons").asInt();
        }

        private List<JsonNode> lessons() {
            List<JsonNode> all = new ArrayList<>();
            for (int page = 1; ; page++) {
                ApiResponse r = tutor.get("/api/v1/lessons?student_id=" + student + "&size=100&page=" + page);
                assertThat(r.status()).as("%s", r).isEqualTo(200);
                r.json().get("items").forEach(all::add);
                if (page >= r.json().get("pages").asInt()) {
                    return all;
                }
            }
        }

        private OffsetDateTime nextSlot() {
            slot++;
            return base.plusDays(slot / 8).plusHours(slot % 8);
        }

        private <T> T pick(List<T> from) {
            return from.get(random.nextInt(from.size()));
        }

        private void expectOk(ApiResponse r) {
            assertThat(r.status()).as("seed %d: %s", seed, r).isEqualTo(200);
        }
    }

    private static long id(JsonNode lesson) {
        return lesson.get("id").asLong();
    }

    private static Instant instant(JsonNode node) {
        return node == null || node.isNull() ? null : OffsetDateTime.parse(node.asString()).toInstant();
    }
}
