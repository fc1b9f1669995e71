// Event → message handed to Telegram, through the whole system (docs/performance.md, "Notification delivery"):
//   java tests/load/NotificationBenchmark.java [gateway-url] [stand-in-url] [state-dir] [events-per-second] [seconds]
// Needs a running stack with the Telegram stand-in (./repitbot up without TELEGRAM_BOT_TOKEN) and its demo admin, and
// the gateway's rate limit raised (RATE_LIMIT_REQUESTS=100000000). It makes 40 tutor/student pairs whose students have
// pressed Start in the stand-in and logged in (so notification-service knows their chats) and switched quiet hours off,
// then creates lessons on a fixed schedule (open model) — each a lesson.created that notification-service turns into
// one "new lesson" notice to the student. The latency of one event is from the moment its POST was sent (before the
// event exists: an upper bound) to the moment the stand-in accepted the message (its received log, same machine
// clock). 20 events/s over 40 chats keeps every chat at one message per 2 s and the bot at 20/s: below the limits.
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class NotificationBenchmark {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    static final int PAIRS = 40;
    static String gateway;
    static String standIn;

    record Pair(long tutorId, long studentId, long chatId) {
    }

    public static void main(String[] args) throws Exception {
        gateway = args.length > 0 ? args[0] : "http://127.0.0.1:8000";
        standIn = args.length > 1 ? args[1] : "http://127.0.0.1:8012";
        Path state = Path.of(args.length > 2 ? args[2] : ".repitbot");
        int perSecond = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        int seconds = args.length > 4 ? Integer.parseInt(args[4]) : 60;
        List<String> demo = Files.readAllLines(state.resolve("demo.env"));
        String admin = login(value(demo, "DEMO_ADMIN_CODE"), Long.parseLong(value(demo, "DEMO_ADMIN_TELEGRAM_ID")));

        long runTag = System.currentTimeMillis() % 1_000_000;
        List<Pair> pairs = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < PAIRS; i++) {
            long tutor = Long.parseLong(field(ok(send(admin, "POST", "/api/v1/users",
                    "{\"role\":\"tutor\",\"full_name\":\"Репетитор нагрузки " + i + "\"}"), 201).body(), "id"));
            var student = ok(send(admin, "POST", "/api/v1/users", "{\"role\":\"student\",\"full_name\":\"Ученик "
                    + i + "\",\"grade\":8,\"tutor_ids\":[" + tutor + "]}"), 201);
            long telegramId = 5_100_000_000_000_000L + runTag * 1000 + i;
            ok(sendTo(standIn, null, "POST", "/ui/api/users", "{\"first_name\":\"Ученик " + i + "\",\"telegram_id\":"
                    + telegramId + "}"), 200);
            String studentToken = login(field(student.body(), "access_code"), telegramId);
            ok(send(studentToken, "PATCH", "/api/v1/notifications/preferences", "{\"quiet_hours\":null}"), 200);
            pairs.add(new Pair(tutor, Long.parseLong(field(student.body(), "id")), telegramId));
        }
        // lesson-service must know every pair (user events) before the measured run.
        for (Pair p : pairs) {
            for (int i = 0; i < 300 && send(admin, "GET", "/api/v1/lessons?student_id=" + p.studentId(), null)
                    .statusCode() != 200; i++) {
                Thread.sleep(100);
            }
        }
        System.out.printf("setup: %d tutor/student pairs in %.0f s%n", PAIRS, (System.nanoTime() - t0) / 1e9);

        int total = perSecond * seconds;
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        AtomicInteger refused = new AtomicInteger();
        OffsetDateTime first = OffsetDateTime.now(ZoneOffset.UTC).plusHours(25).truncatedTo(ChronoUnit.HOURS);
        long since = System.currentTimeMillis();
        long start = System.nanoTime();
        long period = 1_000_000_000L / perSecond;
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < total; i++) {
                sleepUntil(start + i * period);
                Pair p = pairs.get(i % PAIRS);
                // Each pair's lessons an hour apart from 25 h ahead: no overlap, all within the 7 days that are news.
                OffsetDateTime at = first.plusHours(i / PAIRS);
                String topic = "Нагрузка " + runTag + "-" + i;
                pool.submit(() -> {
                    long before = System.currentTimeMillis();
                    var r = send(admin, "POST", "/api/v1/lessons", "{\"student_id\":" + p.studentId() + ",\"tutor_id\":"
                            + p.tutorId() + ",\"topic\":\"" + topic + "\",\"start_at\":\"" + at
                            + "\",\"duration_minutes\":45}");
                    if (r.statusCode() == 201) {
                        sentAt.put(p.chatId() + "|" + topic, before);
                    } else {
                        refused.incrementAndGet();
                        System.err.println("create: " + r.statusCode() + " " + r.body());
                    }
                    return null;
                });
            }
        }
        System.out.printf("sent %d lesson creations at %d/s (%d refused)%n", sentAt.size(), perSecond, refused.get());

        // Collect what the stand-in accepted until every notice arrived or 60 s passed.
        Map<String, Long> receivedAt = new HashMap<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Pattern topicPattern = Pattern.compile("Нагрузка " + runTag + "-\\d+");
        while (System.nanoTime() < deadline) {
            String body = ok(sendTo(standIn, null, "GET", "/ui/api/received?since_ms=" + since, null), 200).body();
            Matcher m = Pattern.compile("\\{\"chat_id\":(\\d+),[^{}]*?\"text\":\"((?:[^\"\\\\]|\\\\.)*)\",\"at_ms\":(\\d+)\\}")
                    .matcher(body);
            while (m.find()) {
                Matcher t = topicPattern.matcher(m.group(2));
                if (t.find()) {
                    receivedAt.putIfAbsent(m.group(1) + "|" + t.group(), Long.parseLong(m.group(3)));
                }
            }
            if (receivedAt.keySet().containsAll(sentAt.keySet())) {
                break;
            }
            Thread.sleep(500);
        }
        List<Long> latencies = new ArrayList<>();
        int missing = 0;
        for (var e : sentAt.entrySet()) {
            Long got = receivedAt.get(e.getKey());
            if (got == null) {
                missing++;
            } else {
                latencies.add(got - e.getValue());
            }
        }
        Collections.sort(latencies);
        System.out.printf("event → handed to Telegram (%d events at %d/s over %d chats): p50 %d ms, p95 %d ms, "
                + "p99 %d ms, max %d ms; %d never arrived, %d extra copies%n", latencies.size(), perSecond, PAIRS,
                pct(latencies, 50), pct(latencies, 95), pct(latencies, 99),
                latencies.isEmpty() ? -1 : latencies.getLast(), missing, duplicates(since, topicPattern));
    }

    static long duplicates(long since, Pattern topicPattern) throws Exception {
        String body = sendTo(standIn, null, "GET", "/ui/api/received?since_ms=" + since, null).body();
        Map<String, Integer> seen = new HashMap<>();
        Matcher m = Pattern.compile("\"chat_id\":(\\d+),[^{}]*?\"text\":\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(body);
        while (m.find()) {
            Matcher t = topicPattern.matcher(m.group(2));
            if (t.find()) {
                seen.merge(m.group(1) + "|" + t.group(), 1, Integer::sum);
            }
        }
        return seen.values().stream().mapToInt(n -> n - 1).sum();
    }

    static long pct(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return -1;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    static String login(String code, long telegramId) throws Exception {
        return field(ok(send(null, "POST", "/api/v1/auth/login", "{\"access_code\":\"" + code + "\",\"telegram_id\":"
                + telegramId + "}"), 200).body(), "access_token");
    }

    static HttpResponse<String> ok(HttpResponse<String> r, int status) {
        if (r.statusCode() != status) {
            throw new IllegalStateException(r.request().method() + " " + r.uri() + ": " + r.statusCode() + " "
                    + r.body());
        }
        return r;
    }

    static HttpResponse<String> send(String token, String method, String path, String json) throws Exception {
        return sendTo(gateway, token, method, path, json);
    }

    static HttpResponse<String> sendTo(String base, String token, String method, String path, String json)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
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
