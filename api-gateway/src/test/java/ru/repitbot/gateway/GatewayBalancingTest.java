package ru.repitbot.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import ru.repitbot.gateway.support.Callers;
import ru.repitbot.gateway.support.FakeServices;
import ru.repitbot.testsupport.TestInfrastructure;
import ru.repitbot.testsupport.ApiClient;

/**
 * Several URLs per service ({@code LESSON_SERVICE_URL=http://a,http://b}): requests alternate between the replicas;
 * a replica that refuses connections costs a GET nothing (sent again to the other) and a write is never repeated.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "repitbot.gateway.rate-limit.requests=1000",
    "repitbot.gateway.connect-timeout=1s",
    "repitbot.gateway.circuit-breaker.minimum-calls=3",
    "repitbot.gateway.circuit-breaker.sliding-window=4"})
class GatewayBalancingTest {

    @LocalServerPort
    int port;

    private static final Map<String, AtomicInteger> HITS = new ConcurrentHashMap<>();
    private static final String A = replica("lesson-a");
    private static final String B = replica("lesson-b");
    private static final String LIVE = replica("payment-live");
    private static final String CLOSED = "http://127.0.0.1:" + closedPort();

    @DynamicPropertySource
    static void replicas(DynamicPropertyRegistry registry) {
        FakeServices.get().urls().forEach((service, url) -> {
            if (!service.equals("lesson-service") && !service.equals("payment-service")) {
                registry.add("repitbot.gateway.services." + service, () -> url);
            }
        });
        registry.add("repitbot.gateway.rate-limit.key-prefix", () -> "gw-balancing-" + TestInfrastructure.get().runId());
        registry.add("repitbot.gateway.services.lesson-service", () -> A + "," + B);
        registry.add("repitbot.gateway.services.payment-service", () -> CLOSED + "," + LIVE);
    }

    private ApiClient user(String role) {
        return Callers.freshUser(port, role);
    }

    @Test
    void alternatesBetweenTheReplicasOfAService() {
        ApiClient tutor = user("tutor");
        List<String> served = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ApiClient.ApiResponse response = i % 2 == 0
                    ? tutor.get("/api/v1/lessons/7?i=" + i)
                    : tutor.put("/api/v1/lessons/7/attendance", "{\"status\":\"attended\"}");
            assertThat(response.status()).as("%s", response).isEqualTo(200);
            served.add(response.json().path("replica").asString());
        }
        assertThat(served).containsOnly("lesson-a", "lesson-b");
        assertThat(served.stream().filter("lesson-a"::equals).count()).isEqualTo(3);
        for (int i = 1; i < served.size(); i++) {
            assertThat(served.get(i)).as("request %d", i).isNotEqualTo(served.get(i - 1));
        }
    }

    @Test
    void aGetRefusedByOneReplicaIsAnsweredByTheOtherAWriteIsNotRepeated() {
        ApiClient tutor = user("tutor");
        for (int i = 0; i < 6; i++) {
            ApiClient.ApiResponse response = tutor.get("/api/v1/balances/5");
            assertThat(response.status()).as("GET %d: %s", i, response).isEqualTo(200);
            assertThat(response.json().path("replica").asString()).isEqualTo("payment-live");
        }
        int before = hits("payment-live");
        int ok = 0;
        // Two in a row: one lands on each replica. (Few, so the route's circuit breaker stays closed.)
        for (int i = 0; i < 2; i++) {
            ApiClient.ApiResponse response = tutor.post("/api/v1/payments", "{\"amount\":\"1000\"}");
            if (response.status() == 200) {
                ok++;
            } else {
                assertThat(response.status()).as("%s", response).isIn(502, 503);
            }
        }
        assertThat(ok).as("POSTs answered: the one on the live replica").isEqualTo(1);
        assertThat(hits("payment-live") - before).as("POSTs the live replica received: none repeated").isEqualTo(1);
    }

    private static int hits(String replica) {
        return HITS.computeIfAbsent(replica, k -> new AtomicInteger()).get();
    }

    private static String replica(String name) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                try (exchange) {
                    exchange.getRequestBody().readAllBytes();
                    HITS.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
                    byte[] body = ("{\"replica\":\"" + name + "\",\"method\":\"" + exchange.getRequestMethod() + "\"}")
                            .getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                }
            });
            server.start();
            return "http://127.0.0.1:" + server.getAddress().getPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
