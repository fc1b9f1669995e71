package ru.repitbot.bot;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A Telegram Bot API for tests, in the JVM: serves {@code getUpdates} from a fixed list of updates (answering the
 * first poll with an error, as a flaky Telegram would) and records every {@code sendMessage}. Only requests that
 * carry the right token in the path are answered; others get Telegram's 404.
 */
final class FakeBotApi implements AutoCloseable {

    private final HttpServer server;
    private final String prefix;
    private final List<Update> updates;
    private final List<Map<String, String>> polls = new CopyOnWriteArrayList<>();
    private final List<Map<String, String>> sentMessages = new CopyOnWriteArrayList<>();

    /** One incoming text message. */
    record Update(int updateId, long chatId, String text) {

        String json() {
            return """
                    {"update_id":%d,"message":{"message_id":%d,"date":1767225600,\
                    "chat":{"id":%d,"type":"private"},"from":{"id":%d,"is_bot":false,"first_name":"Иван"},\
                    "text":"%s"}}""".formatted(updateId, updateId * 10, chatId, chatId, text);
        }
    }

    private FakeBotApi(String token, List<Update> updates) throws IOException {
        this.prefix = "/bot" + token + "/";
        this.updates = updates;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    static FakeBotApi start(String token, Update... updates) {
        try {
            return new FakeBotApi(token, List.of(updates));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The base URL the bot appends its token to, like {@code https://api.telegram.org/bot}. */
    String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/bot";
    }

    List<Map<String, String>> polls() {
        return polls;
    }

    List<Map<String, String>> sentMessages() {
        return sentMessages;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!path.startsWith(prefix)) {
                respond(exchange, 404, "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}");
                return;
            }
            Map<String, String> params = form(new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8));
            switch (path.substring(prefix.length())) {
                case "getUpdates" -> getUpdates(exchange, params);
                case "sendMessage" -> {
                    sentMessages.add(params);
                    respond(exchange, 200, """
                            {"ok":true,"result":{"message_id":%d,"date":1767225601,\
                            "chat":{"id":%s,"type":"private"},"text":"ok"}}"""
                            .formatted(1000 + sentMessages.size(), params.get("chat_id")));
                }
                default -> respond(exchange, 404, "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}");
            }
        }
    }

    private void getUpdates(HttpExchange exchange, Map<String, String> params) throws IOException {
        polls.add(params);
        if (polls.size() == 1) {
            respond(exchange, 502, "{\"ok\":false,\"error_code\":502,\"description\":\"Bad Gateway\"}");
            return;
        }
        int offset = Integer.parseInt(params.getOrDefault("offset", "0"));
        List<String> pending = updates.stream().filter(u -> u.updateId() >= offset).map(Update::json).toList();
        if (pending.isEmpty()) {
            // A long poll with nothing new: hold the request a little, as Telegram holds it up to its timeout.
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        respond(exchange, 200, "{\"ok\":true,\"result\":[" + String.join(",", pending) + "]}");
    }

    private static Map<String, String> form(String body) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (!pair.isEmpty()) {
                String[] kv = pair.split("=", 2);
                params.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return params;
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
