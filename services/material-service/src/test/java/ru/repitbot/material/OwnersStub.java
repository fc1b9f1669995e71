package ru.repitbot.material;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * lesson-service's {@code GET /api/v1/lessons/{id}} and homework-service's {@code GET /api/v1/homework/{id}} over
 * real HTTP (404 for an unknown id, 500 for everything while {@link #down} is set), so material-service's
 * ServiceCalls, token and JSON reading are the real ones. Tests put the lessons and homework here.
 */
public final class OwnersStub {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern PATH = Pattern.compile("/api/v1/(lessons|homework)/(\\d+)");

    private final HttpServer server;
    private final Map<String, Map<String, Object>> objects = new ConcurrentHashMap<>();
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    volatile boolean down;

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

    public void lesson(long id, long tutorId, long studentId) {
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("id", id);
        l.put("tutor_id", tutorId);
        l.put("student_id", studentId);
        l.put("topic", "Тема " + id);
        objects.put("lessons/" + id, l);
    }

    public void homework(long id, long lessonId, long tutorId, long studentId) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("id", id);
        h.put("lesson_id", lessonId);
        h.put("student_id", studentId);
        h.put("tutor_id", tutorId);
        objects.put("homework/" + id, h);
    }

    private void handle(HttpExchange exchange) throws IOException {
        authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
        Matcher m = PATH.matcher(exchange.getRequestURI().getPath());
        Map<String, Object> found = m.matches() ? objects.get(m.group(1) + "/" + m.group(2)) : null;
        if (down || found == null) {
            exchange.sendResponseHeaders(down ? 500 : 404, -1);
            exchange.close();
            return;
        }
        byte[] bytes = JSON.writeValueAsBytes(found);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
