package ru.repitbot.e2e.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.repitbot.e2e.LoadSteps.awaitKnown;
import static ru.repitbot.e2e.LoadSteps.created;
import static ru.repitbot.e2e.LoadSteps.sleepUntil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import ru.repitbot.testsupport.ApiClient;
import ru.repitbot.testsupport.ApiClient.ApiResponse;

/**
 * The event backbone under faults (issue 10): attendance changes through the gateway while the broker is stopped
 * and started, PostgreSQL restarted and payment-service killed with {@code kill -9} and started again, with two
 * payment-service replicas consuming the queue at once. At the end: every change's event reached payment-service
 * exactly once (0 lost, 0 applied twice), every balance equals the formula (lessons paid - lessons charged), the
 * queues and dead-letter queues are empty.
 *
 * <p>Runs against a PostgreSQL and a RabbitMQ of its own (the machine's are shared and are never stopped) and a
 * stack of its own on the default ports: {@code @Order(0)}, so it runs and stops before the suite's shared stack
 * starts. The build runs a short version; {@code -Dfaults.changes=10000 -Dfaults.rounds=2 -Dfaults.rate=50} is the
 * benchmark recorded in docs/performance.md.
 */
@Order(0)
class EventBackboneFaultsIT {

    private static final int CHANGES = Integer.getInteger("faults.changes", 900);
    private static final int RATE = Integer.getInteger("faults.rate", 30);
    private static final int ROUNDS = Integer.getInteger("faults.rounds", 1);
    private static final int STUDENTS = Integer.getInteger("faults.students", 30);
    private static final int PAID = 1000;
    private static final List<String> PAYMENT_EVENTS = List.of("lesson.created", "lesson.updated",
            "lesson.conducted", "lesson.cancelled", "lesson.rescheduled", "lesson.deleted");

    @Test
    void noEventIsLostOrAppliedTwiceWhileTheBrokerDatabaseAndConsumersFail() throws Exception {
        String skip = System.getProperty("skipE2E");
        Assumptions.assumeTrue(skip == null || skip.equalsIgnoreCase("false"), "end-to-end suite skipped");
        String missing = PrivateServers.missingBinaries();
        if (missing != null) {
            System.out.println("[faults] SKIPPED: " + missing);
        }
        Assumptions.assumeTrue(missing == null, missing);

        Path root = repositoryRoot();
        Path output = Path.of(System.getProperty("e2e.outputDirectory", "target/e2e")).resolve("faults");
        PrivateServers.deleteRecursively(output);
        Files.createDirectories(output);
        Path work = Files.createTempDirectory("repitbot-faults-servers-");
        String runId = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
        long t0 = System.nanoTime();
        try (PrivateServers.Postgres postgres = new PrivateServers.Postgres(work).start();
                PrivateServers.Rabbit rabbit = new PrivateServers.Rabbit(work).start();
                FaultStack stack = FaultStack.start(root, output, postgres, rabbit, runId)) {
            say("private PostgreSQL on :%d, RabbitMQ node %s on :%d, stack up after %d s", postgres.port,
                    rabbit.node, rabbit.port, secondsSince(t0));
            run(stack, postgres, rabbit);
        } finally {
            PrivateServers.deleteRecursively(work);
        }
    }

    private void run(FaultStack stack, PrivateServers.Postgres postgres, PrivateServers.Rabbit rabbit)
            throws Exception {
        ApiClient admin = new ApiClient(FaultStack.GATEWAY).withToken(login(stack));
        long tutor = created(admin.post("/api/v1/users", Map.of("role", "tutor", "full_name", "Репетитор Сбоев")));
        long[] students = new long[STUDENTS];
        long[] lessons = new long[STUDENTS];
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).plusDays(400).withHour(6).withMinute(0)
                .withSecond(0).withNano(0);
        for (int s = 0; s < STUDENTS; s++) {
            students[s] = created(admin.post("/api/v1/users", Map.of("role", "student", "full_name",
                    "Ученик " + s, "grade", 8, "tutor_ids", List.of(tutor))));
        }
        for (int s = 0; s < STUDENTS; s++) {
            long student = students[s];
            awaitKnown(admin, student);
            assertThat(retrying(() -> admin.post("/api/v1/payments", Map.of("student_id", student,
                    "tutor_id", tutor, "lessons_paid", PAID))).status()).isEqualTo(201);
            lessons[s] = created(admin.post("/api/v1/lessons", Map.of("student_id", students[s], "tutor_id", tutor,
                    "topic", "Тема", "start_at", at.plusHours(2L * s).toString())));
        }
        say("%d students, each with %d lessons paid and one lesson", STUDENTS, PAID);

