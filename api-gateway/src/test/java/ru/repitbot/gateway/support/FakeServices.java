package ru.repitbot.gateway.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import ru.repitbot.gateway.domain.RouteTable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Small in-JVM stand-ins for the ten services: each answers with what it received (service, method, path, query,
 * Authorization, X-Request-Id, traceparent, body), serves {@code /health} and {@code /openapi.json}, is slow on paths ending in
 * {@code /slow} and answers its own 404 problem on {@code .../missing}. scheduler-service is a closed port: a
 * service that is down.
 */
public final class FakeServices {

    public static final String DOWN_SERVICE = "scheduler-service";
    public static final long SLOW_MILLIS = 3_000;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static FakeServices instance;

    private final Map<String, String> urls = new LinkedHashMap<>();

    private FakeServices() {
        for (String service : RouteTable.serviceNames()) {
            if (service.equals(DOWN_SERVICE)) {
                urls.put(service, "http://127.0.0.1:" + closedPort());
            } else {
                urls.put(service, "http://127.0.0.1:" + start(service));
            }
        }
    }

    public static synchronized FakeServices get() {
        if (instance == null) {
            instance = new FakeServices();
        }
        return instance;
    }

    public Map<String, String> urls() {
        return urls;
    }

    private static int start(String service) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> handle(service, server, exchange));
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return server.getAddress().getPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void handle(String service, HttpServer server, HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            String requestId = exchange.getRequestHeaders().getFirst("X-Request-Id");
            if (requestId != null) {
                // Real services echo the id; the gateway must not return it twice.
                exchange.getResponseHeaders().add("X-Request-Id", requestId);
            }
            if (path.equals("/health")) {
                send(exchange, 200, "application/json", "{\"status\":\"UP\"}");
                return;
            }
            if (path.equals("/openapi.json")) {
                ObjectNode doc = JSON.createObjectNode().put("openapi", "3.1.0");
                doc.putObject("info").put("title", "RepitBot " + service).put("version", "1");
                doc.putArray("servers").addObject().put("url", "http://127.0.0.1:" + server.getAddress().getPort());
                doc.putObject("paths").putObject("/api/v1/" + service.replace("-service", "") + "s");
                send(exchange, 200, "application/json", JSON.writeValueAsString(doc));
                return;
            }
            if (path.endsWith("/slow")) {
                try {
                    Thread.sleep(SLOW_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (path.endsWith("/missing")) {
                send(exchange, 404, "application/problem+json",
                        "{\"type\":\"urn:repitbot:problem:not-found\",\"title\":\"Not Found\",\"status\":404,"
                                + "\"detail\":\"No material 'missing'\",\"from\":\"" + service + "\"}");
                return;
            }
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            ObjectNode echo = JSON.createObjectNode()
                    .put("service", service)
                    .put("method", exchange.getRequestMethod())
                    .put("path", path)
                    .put("query", exchange.getRequestURI().getRawQuery())
                    .put("authorization", exchange.getRequestHeaders().getFirst("Authorization"))
                    .put("request_id", requestId)
                    .put("traceparent", exchange.getRequestHeaders().getFirst("traceparent"))
                    .put("body", body);
            send(exchange, 200, "application/json", JSON.writeValueAsString(echo));
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
