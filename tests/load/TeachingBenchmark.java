// The teaching-core benchmarks of docs/performance.md, as one JDK program (no build step):
//   java tests/load/TeachingBenchmark.java [gateway-url] [state-dir]
// Needs a running stack (./repitbot up) with its demo admin (it makes its own tutor and students), and the gateway's
// rate limit raised (RATE_LIMIT_REQUESTS=100000000) so the load is measured, not refused. Open model: requests are
// sent on a fixed schedule whatever the answers' latency, so slow answers show up in the percentiles instead of
// lowering the rate.
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class TeachingBenchmark {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    static String gateway;
    static String token;
    /** How often the attendance benchmark asks for a balance (-Dpoll.millis): its own load on the stack. */
    static final long POLL_MILLIS = Long.getLong("poll.millis", 20);

    public static void main(String[] args) throws Exception {
        gateway = args.length > 0 ? args[0] : "http://127.0.0.1:8000";
        Path state = Path.of(args.length > 1 ? args[1] : ".repitbot");
        List<String> demo = Files.readAllLines(state.resolve("demo.env"));
        String code = value(demo, "DEMO_ADMIN_CODE");
        String telegram = value(demo, "DEMO_ADMIN_TELEGRAM_ID");
        token = field(send("POST", "/api/v1/auth/login",
                "{\"access_code\":\"" + code + "\",\"telegram_id\":" + telegram + "}").body(), "access_token");
        // A tutor of this run's own, so that a rerun on the same stack does not collide with the last run's lessons.
        var tutor = send("POST", "/api/v1/users", "{\"role\":\"tutor\",\"full_name\":\"Нагрузочный репетитор\"}");
        if (tutor.statusCode() != 201) {
            throw new IllegalStateException("create tutor: " + tutor.statusCode() + " " + tutor.body());
        }
        long tutorId = Long.parseLong(field(tutor.body(), "id"));

        // A third argument "attendance" runs only the event-path benchmark (docs/performance.md, "Event path latency").
        if (args.length < 3 || !args[2].equals("attendance")) {
            lessonList(tutorId);
        }
        attendanceToBalance(tutorId);
    }

    /** A student with 2,000 lessons; GET a page of their lessons at 100 requests/s for 60 s. */
    static void lessonList(long tutorId) throws Exception {
        long student = newStudent(tutorId, "Нагрузочный ученик");
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusDays(1).withHour(6).withMinute(0);
        AtomicInteger made = new AtomicInteger();
        long t0 = System.nanoTime();
        try (var pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 2000; i++) {
                OffsetDateTime at = start.plusDays(i / 8).plusHours(i % 8 * 2L);
                pool.submit(() -> {
                    var r = send("POST", "/api/v1/lessons", "{\"student_id\":" + student + ",\"tutor_id\":" + tutorId
                            + ",\"topic\":\"Тема\",\"start_at\":\"" + at + "\",\"duration_minutes\":60}");
                    if (r.statusCode() == 201) {
                        made.incrementAndGet();
                    } else {
                        System.err.println("create: " + r.statusCode() + " " + r.body());
                    }
                    return null;
                });
            }
        }
        System.out.printf("setup: %d lessons created in %.0f s%n", made.get(), (System.nanoTime() - t0) / 1e9);
        Result r = openModel(100, Duration.ofSeconds(60), i -> "/api/v1/lessons?student_id=" + student
                + "&size=20&page=" + (1 + i % 100));
        System.out.println("lesson list (2,000 lessons, page of 20, 100 req/s, 60 s): " + r);
    }

    /**
     * 50 students with one prepaid lesson each; 50 attendance changes a second for 60 s (each student's lesson
     * flips attended/excused once a second); for each change, the time until GET balance shows its effect.
     */
    static void attendanceToBalance(long tutorId) throws Exception {
        int students = 50;
        long[] lessons = new long[students];
        long[] studentIds = new long[students];
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).plusDays(3000).withHour(6).withMinute(0);
        for (int s = 0; s < students; s++) {
            studentIds[s] = newStudent(tutorId, "Баланс " + s);
        }
        for (int s = 0; s < students; s++) {
            long student = studentIds[s];
            send("POST", "/api/v1/payments", "{\"student_id\":" + student + ",\"tutor_id\":" + tutorId
                    + ",\"lessons_paid\":10}");
            lessons[s] = Long.parseLong(field(send("POST", "/api/v1/lessons", "{\"student_id\":" + student
                    + ",\"tutor_id\":" + tutorId + ",\"topic\":\"Баланс\",\"start_at\":\"" + at.plusHours(2L * s)
                    + "\"}").body(), "id"));
        }
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger lost = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        java.time.Instant runStart = java.time.Instant.now();
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        boolean[] finallyAttended = new boolean[students];
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int s = 0; s < students; s++) {
                int i = s;
                pool.submit(() -> {
                    boolean attended = false;
                    long next = System.nanoTime() + (long) (i * 1e9 / students);
                    while (next < end) {
                        sleepUntil(next);
                        attended = !attended;
                        int expected = attended ? 9 : 10;
                        long sent = System.nanoTime();
                        var r = send("PUT", "/api/v1/lessons/" + lessons[i] + "/attendance",
                                "{\"status\":\"" + (attended ? "attended" : "excused_absence") + "\"}");
                        if (r.statusCode() != 200) {
                            errors.incrementAndGet();
                        } else {
                            boolean seen = false;
                            while (System.nanoTime() - sent < 10_000_000_000L) {
                                var b = send("GET", "/api/v1/balances/" + studentIds[i], null);
                                if (b.statusCode() == 200 && b.body().contains("\"balance_lessons\":" + expected + ",")) {
                                    latencies.add(System.nanoTime() - sent);
                                    seen = true;
                                    break;
                                }
                                Thread.sleep(POLL_MILLIS);
                            }
                            if (!seen) {
                                lost.incrementAndGet();
                            }
                        }
                        next += 1_000_000_000L;
                    }
                    finallyAttended[i] = attended;
                    return null;
                });
            }
        }
        // No change lost or applied twice: once all is quiet, every balance is 10 paid minus its last state's charge.
        int wrong = 0;
        for (int s = 0; s < students; s++) {
            int expected = finallyAttended[s] ? 9 : 10;
            boolean right = false;
            for (int tries = 0; tries < 100 && !right; tries++) {
                var b = send("GET", "/api/v1/balances/" + studentIds[s], null);
                right = b.statusCode() == 200 && b.body().contains("\"balance_lessons\":" + expected + ",");
                if (!right) {
                    Thread.sleep(100);
                }
            }
            if (!right) {
                wrong++;
                System.err.println("student " + studentIds[s] + ": balance is not " + expected);
            }
        }
        System.out.println("attendance -> balance (50 changes/s, 60 s): " + new Result(new ArrayList<>(latencies),
                errors.get()) + ", not reflected within 10 s: " + lost.get() + ", final balances wrong: " + wrong
                + " of " + students);
        serverSideView(runStart);
    }

    /**
     * With {@code -Ddb.name=<database>} (PostgreSQL on 127.0.0.1 as postgres, through psql): the same run seen from
     * the database — for each lesson event of the run, lesson-service's transaction ({@code outbox_event.created_at})
     * to the broker's confirm ({@code published_at}) and to payment-service's consuming transaction
     * ({@code inbox_event.processed_at}). No polling of ours in it.
     */
    static void serverSideView(java.time.Instant runStart) throws Exception {
        String db = System.getProperty("db.name");
        if (db == null || db.isBlank()) {
            return;
        }
        String sql = "SELECT count(*), "
                + "round((percentile_cont(0.5) WITHIN GROUP (ORDER BY x))::numeric, 1), "
                + "round((percentile_cont(0.95) WITHIN GROUP (ORDER BY x))::numeric, 1), "
                + "round((percentile_cont(0.99) WITHIN GROUP (ORDER BY x))::numeric, 1), "
                + "round(max(x)::numeric, 1) FROM (SELECT extract(epoch FROM %s) * 1000 AS x "
                + "FROM lesson.outbox_event o JOIN payment.inbox_event i ON i.event_id = o.event_id "
                + "AND i.consumer = 'payment-service' WHERE o.created_at >= '" + runStart + "') t";
        for (String[] part : new String[][] {
                {"event path (lesson tx -> payment tx)", "i.processed_at - o.created_at"},
                {"relay (lesson tx -> broker confirm)", "o.published_at - o.created_at"},
                {"consumer (broker confirm -> payment tx)", "i.processed_at - o.published_at"}}) {
            Process p = new ProcessBuilder("psql", "-h", "127.0.0.1", "-U", "postgres", "-d", db, "-At", "-F", " ",
                    "-c", String.format(sql, part[1])).redirectErrorStream(true).start();
            String[] v = new String(p.getInputStream().readAllBytes()).strip().split(" ");
            p.waitFor();
            System.out.println(v.length == 5
                    ? String.format("%s: n=%s p50=%s ms p95=%s ms p99=%s ms max=%s ms", part[0], v[0], v[1], v[2], v[3], v[4])
                    : part[0] + ": " + String.join(" ", v));
        }
    }

    record Result(List<Long> nanos, int errors) {
        @Override
        public String toString() {
            List<Long> sorted = new ArrayList<>(nanos);
            Collections.sort(sorted);
            if (sorted.isEmpty()) {
                return "no successful samples, errors=" + errors;
            }
            return String.format("n=%d p50=%.1f ms p95=%.1f ms p99=%.1f ms max=%.1f ms errors=%d", sorted.size(),
                    pct(sorted, 0.50), pct(sorted, 0.95), pct(sorted, 0.99), sorted.getLast() / 1e6, errors);
        }

        static double pct(List<Long> sorted, double p) {
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)) / 1e6;
        }
    }

    interface PathOf {
        String path(int i);
    }

    static Result openModel(int perSecond, Duration duration, PathOf path) throws Exception {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        int total = (int) (perSecond * duration.toSeconds());
        long begin = System.nanoTime();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < total; i++) {
                int n = i;
                sleepUntil(begin + (long) (n * 1e9 / perSecond));
                pool.submit(() -> {
                    long sent = System.nanoTime();
                    var r = send("GET", path.path(n), null);
                    if (r.statusCode() == 200) {
                        latencies.add(System.nanoTime() - sent);
                    } else {
                        errors.incrementAndGet();
                    }
                    return null;
                });
            }
        }
        return new Result(new ArrayList<>(latencies), errors.get());
    }

    static long newStudent(long tutorId, String name) throws Exception {
        var r = send("POST", "/api/v1/users", "{\"role\":\"student\",\"full_name\":\"" + name + "\",\"grade\":8,"
                + "\"tutor_ids\":[" + tutorId + "]}");
        if (r.statusCode() != 201) {
            throw new IllegalStateException("create student: " + r.statusCode() + " " + r.body());
        }
        long id = Long.parseLong(field(r.body(), "id"));
        // Wait until lesson-service and payment-service know the student (user events).
        for (int i = 0; i < 300; i++) {
            if (send("GET", "/api/v1/balances/" + id, null).statusCode() == 200
                    && send("GET", "/api/v1/lessons?student_id=" + id, null).statusCode() == 200) {
                return id;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("student " + id + " never reached the services");
    }

    static HttpResponse<String> send(String method, String path, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (json != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static void sleepUntil(long nanoTime) throws InterruptedException {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }

    static String value(List<String> lines, String key) {
        return lines.stream().filter(l -> l.startsWith(key + "=")).map(l -> l.substring(key.length() + 1))
                .findFirst().orElseThrow(() -> new IllegalStateException("no " + key));
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"?([^\",}]+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }
}