        // The faults, spread over the load: each of the three kinds ROUNDS times.
        List<String> faults = new ArrayList<>();
        for (int r = 0; r < ROUNDS; r++) {
            faults.addAll(List.of("kill -9 payment-service", "broker stopped and started", "PostgreSQL restarted"));
        }
        List<String> timeline = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger done = new AtomicInteger();
        long start = System.nanoTime();
        // Spread by progress, not by the clock: a fault (a JVM start, a broker start) takes as long as the machine
        // makes it, and each must hit a load that is still running.
        Thread injector = Thread.ofPlatform().name("faults").start(() -> {
            for (int i = 0; i < faults.size(); i++) {
                int due = CHANGES * (i + 1) / (faults.size() + 1);
                while (done.get() < due) {
                    FaultStack.sleep(50);
                }
                String fault = faults.get(i);
                long began = System.nanoTime();
                int atChange = done.get();
                switch (fault) {
                    case "kill -9 payment-service" -> stack.killAndRestartPayment();
                    case "broker stopped and started" -> {
                        rabbit.stop();
                        FaultStack.sleep(3000);
                        rabbit.start();
                    }
                    default -> postgres.restart();
                }
                timeline.add(String.format("%.1f s (after %d changes): %s, %.1f s", (began - start) / 1e9, atChange, fault,
                        (System.nanoTime() - began) / 1e9));
                say("%s", timeline.getLast());
            }
        });

