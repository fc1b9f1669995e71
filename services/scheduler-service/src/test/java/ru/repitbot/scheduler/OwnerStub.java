package ru.repitbot.scheduler;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import tools.jackson.databind.json.JsonMapper;

/**
 * lesson-service and homework-service as the scheduler sees them (docs contract of issue 11): the lists with
 * {@code status}, {@code from}/{@code to} (inclusive, on {@code start_at}) or {@code deadline_from}/{@code deadline_to},
 * paging {@code {items,total,page,size,pages}}, one lesson by id, and the nightly materialisation. Served over real
 * HTTP, so the scheduler's ServiceCalls, token and JSON reading are the real ones.
 */
public final class OwnerStub {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A lesson as lesson-service answers it; {@code startSetAt} null = the field absent (an older lesson-service). */
    public record Lesson(long id, long studentId, long tutorId, Instant startAt, int durationMinutes, String topic,
            String status, Instant startSetAt) {
    }

    public record Homework(long id, long studentId, long tutorId, Long lessonId, String description, Instant deadline,
            String status, Instant deadlineSetAt) {
    }

    private final HttpServer server;
    private final Map<Long, Lesson> lessons = new ConcurrentHashMap<>();
    private final Map<Long, Homework> homework = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private volatile boolean down;
    private volatile boolean todaysShape;

    private OwnerStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
    }

    public static OwnerStub start() {
        try {
            return new OwnerStub();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void put(Lesson lesson) {
        lessons.put(lesson.id(), lesson);
    }

    public void put(Homework h) {
        homework.put(h.id(), h);
    }

    public void reset() {
        lessons.clear();
        homework.clear();
        requests.clear();
        authorizations.clear();
        down = false;
        todaysShape = false;
    }

    /**
     * Answer as lesson-service and homework-service on main do before issue 11's fields: lessons carry
     * {@code attendance_status}/{@code lesson_status} instead of {@code status}, no {@code start_set_at}, and the
     * {@code status} filter is not applied (cancelled lessons come too); homework carries {@code lesson_topic}.
     */
    public void todaysShape(boolean on) {
        todaysShape = on;
    }

    /** While down, every call answers 503 (an owner restarting). */
    public void down(boolean down) {
        this.down = down;
    }

    public List<String> requests() {
        return List.copyOf(requests);
    }

    public List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            if (down) {
                send(exchange, 503, Map.of("title", "Service Unavailable", "status", 503));
                return;
            }
            if (exchange.getRequestMethod().equals("POST") && path.equals("/api/v1/schedules/materialise")) {
                send(exchange, 200, Map.of("created", 0));
            } else if (path.equals("/api/v1/lessons")) {
                Instant from = Instant.parse(query.get("from"));
                Instant to = Instant.parse(query.get("to"));
                Predicate<Lesson> match = l -> (todaysShape || l.status().equals(query.getOrDefault("status", l.status())))
                        && !l.startAt().isBefore(from) && !l.startAt().isAfter(to);
                List<Object> items = lessons.values().stream().filter(match)
                        .sorted(Comparator.comparing(Lesson::startAt)).map(this::json)
                        .map(Object.class::cast).toList();
                send(exchange, 200, page(items, query));
            } else if (path.startsWith("/api/v1/lessons/")) {
                Lesson lesson = lessons.get(Long.parseLong(path.substring("/api/v1/lessons/".length())));
                if (lesson == null) {
                    send(exchange, 404, Map.of("title", "Not Found", "status", 404));
                } else {
                    send(exchange, 200, json(lesson));
                }
            } else if (path.equals("/api/v1/homework")) {
                Instant from = Instant.parse(query.get("deadline_from"));
                Instant to = Instant.parse(query.get("deadline_to"));
                Predicate<Homework> match = h -> h.status().equals(query.getOrDefault("status", h.status()))
                        && !h.deadline().isBefore(from) && !h.deadline().isAfter(to);
                List<Object> items = homework.values().stream().filter(match)
                        .sorted(Comparator.comparing(Homework::deadline)).map(this::json)
                        .map(Object.class::cast).toList();
                send(exchange, 200, page(items, query));
            } else {
                send(exchange, 404, Map.of("title", "Not Found", "status", 404));
            }
        } catch (RuntimeException e) {
            send(exchange, 500, Map.of("detail", String.valueOf(e)));
        }
    }

    private static Map<String, Object> page(List<Object> all, Map<String, String> query) {
        int page = Integer.parseInt(query.getOrDefault("page", "1"));
        int size = Integer.parseInt(query.getOrDefault("size", "10"));
        int fromIndex = Math.min(all.size(), (page - 1) * size);
        List<Object> items = new ArrayList<>(all.subList(fromIndex, Math.min(all.size(), fromIndex + size)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", items);
        body.put("total", all.size());
        body.put("page", page);
        body.put("size", size);
        body.put("pages", (all.size() + size - 1) / size);
        return body;
    }

    private Map<String, Object> json(Lesson l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", l.id());
        m.put("student_id", l.studentId());
        m.put("tutor_id", l.tutorId());
        m.put("start_at", l.startAt().atOffset(ZoneOffset.UTC).toString());
        m.put("duration_minutes", l.durationMinutes());
        m.put("topic", l.topic());
        if (todaysShape) {
            m.put("attendance_status", switch (l.status()) {
                case "scheduled" -> "scheduled";
                case "conducted" -> "attended";
                default -> "excused_absence";
            });
            m.put("lesson_status", l.status().equals("conducted") ? "conducted" : "not_conducted");
            return m;
        }
        m.put("status", l.status());
        if (l.startSetAt() != null) {
            m.put("start_set_at", l.startSetAt().atOffset(ZoneOffset.UTC).toString());
        }
        return m;
    }

    private Map<String, Object> json(Homework h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", h.id());
        m.put("student_id", h.studentId());
        m.put("tutor_id", h.tutorId());
        m.put("lesson_id", h.lessonId());
        m.put("description", h.description());
        m.put("deadline", h.deadline().atOffset(ZoneOffset.UTC).toString());
        m.put("status", h.status());
        if (todaysShape) {
            Lesson lesson = h.lessonId() == null ? null : lessons.get(h.lessonId());
            m.put("lesson_topic", lesson == null ? null : lesson.topic());
            return m;
        }
        if (h.deadlineSetAt() != null) {
            m.put("deadline_set_at", h.deadlineSetAt().atOffset(ZoneOffset.UTC).toString());
        }
        return m;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        if (raw == null) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(key, value);
        }
        return params;
    }

    private static void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", status >= 400 ? "application/problem+json"
                : "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
