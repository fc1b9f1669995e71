package ru.repitbot.achievement;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import tools.jackson.databind.json.JsonMapper;

/**
 * lesson-service's and homework-service's lists as a rebuild reads them ({@code GET /api/v1/lessons},
 * {@code GET /api/v1/homework?status=checked}, paged {@code {items,total,page,size,pages}}), over real HTTP, so the
 * rebuild's ServiceCalls, token and JSON reading are the real ones. Tests put the owners' current state here.
 */
public final class OwnersStub {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final Map<Long, Map<String, Object>> lessons = new ConcurrentSkipListMap<>();
    private final Map<Long, Map<String, Object>> homework = new ConcurrentSkipListMap<>();
    final List<String> authorizations = new CopyOnWriteArrayList<>();

    private OwnersStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.createContext("/", this::handle);
        server.start();
    }

    public static OwnersStub start() {
        try {
            return new OwnersStub();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void reset() {
        lessons.clear();
        homework.clear();
        authorizations.clear();
    }

    /** A lesson as lesson-service lists it (the fields a rebuild reads, and a few it does not). */
    public void lesson(long id, long tutorId, long studentId, String startAt, int minutes, String attendance,
            String mastery, long version) {
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("id", id);
        l.put("tutor_id", tutorId);
        l.put("student_id", studentId);
        l.put("topic", "Тема " + id);
        l.put("start_at", startAt);
        l.put("duration_minutes", minutes);
        l.put("attendance_status", attendance);
        l.put("status", attendance);
        l.put("mastery_level", mastery);
        l.put("version", version);
        lessons.put(id, l);
    }

    public void acceptedHomework(long id, long lessonId, long studentId, long tutorId, long version) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("id", id);
        h.put("lesson_id", lessonId);
        h.put("student_id", studentId);
        h.put("tutor_id", tutorId);
        h.put("status", "checked");
        h.put("version", version);
        homework.put(id, h);
    }

    private void handle(HttpExchange exchange) throws IOException {
        authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        String path = exchange.getRequestURI().getPath();
        List<Map<String, Object>> all;
        if (path.equals("/api/v1/lessons")) {
            all = new ArrayList<>(lessons.values());
        } else if (path.equals("/api/v1/homework") && "checked".equals(query.get("status"))) {
            all = new ArrayList<>(homework.values());
        } else {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
        }
        if (query.containsKey("student_id")) {
            long student = Long.parseLong(query.get("student_id"));
            all.removeIf(item -> ((Number) item.get("student_id")).longValue() != student);
        }
        int page = Integer.parseInt(query.getOrDefault("page", "1"));
        int size = Integer.parseInt(query.getOrDefault("size", "10"));
        int from = Math.min(all.size(), (page - 1) * size);
        int to = Math.min(all.size(), from + size);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", all.subList(from, to));
        body.put("total", all.size());
        body.put("page", page);
        body.put("size", size);
        body.put("pages", Math.max(1, (all.size() + size - 1) / size));
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return query;
    }
}
