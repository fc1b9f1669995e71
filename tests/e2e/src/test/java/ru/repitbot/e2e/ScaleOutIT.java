package ru.repitbot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.repitbot.e2e.LoadSteps.awaitKnown;
import static ru.repitbot.e2e.LoadSteps.created;
import static ru.repitbot.e2e.LoadSteps.sleepUntil;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.repitbot.testsupport.ApiClient;
import ru.repitbot.testsupport.ApiClient.ApiResponse;

/**
 * Scale out (issue 12): two replicas of lesson-service and of payment-service behind a gateway that knows both
 * ({@code LESSON_SERVICE_URL=a,b}, {@code PAYMENT_SERVICE_URL=a,b}), under the attendance load of the teaching
 * benchmark (~20 changes/s for ~20 s). Beside the shared stack: a second lesson-service, a second payment-service and
 * a second gateway, each the launcher's own JVM command line and environment (read from /proc, as FaultStack does)
 * with its own port. Afterwards every balance equals the formula (lessons paid - lessons charged), no event is in
 * payment-service's inbox twice nor missing, both lesson replicas answered attendance changes (their
 * {@code http_server_requests_seconds_count}) and both payment replicas consumed events
 * ({@code repitbot_events_consumed_total}).
 */
@Order(14)
@ExtendWith(StackExtension.class)
class ScaleOutIT {

    private static final int SECONDS = Integer.getInteger("scaleout.seconds", 20);
    private static final int RATE = Integer.getInteger("scaleout.rate", 20);
    // 20 lessons, each changed once a second: at 20/s a change has a second to be answered before the next is due.
    private static final int STUDENTS = 20;
    private static final int PAID = 1000;
    private static final int LESSON_2 = RepitbotStack.BASE_PORT + 23;
    private static final int PAYMENT_2 = RepitbotStack.BASE_PORT + 25;
    private static final int GATEWAY_2 = RepitbotStack.BASE_PORT + 20;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Scenario scenario;
    private final RepitbotStack stack;

    ScaleOutIT(Scenario scenario) {
        this.scenario = scenario;
        this.stack = scenario.stack();
    }

