package ru.repitbot.auth.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * user-service as docs/architecture/contracts.md "Login" describes it, in this JVM: {@code POST
 * /internal/v1/access-codes/verify} (binds on first use, 404 wrong code, 409 bound elsewhere) and {@code GET
 * /api/v1/users/{id}} (with {@code telegram_id}, left out while unbound as user-service's non-null JSON does);
 * both want a bearer token, which is recorded. It can be switched "down" (500s). A test changes a user's binding
 * through {@link User#telegramId} (null = the tutor reset the code).
 */
final class FakeUserService {

    private static FakeUserService instance;

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpServer server;
    private final Map<String, User> byCode = new ConcurrentHashMap<>();
    private final Map<Long, User> byId = new ConcurrentHashMap<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final AtomicBoolean down = new AtomicBoolean();
    private final AtomicLong ids = new AtomicLong(1000 + (System.nanoTime() % 1000));

    static final class User {
        final long id;
        final String code;
        volatile String role;
        final String fullName;
        volatile Long telegramId;

        User(long id, String code, String role, String fullName) {
            this.id = id;
            this.code = code;
            this.role = role;
            this.fullName = fullName;
        }
    }

    private FakeUserService() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/internal/v1/access-codes/verify", this::verify);
        server.createContext("/api/v1/users/", this::getUser);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
    }

    static synchronized FakeUserService get() {
        if (instance == null) {
            instance = new FakeUserService();
        }
        return instance;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A new user with a new random 8-character code. */
    User addUser(String role, String fullName) {
        long id = ids.incrementAndGet();
        String code = randomCode();
        User user = new User(id, code, role, fullName);
        byCode.put(code, user);
        byId.put(id, user);
        return user;
    }

    void delete(long userId) {
        User user = byId.remove(userId);
        if (user != null) {
            byCode.remove(user.code);
        }
    }

    void setDown(boolean isDown) {
        down.set(isDown);
    }

    List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    static String randomCode() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        StringBuilder sb = new StringBuilder();
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int i = 0; i < 8; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    private void verify(HttpExchange exchange) throws IOException {
        if (!guard(exchange, "POST")) {
            return;
        }
        JsonNode body = json.readTree(exchange.getRequestBody().readAllBytes());
        String code = body.path("access_code").asString("");
        long telegramId = body.path("telegram_id").asLong(0);
        User user = byCode.get(code);
        if (user == null) {
            problem(exchange, 404, "No user has this access code");
            return;
        }
        synchronized (this) {
            if (user.telegramId != null && user.telegramId != telegramId) {
                problem(exchange, 409, "This code's user is bound to another Telegram account");
                return;
            }
            boolean boundToOther = byId.values().stream()
                    .anyMatch(u -> u != user && u.telegramId != null && u.telegramId == telegramId);
            if (boundToOther) {
                problem(exchange, 409, "This Telegram account is bound to another user");
                return;
            }
            user.telegramId = telegramId;
        }
        send(exchange, 200, "application/json", json.writeValueAsString(Map.of("user_id", user.id,
                "role", user.role, "full_name", user.fullName)));
    }

    private void getUser(HttpExchange exchange) throws IOException {
        if (!guard(exchange, "GET")) {
            return;
        }
        String path = exchange.getRequestURI().getPath();
        long id;
        try {
            id = Long.parseLong(path.substring("/api/v1/users/".length()));
        } catch (NumberFormatException e) {
            problem(exchange, 400, "bad id");
            return;
        }
        User user = byId.get(id);
        if (user == null) {
            problem(exchange, 404, "User " + id + " not found");
            return;
        }
        Map<String, Object> answer = new java.util.LinkedHashMap<>();
        answer.put("id", user.id);
        answer.put("role", user.role);
        answer.put("full_name", user.fullName);
        Long telegramId = user.telegramId;
        if (telegramId != null) {
            answer.put("telegram_id", telegramId);
        }
        send(exchange, 200, "application/json", json.writeValueAsString(answer));
    }

    private boolean guard(HttpExchange exchange, String method) throws IOException {
        if (down.get()) {
            exchange.getRequestBody().readAllBytes();
            problem(exchange, 500, "down for the test");
            return false;
        }
        if (!method.equals(exchange.getRequestMethod())) {
            problem(exchange, 405, "method not allowed");
            return false;
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            problem(exchange, 401, "token required");
            return false;
        }
        authorizations.add(authorization.substring(7));
        return true;
    }

    private void problem(HttpExchange exchange, int status, String detail) throws IOException {
        send(exchange, status, "application/problem+json", json.writeValueAsString(Map.of("type",
                "urn:repitbot:problem:test", "status", status, "detail", detail)));
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
