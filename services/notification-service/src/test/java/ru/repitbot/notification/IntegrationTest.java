package ru.repitbot.notification;

import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import ru.repitbot.calls.ServiceTokenSource;
import ru.repitbot.events.EventCodec;
import ru.repitbot.events.EventEnvelope;
import ru.repitbot.events.EventPayload;
import ru.repitbot.testsupport.AccessFixtures;
import ru.repitbot.testsupport.ApiClient;
import ru.repitbot.testsupport.TestInfrastructure;
import ru.repitbot.testsupport.TestTokens;

/**
 * The one Spring context of this module's integration tests: the real service on a random port over real
 * PostgreSQL and RabbitMQ. Events go through the broker exactly as the producers' outbox relays send them; people
 * are rows of the access projection ({@link AccessFixtures}); lesson-service and homework-service, which the report
 * reads, are a stub HTTP server whose answers a test sets ({@link #lessonAnswers}, {@link #homeworkAnswers}). The
 * report poller does not run by itself here: tests call {@code LessonReports.sendDue()}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "repitbot.notifications.reports.poll-interval=0s")
@Import(IntegrationTest.ServiceTokens.class)
public abstract class IntegrationTest {

    /** lesson id → the JSON lesson-service answers for GET /api/v1/lessons/{id} (absent: 404). */
    protected static final Map<Long, String> lessonAnswers = new ConcurrentHashMap<>();
    /** lesson id → the JSON items of GET /api/v1/homework?lesson_id= (absent: none). */
    protected static final Map<Long, String> homeworkAnswers = new ConcurrentHashMap<>();
    /** Put as a lesson's answer: lesson-service answers 503 for it. */
    protected static final String OWNER_DOWN = "503";
    private static final HttpServer OWNERS = startOwners();

    protected final EventCodec codec = new EventCodec();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @DynamicPropertySource
    static void owners(DynamicPropertyRegistry registry) {
        String url = "http://127.0.0.1:" + OWNERS.getAddress().getPort();
        registry.add("repitbot.services.lesson-service.url", () -> url);
        registry.add("repitbot.services.homework-service.url", () -> url);
    }

    @TestConfiguration
    static class ServiceTokens {
        @Bean
        @Primary
        ServiceTokenSource testServiceTokens() {
            return new ServiceTokenSource() {
                @Override
                public String bearer() {
                    return TestTokens.get().service("notification-service");
                }

                @Override
                public void invalidate() {
                }
            };
        }
    }

    private static HttpServer startOwners() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/api/v1/lessons/", exchange -> {
                String path = exchange.getRequestURI().getPath();
                long id = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
                boolean authorised = exchange.getRequestHeaders().getFirst("Authorization") != null;
                String body = lessonAnswers.get(id);
                int status = !authorised ? 401 : body == null ? 404 : OWNER_DOWN.equals(body) ? 503 : 200;
                respond(exchange, status, status == 200 ? body : "{}");
            });
            server.createContext("/api/v1/homework", exchange -> {
                String query = exchange.getRequestURI().getQuery();
                long lesson = Arrays.stream(query.split("&")).filter(p -> p.startsWith("lesson_id="))
                        .map(p -> Long.parseLong(p.substring(10))).findFirst().orElse(-1L);
                String items = homeworkAnswers.getOrDefault(lesson, "");
                respond(exchange, 200, "{\"items\":[" + items + "],\"total\":0,\"page\":1,\"size\":100,\"pages\":1}");
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, int status, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    // ---- callers ----

    protected ApiClient as(long userId, String role) {
        return ApiClient.local(port).withToken(TestTokens.get().user(userId, role));
    }

    protected ApiClient admin() {
        return as(1, "admin");
    }

    protected ApiClient asService(String name) {
        return ApiClient.local(port).withToken(TestTokens.get().service(name));
    }

    // ---- people ----

    protected static long newId() {
        return AccessFixtures.newId();
    }

    protected AccessFixtures users() {
        return AccessFixtures.direct(jdbc);
    }

    /** Someone the bot can reach: a Telegram chat is known. */
    protected long reachable(long userId) {
        jdbc.update("INSERT INTO recipient (user_id, telegram_chat_id) VALUES (?, ?) ON CONFLICT (user_id) "
                + "DO UPDATE SET telegram_chat_id = EXCLUDED.telegram_chat_id", userId, 9_000_000_000L + userId);
        return userId;
    }

    protected void livesIn(long userId, String zone) {
        jdbc.update("UPDATE access_user SET time_zone = ? WHERE id = ?", zone, userId);
    }

    protected String nameOf(long userId) {
        return jdbc.queryForObject("SELECT full_name FROM access_user WHERE id = ?", String.class, userId);
    }

    // ---- events, through the broker ----

    protected EventEnvelope envelope(String service, EventPayload payload, Long actor) {
        return new EventEnvelope(UUID.randomUUID(), payload.eventType(), service, Instant.now(),
                UUID.randomUUID().toString(), null, actor == null ? null : actor.toString(), payload.aggregateId(), 1,
                codec.toTree(payload), Map.of());
    }

    /** Publishes to the test exchange with publisher confirms and waits until each is in the inbox. */
    protected void publishAndWait(EventEnvelope... envelopes) {
        TestInfrastructure.get().publish(Arrays.stream(envelopes)
                .map(e -> new TestInfrastructure.Message(e.eventType(), codec.encode(e))).toList());
        for (EventEnvelope e : envelopes) {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> Boolean.TRUE.equals(
                    jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM inbox_event WHERE consumer = "
                            + "'notification-service' AND event_id = ?)", Boolean.class, e.eventId())));
        }
    }

    /**
     * Publishes the same event again (a redelivery) and waits until the broker's one consumer has passed it: the
     * queue has one consumer, so a marker published after it is processed after it.
     */
    protected void redeliver(EventEnvelope event) {
        EventEnvelope marker = envelope("lesson-service",
                new ru.repitbot.events.catalogue.LessonEvents.Deleted(newId(), newId(), newId()), null);
        TestInfrastructure.get().publish(List.of(new TestInfrastructure.Message(event.eventType(), codec.encode(event))));
        publishAndWait(marker);
    }

    // ---- the queue ----

    /** A queued (or finished) message as the delivery engine will see it. */
    protected record Queued(long id, long recipientId, String kind, String status, String text, Instant notBefore,
            Instant expiresAt, String subjectType, Long subjectId, Instant createdAt) {
    }

    protected List<Queued> messagesTo(long recipientId) {
        return jdbc.query("""
                SELECT id, recipient_id, kind, status, body_text, next_attempt_at, expires_at, subject_type,
                       subject_id, created_at
                FROM outgoing_message WHERE recipient_id = ? ORDER BY id""", (rs, i) -> new Queued(rs.getLong(1),
                rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant(),
                rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant(), rs.getString(8),
                (Long) rs.getObject(9), rs.getTimestamp(10).toInstant()), recipientId);
    }

    protected List<Queued> messagesTo(long recipientId, String kind) {
        return messagesTo(recipientId).stream().filter(m -> m.kind().equals(kind)).toList();
    }
}