    @Test
    void twoReplicasOfLessonAndPaymentBehindTheGatewayGiveTheSameResults() throws Exception {
        long t0 = System.nanoTime();
        int lesson1 = RepitbotStack.DEPLOYABLES.get("lesson-service");
        int payment1 = RepitbotStack.DEPLOYABLES.get("payment-service");
        List<Process> extra = new ArrayList<>();
        try {
            extra.add(replica("lesson-service", LESSON_2, Map.of()));
            extra.add(replica("payment-service", PAYMENT_2, Map.of()));
            extra.add(replica("api-gateway", GATEWAY_2, Map.of(
                    "LESSON_SERVICE_URL", RepitbotStack.url("lesson-service") + ",http://127.0.0.1:" + LESSON_2,
                    "PAYMENT_SERVICE_URL", RepitbotStack.url("payment-service") + ",http://127.0.0.1:" + PAYMENT_2)));
            for (int port : List.of(LESSON_2, PAYMENT_2, GATEWAY_2)) {
                waitReady(port, Duration.ofMinutes(4));
            }
            say("second lesson-service :%d, payment-service :%d and gateway :%d ready after %d s", LESSON_2,
                    PAYMENT_2, GATEWAY_2, (System.nanoTime() - t0) / 1_000_000_000L);
            run(new ApiClient("http://127.0.0.1:" + GATEWAY_2).withToken(scenario.admin().token()), lesson1,
                    payment1);
        } finally {
            for (Process p : extra) {
                p.destroy();
            }
            for (Process p : extra) {
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
            say("took %d s in all", (System.nanoTime() - t0) / 1_000_000_000L);
        }
    }

    private void run(ApiClient admin, int lesson1, int payment1) throws Exception {
        long tutor = created(admin.post("/api/v1/users", Map.of("role", "tutor", "full_name", "Репетитор Реплик")));
        long[] students = new long[STUDENTS];
        long[] lessons = new long[STUDENTS];
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).plusDays(500).withHour(6).withMinute(0)
                .withSecond(0).withNano(0);
        for (int s = 0; s < STUDENTS; s++) {
            students[s] = created(admin.post("/api/v1/users", Map.of("role", "student", "full_name",
                    "Ученик реплик " + s, "grade", 8, "tutor_ids", List.of(tutor))));
        }
        for (int s = 0; s < STUDENTS; s++) {
            long student = students[s];
            awaitKnown(admin, student);
            assertThat(admin.post("/api/v1/payments", Map.of("student_id", student, "tutor_id", tutor,
                    "lessons_paid", PAID)).status()).isEqualTo(201);
            lessons[s] = created(admin.post("/api/v1/lessons", Map.of("student_id", student, "tutor_id", tutor,
                    "topic", "Тема", "start_at", at.plusHours(2L * s).toString())));
        }

        java.sql.Timestamp mark = now();
        // Labels hold braces of their own (uri="/api/v1/lessons/{id}/attendance"): the pattern must not stop there.
        long[] servedBefore = {attendanceServed(lesson1), attendanceServed(LESSON_2)};
        long[] consumedBefore = {processed(payment1), processed(PAYMENT_2)};

        // The teaching benchmark's attendance part: each lesson changed by one worker, one change after the other.
        String[] last = new String[STUDENTS];
        AtomicInteger done = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        int perLesson = SECONDS * RATE / STUDENTS;
        long start = System.nanoTime();
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
                        String wanted = status.equals("attended") ? "excused_absence" : "attended";
                        ApiResponse r = admin.put("/api/v1/lessons/" + lessons[i] + "/attendance",
                                Map.of("status", wanted));
                        if (r.status() == 200) {
                            status = wanted;
                            done.incrementAndGet();
                        } else {
                            refused.incrementAndGet();
                            System.err.println("[scaleout] refused: " + r);
                        }
                    }
                    last[i] = status;
                    return null;
                });
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        say("%d attendance changes answered 200 in %.1f s (%.1f/s), %d refused", done.get(), seconds,
                done.get() / seconds, refused.get());
        assertThat(refused.get()).as("changes not answered 200 by the balanced gateway").isZero();

        long[] expected = new long[STUDENTS];
        for (int s = 0; s < STUDENTS; s++) {
            expected[s] = PAID - (last[s].equals("attended") ? 1 : 0);
        }
        long drain = System.nanoTime();
        List<String> wrong = wrongBalances(admin, students, expected);
        while (!wrong.isEmpty() && System.nanoTime() - drain < Duration.ofSeconds(60).toNanos()) {
            Thread.sleep(500);
            wrong = wrongBalances(admin, students, expected);
        }
        say("balances settled %.1f s after the last change", (System.nanoTime() - drain) / 1e9);
        assertThat(wrong).as("balances not equal to lessons paid - lessons charged").isEmpty();

        long served1 = attendanceServed(lesson1) - servedBefore[0];
        long served2 = attendanceServed(LESSON_2) - servedBefore[1];
        long consumed1 = processed(payment1) - consumedBefore[0];
        long consumed2 = processed(PAYMENT_2) - consumedBefore[1];
        long[] accounting = account(mark);
        say("RESULT changes=%d lesson_replicas_served=%d/%d payment_replicas_processed=%d/%d events=%d lost=%d "
                + "twice=%d", done.get(), served1, served2, consumed1, consumed2, accounting[0], accounting[1],
                accounting[2]);
        assertThat(served1 + served2).as("attendance changes the lesson replicas answered; their metric lines:\n%s",
                get(lesson1, "/metrics").lines().filter(l -> l.startsWith("http_server_requests_seconds_count"))
                        .filter(l -> l.contains("attendance")).toList()).isEqualTo(done.get());
        assertThat(Math.min(served1, served2)).as("the gateway balanced both lesson replicas (round robin)")
                .isGreaterThanOrEqualTo(done.get() * 4L / 10);
        assertThat(consumed1).as("events the first payment replica processed").isPositive();
        assertThat(consumed2).as("events the second payment replica processed").isPositive();
        assertThat(accounting[0]).as("lesson events written during the load").isPositive();
        assertThat(accounting[1]).as("lesson events of the load payment-service never recorded").isZero();
        assertThat(accounting[2]).as("events in payment-service's inbox twice").isZero();
    }

    /** A second JVM of {@code deployable}: the launcher's command line and environment, another port. */
    private Process replica(String deployable, int port, Map<String, String> overrides) throws IOException {
        long pid = Long.parseLong(Files.readString(stack.stateDir().resolve("pids").resolve(deployable + ".pid"))
                .strip());
        List<String> command = new ArrayList<>(Arrays.asList(new String(
                Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline")), StandardCharsets.UTF_8).split("\0")));
        // The class-data archive is the first JVM's to write.
        command.removeIf(a -> a.startsWith("-XX:SharedArchiveFile") || a.equals("-XX:+AutoCreateSharedArchive")
                || a.startsWith("-XX:AOTCache"));
        Map<String, String> env = new LinkedHashMap<>();
        for (String entry : new String(Files.readAllBytes(Path.of("/proc/" + pid + "/environ")),
                StandardCharsets.UTF_8).split("\0")) {
            int eq = entry.indexOf('=');
            if (eq > 0) {
                env.put(entry.substring(0, eq), entry.substring(eq + 1));
            }
        }
        env.put(deployable.toUpperCase(java.util.Locale.ROOT).replace('-', '_') + "_PORT", Integer.toString(port));
        env.putAll(overrides);
        ProcessBuilder pb = new ProcessBuilder(command).directory(stack.root().toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        stack.logFile(deployable + "-2").toFile()));
        pb.environment().clear();
        pb.environment().putAll(env);
        return pb.start();
    }

    private static void waitReady(int port, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (get(port, "/readyz").startsWith("200")) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("port " + port + " not ready within " + timeout);
    }

    private static String get(int port, String path) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() + "\n" + r.body();
        } catch (IOException e) {
            return "0\n";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "0\n";
        }
    }

    /** Attendance changes a lesson-service answered: its {@code http_server_requests_seconds_count} for the route. */
    static long attendanceServed(int port) {
        return sum(get(port, "/metrics"), "http_server_requests_seconds_count", "method=\"PUT\"", "attendance");
    }

    static long processed(int port) {
        return sum(get(port, "/metrics"), "repitbot_events_consumed_total", "outcome=\"processed\"", "");
    }

    private static long sum(String metrics, String name, String must1, String must2) {
        long sum = 0;
        Matcher m = Pattern.compile("(?m)^" + name + "\\{(.*)} ([0-9.Ee+]+)$").matcher(metrics);
        while (m.find()) {
            if (m.group(1).contains(must1) && m.group(1).contains(must2)) {
                sum += (long) Double.parseDouble(m.group(2));
            }
        }
        return sum;
    }

    private java.sql.Timestamp now() throws Exception {
        try (Connection c = stack.database(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT now()")) {
            rs.next();
            return rs.getTimestamp(1);
        }
    }

    /**
     * {lesson events lesson-service wrote since {@code mark}, of them those payment-service never recorded, events in
     * payment-service's inbox twice} (the SQL of EventBackboneFaultsIT).
     */
    private long[] account(java.sql.Timestamp mark) throws Exception {
        try (Connection c = stack.database(); Statement st = c.createStatement()) {
            String ours = "o.event_type LIKE 'lesson.%' AND o.created_at >= '" + mark.toInstant() + "'::timestamptz";
            return new long[] {
                count(st, "SELECT count(*) FROM lesson.outbox_event o WHERE " + ours),
                count(st, "SELECT count(*) FROM lesson.outbox_event o WHERE " + ours + " AND o.event_type IN"
                        + " ('lesson.created','lesson.updated','lesson.conducted','lesson.cancelled',"
                        + "'lesson.rescheduled','lesson.deleted') AND NOT EXISTS (SELECT 1 FROM payment.inbox_event i"
                        + " WHERE i.consumer = 'payment-service' AND i.event_id = o.event_id)"),
                count(st, "SELECT count(*) FROM (SELECT event_id FROM payment.inbox_event"
                        + " WHERE consumer = 'payment-service' GROUP BY event_id HAVING count(*) > 1) d")};
        }
    }

    private static long count(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> wrongBalances(ApiClient admin, long[] students, long[] expected) {
        List<String> wrong = new ArrayList<>();
        for (int s = 0; s < students.length; s++) {
            ApiResponse r = admin.get("/api/v1/balances/" + students[s]);
            var lines = r.status() == 200 ? r.json().get("balances") : null;
            long balance = r.status() != 200 ? Long.MIN_VALUE
                    : lines == null || lines.isEmpty() ? 0 : lines.get(0).get("balance_lessons").asLong();
            if (balance != expected[s]) {
                wrong.add("student " + students[s] + ": " + (r.status() == 200 ? balance : r.toString())
                        + " instead of " + expected[s]);
            }
        }
        return wrong;
    }

    private static void say(String format, Object... args) {
        System.out.println("[scaleout] " + String.format(format, args));
    }
}
