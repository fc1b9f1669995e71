package ru.repitbot.homework;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.repitbot.access.AccessProjection;
import ru.repitbot.events.EventCodec;
import ru.repitbot.events.EventEnvelope;
import ru.repitbot.events.EventPayload;
import ru.repitbot.events.catalogue.UserEvents;
import ru.repitbot.homework.db.LessonDirectory;
import ru.repitbot.homework.domain.KnownLesson;
import ru.repitbot.testsupport.ApiClient;
import ru.repitbot.testsupport.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * The one Spring context of this module's integration tests (every subclass shares it): the real service on a random
 * port over real PostgreSQL and RabbitMQ. {@code LessonEventsIntegrationTest} makes users and lessons known the real
 * way, through the broker; the other tests, for speed, write the same projection rows the events would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntegrationTest {

    private static final AtomicLong IDS = new AtomicLong(50_000);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    protected static final byte[] PDF = ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);
    protected static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H',
        'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0};

    protected final EventCodec codec = new EventCodec();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected AccessProjection projection;

    @Autowired
    protected LessonDirectory lessons;

    protected static long newId() {
        return IDS.incrementAndGet();
    }

    protected ApiClient anonymous() {
        return ApiClient.local(port);
    }

    protected ApiClient as(long userId, String role) {
        return ApiClient.local(port).withToken(TestTokens.get().user(userId, role));
    }

    protected ApiClient admin() {
        return as(1, "admin");
    }

    protected static String token(long userId, String role) {
        return TestTokens.get().user(userId, role);
    }

    protected EventEnvelope envelope(EventPayload payload, long version) {
        return new EventEnvelope(UUID.randomUUID(), payload.eventType(), "test", Instant.now(), null, null, null,
                payload.aggregateId(), version, codec.toTree(payload), Map.of());
    }

    private void known(UserEvents.Created user) {
        projection.onCreated(user, envelope(user, 1));
    }

    protected long givenTutor() {
        long id = newId();
        known(new UserEvents.Created(id, "tutor", "Тьютор " + id, null, null, "Europe/Kaliningrad", null,
                List.of(), List.of()));
        return id;
    }

    protected long givenStudent(long tutorId) {
        long id = newId();
        known(new UserEvents.Created(id, "student", "Ученик " + id, null, null, "Europe/Moscow", 7,
                List.of(tutorId), List.of()));
        return id;
    }

    protected long givenParentOf(long... studentIds) {
        long id = newId();
        known(new UserEvents.Created(id, "parent", "Родитель " + id, null, null, "Europe/Kaliningrad", null,
                List.of(), List.of()));
        Arrays.stream(studentIds).forEach(s -> {
            UserEvents.Linked linked = new UserEvents.Linked(UserEvents.LinkKind.parent, id, s);
            projection.onLinked(linked, envelope(linked, 1));
        });
        return id;
    }

    /** A lesson as its {@code lesson.created} would record it, a week ahead. */
    protected long givenLesson(long tutorId, long studentId, String topic) {
        long id = newId();
        lessons.created(new KnownLesson(id, tutorId, studentId, topic,
                Instant.now().plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.HOURS), false), 1);
        return id;
    }

    protected static String inDays(int days) {
        return Instant.now().plus(Duration.ofDays(days)).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    protected ApiClient.ApiResponse assign(long tutorId, long lessonId, String description, Map<String, ?> extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("lesson_id", lessonId);
        body.put("description", description);
        body.put("deadline", inDays(3));
        body.putAll(extra);
        return as(tutorId, "tutor").post("/api/v1/homework", body);
    }

    /** Assigns homework and returns its body (asserting 201). */
    protected JsonNode assigned(long tutorId, long lessonId, String description) {
        ApiClient.ApiResponse response = assign(tutorId, lessonId, description, Map.of());
        assertThat(response.status()).as("assign: %s", response).isEqualTo(201);
        return response.json();
    }

    /** One part of a multipart request: a form field ({@code fileName == null}) or a file. */
    protected record Part(String name, String fileName, String contentType, byte[] content) {

        static Part field(String name, String value) {
            return new Part(name, null, null, value.getBytes(StandardCharsets.UTF_8));
        }

        static Part file(String name, String fileName, String contentType, byte[] content) {
            return new Part(name, fileName, contentType, content);
        }
    }

    protected ApiClient.ApiResponse multipart(String token, String path, List<Part> parts) {
        String boundary = "----repitbot" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Part p : parts) {
            StringBuilder head = new StringBuilder("--").append(boundary).append("\r\n")
                    .append("Content-Disposition: form-data; name=\"").append(p.name()).append('"');
            if (p.fileName() != null) {
                head.append("; filename=\"").append(p.fileName()).append('"');
            }
            head.append("\r\n");
            if (p.contentType() != null) {
                head.append("Content-Type: ").append(p.contentType()).append("\r\n");
            }
            head.append("\r\n");
            body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
            body.writeBytes(p.content());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json, application/problem+json")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new ApiClient.ApiResponse(response.statusCode(), response.headers().map(), response.body());
        } catch (Exception e) {
            throw new IllegalStateException("POST " + path + " failed: " + e, e);
        }
    }

    protected HttpResponse<byte[]> download(String token, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token).GET().build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException("GET " + path + " failed: " + e, e);
        }
    }

    /** Events of one homework in the outbox, oldest first. */
    protected List<EventEnvelope> outboxFor(long homeworkId) {
        return jdbc.queryForList("SELECT envelope FROM outbox_event ORDER BY id", String.class).stream()
                .map(codec::decode).filter(e -> e.aggregateId().equals(Long.toString(homeworkId))
                        && e.eventType().startsWith("homework.")).toList();
    }

    protected static List<Long> ids(JsonNode page) {
        return page.path("items").valueStream().map(n -> n.path("id").asLong()).toList();
    }

    /** A field shown empty: absent or {@code null} (whichever the JSON null policy writes). */
    protected static boolean empty(JsonNode parent, String field) {
        JsonNode value = parent.path(field);
        return value.isMissingNode() || value.isNull();
    }
}