        // Each lesson is changed by one worker, one change after the other, so its last status is known; a change
        // refused or unanswered during a fault is sent again until it is answered 200 (the same status twice is a
        // no-op, so a retry of a change that was applied changes nothing).
        String[] last = new String[STUDENTS];
        AtomicInteger retries = new AtomicInteger();
        AtomicInteger gaveUp = new AtomicInteger();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        int perLesson = (CHANGES + STUDENTS - 1) / STUDENTS;
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int s = 0; s < STUDENTS; s++) {
                int i = s;
                pool.submit(() -> {
                    long next = start + (long) (i * 1e9 / RATE);
                    long every = (long) (STUDENTS * 1e9 / RATE);
                    String status = "excused_absence";
                    for (int c = 0; c < perLesson; c++) {
                        sleepUntil(next);
                        next += every;
                        status = status.equals("attended") ? "excused_absence" : "attended";
                        long sent = System.nanoTime();
                        if (change(admin, lessons[i], status, retries)) {
                            latencies.add(System.nanoTime() - sent);
                            done.incrementAndGet();
                        } else {
                            gaveUp.incrementAndGet();
                        }
                    }
                    last[i] = status;
                    return null;
                });
            }
        }
        injector.join();
        double seconds = (System.nanoTime() - start) / 1e9;
        say("%d changes answered 200 in %.0f s (%.1f/s), %d retried sends, %d never answered", done.get(), seconds,
                done.get() / seconds, retries.get(), gaveUp.get());
        assertThat(gaveUp.get()).as("changes never answered 200 within 2 minutes of retries").isZero();

        // Quiet: every balance must become the formula's, then stay so.
        long[] expected = new long[STUDENTS];
        for (int s = 0; s < STUDENTS; s++) {
            expected[s] = PAID - (last[s].equals("attended") ? 1 : 0);
        }
        long drainStart = System.nanoTime();
        List<String> wrong = wrongBalances(admin, students, expected);
        while (!wrong.isEmpty() && System.nanoTime() - drainStart < Duration.ofMinutes(3).toNanos()) {
            FaultStack.sleep(1000);
            wrong = wrongBalances(admin, students, expected);
        }
        say("balances settled %.1f s after the last change; wrong: %d of %d", (System.nanoTime() - drainStart) / 1e9,
                wrong.size(), STUDENTS);
        FaultStack.sleep(2000);
        wrong = wrongBalances(admin, students, expected);

        Accounting accounting = account(postgres, lessons);
        Map<String, Long> queues = rabbit.queues();
        long replica2 = processed(FaultStack.metrics(FaultStack.REPLICA_PORT));
        long replica1 = processed(FaultStack.metrics(FaultStack.PAYMENT_PORT));
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        say("RESULT changes=%d rate=%.1f/s duration=%.0fs retried_sends=%d change_p50=%.0fms change_p99=%.0fms "
                + "events=%d lost=%d applied_twice=%d unpublished=%d projection_wrong=%d balances_wrong=%d/%d "
                + "queues=%s replica1_processed_since_restart=%d replica2_processed=%d faults=%s",
                done.get(), done.get() / seconds, seconds, retries.get(), pct(sorted, 0.5), pct(sorted, 0.99),
                accounting.events(), accounting.lost(), accounting.twice(), accounting.unpublished(),
                accounting.projectionWrong(), wrong.size(), STUDENTS, queues, replica1, replica2, timeline);

        assertThat(timeline).as("every fault was injected").hasSize(faults.size());
        assertThat(stack.replicaAlive()).as("the second payment-service replica ran throughout").isTrue();
        assertThat(replica2).as("the second replica consumed events too").isPositive();
        assertThat(accounting.unpublished()).as("outbox events never confirmed by the broker").isZero();
        assertThat(accounting.lost()).as("lesson events payment-service never applied").isZero();
        assertThat(accounting.twice()).as("lesson events recorded twice by payment-service").isZero();
        assertThat(accounting.projectionWrong()).as("lessons whose charge, date or people in payment-service differ from lesson-service")
                .isZero();
        assertThat(wrong).as("balances not equal to lessons paid - lessons charged").isEmpty();
        assertThat(queues).as("queues of the private broker").isNotEmpty();
        assertThat(queues).as("every queue drained, every dead-letter queue empty").allSatisfy((q, n) -> assertThat(n)
                .as(q).isZero());
    }

    /** Events counted in the databases themselves: lesson-service's outbox against payment-service's inbox. */
    record Accounting(long events, long lost, long twice, long unpublished, long projectionWrong) {
    }

    private Accounting account(PrivateServers.Postgres postgres, long[] lessons) throws Exception {
        String ids = java.util.Arrays.stream(lessons).mapToObj(Long::toString)
                .collect(java.util.stream.Collectors.joining(","));
        String types = PAYMENT_EVENTS.stream().map(t -> "'" + t + "'")
                .collect(java.util.stream.Collectors.joining(","));
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl("repitbot_faults"), "postgres", "");
                Statement st = c.createStatement()) {
            long events = count(st, "SELECT count(*) FROM lesson.outbox_event WHERE event_type IN (" + types + ")");
            long unpublished = count(st, "SELECT count(*) FROM lesson.outbox_event WHERE published_at IS NULL");
            long lost = count(st, "SELECT count(*) FROM lesson.outbox_event o WHERE o.event_type IN (" + types
                    + ") AND NOT EXISTS (SELECT 1 FROM payment.inbox_event i WHERE i.consumer = 'payment-service'"
                    + " AND i.event_id = o.event_id)");
            long twice = count(st, "SELECT count(*) FROM (SELECT event_id FROM payment.inbox_event"
                    + " WHERE consumer = 'payment-service' GROUP BY event_id HAVING count(*) > 1) d");
            long projectionWrong = count(st, "SELECT count(*) FROM lesson.lessons l LEFT JOIN payment.lesson_charges"
                    + " p ON p.lesson_id = l.id WHERE l.id IN (" + ids + ") AND (p.lesson_id IS NULL"
                    + " OR p.attendance_status <> l.attendance_status OR p.start_at IS DISTINCT FROM l.start_at"
                    + " OR p.tutor_id <> l.tutor_id OR p.student_id <> l.student_id)");
            return new Accounting(events, lost, twice, unpublished, projectionWrong);
        }
    }

    private static long count(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long processed(String metrics) {
        long sum = 0;
        Matcher m = Pattern.compile("(?m)^repitbot_events_consumed_total\\{[^}]*outcome=\"processed\"[^}]*} ([0-9.Ee+]+)$")
                .matcher(metrics);
        while (m.find()) {
            sum += (long) Double.parseDouble(m.group(1));
        }
        return sum;
    }

    private static List<String> wrongBalances(ApiClient admin, long[] students, long[] expected) {
        List<String> wrong = new ArrayList<>();
        for (int s = 0; s < students.length; s++) {
            long student = students[s];
            ApiResponse r = retrying(() -> admin.get("/api/v1/balances/" + student));
            long balance = r.status() == 200 ? balanceOf(r) : Long.MIN_VALUE;
            if (balance != expected[s]) {
                wrong.add("student " + students[s] + ": " + (r.status() == 200 ? balance : r.toString())
                        + " instead of " + expected[s]);
            }
        }
        return wrong;
    }

    private static long balanceOf(ApiResponse r) {
        var lines = r.json().get("balances");
        return lines == null || lines.isEmpty() ? 0 : lines.get(0).get("balance_lessons").asLong();
    }

    /** One change, sent until it is answered 200 (at most 2 minutes). */
    private static boolean change(ApiClient admin, long lesson, String status, AtomicInteger retries) {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                ApiResponse r = admin.put("/api/v1/lessons/" + lesson + "/attendance", Map.of("status", status));
                if (r.status() == 200) {
                    return true;
                }
                if (r.status() < 500 && r.status() != 429 && r.status() != 409) {
                    throw new AssertionError("attendance change refused: " + r);
                }
            } catch (IllegalStateException e) {
                // no answer (a JVM restarting, a timeout): try again
            }
            retries.incrementAndGet();
            FaultStack.sleep(250);
        }
        return false;
    }

    /** A call during setup, repeated while the stack answers 5xx or not at all. */
    private static ApiResponse retrying(java.util.function.Supplier<ApiResponse> call) {
        ApiResponse last = null;
        for (int i = 0; i < 120; i++) {
            try {
                last = call.get();
                if (last.status() < 500) {
                    return last;
                }
            } catch (IllegalStateException e) {
                // not answered: again
            }
            FaultStack.sleep(500);
        }
        return last == null ? new ApiResponse(0, Map.of(), "never answered") : last;
    }

    private static String login(FaultStack stack) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_code", stack.demo("DEMO_ADMIN_CODE"));
        body.put("telegram_id", Long.parseLong(stack.demo("DEMO_ADMIN_TELEGRAM_ID")));
        ApiResponse r = new ApiClient(FaultStack.GATEWAY).post("/api/v1/auth/login", body);
        assertThat(r.status()).as("admin login: %s", r).isEqualTo(200);
        return r.json().get("access_token").asString();
    }

    private static double pct(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1,
                (int) Math.ceil(p * sorted.size()) - 1)) / 1e6;
    }

    private static long secondsSince(long t0) {
        return (System.nanoTime() - t0) / 1_000_000_000L;
    }

    private static void say(String format, Object... args) {
        System.out.println("[faults] " + String.format(format, args));
    }

    private static Path repositoryRoot() {
        String configured = System.getProperty("repitbot.root");
        if (configured != null && Files.isExecutable(Path.of(configured, "repitbot"))) {
            return Path.of(configured).toAbsolutePath();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isExecutable(dir.resolve("repitbot")) && Files.exists(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the repository root (the directory with ./repitbot)");
    }

}
