package ru.repitbot.material;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import ru.repitbot.calls.ServiceTokenSource;
import ru.repitbot.events.EventCodec;
import ru.repitbot.events.EventEnvelope;
import ru.repitbot.testsupport.AccessFixtures;
import ru.repitbot.testsupport.ApiClient;
import ru.repitbot.testsupport.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * The one Spring context of this module's integration tests (every subclass shares it): the real service on a random
 * port over real PostgreSQL and RabbitMQ; users as rows of the access projection ({@link AccessFixtures}); files in a
 * temporary directory through the real disk store, with a 1 MB limit; lesson-service and homework-service as
 * {@link OwnersStub} over real HTTP with a locally minted service token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(IntegrationTest.TestBeans.class)
public abstract class IntegrationTest {

    protected static final OwnersStub OWNERS = OwnersStub.start();
    protected static final Path STORAGE = storage();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("repitbot.services.lesson-service.url", OWNERS::url);
        registry.add("repitbot.services.homework-service.url", OWNERS::url);
        registry.add("repitbot.materials.storage-dir", STORAGE::toString);
        registry.add("repitbot.materials.max-file-size-mb", () -> "1");
        registry.add("repitbot.materials.max-files-per-material", () -> "3");
    }

    private static Path storage() {
        try {
            return Files.createTempDirectory("material-files-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class TestBeans {

        @Bean
        ServiceTokenSource serviceTokenSource() {
            return new ServiceTokenSource() {
                @Override
                public String bearer() {
                    return TestTokens.get().service("material-service");
                }

                @Override
                public void invalidate() {
                }
            };
        }
    }

    protected final EventCodec codec = new EventCodec();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    protected static long newId() {
        return AccessFixtures.newId();
    }

    protected ApiClient as(long userId, String role) {
        return ApiClient.local(port).withToken(TestTokens.get().user(userId, role));
    }

    protected String token(long userId, String role) {
        return TestTokens.get().user(userId, role);
    }

    protected ApiClient admin() {
        return as(1, "admin");
    }

    protected AccessFixtures users() {
        return AccessFixtures.direct(jdbc);
    }

    /** Creates a material as the caller and returns its id (fails the test unless 201). */
    protected long create(ApiClient caller, String title, Integer grade, String description, List<String> tags) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("grade", grade);
        body.put("description", description);
        body.put("tags", tags);
        ApiClient.ApiResponse r = caller.post("/api/v1/materials", body);
        if (r.status() != 201) {
            throw new AssertionError("create: " + r);
        }
        return r.json().path("id").asLong();
    }

    protected long create(ApiClient caller, String title) {
        return create(caller, title, null, null, List.of());
    }

    /** The events in the outbox about the material, oldest first. */
    protected List<EventEnvelope> events(long materialId) {
        return jdbc.queryForList("SELECT envelope FROM outbox_event WHERE event_type LIKE 'material.%' ORDER BY id",
                String.class).stream().map(codec::decode)
                .filter(e -> e.aggregateId().equals(Long.toString(materialId))).toList();
    }

    protected static JsonNode ok(ApiClient.ApiResponse r) {
        if (r.status() != 200) {
            throw new AssertionError("expected 200: " + r);
        }
        return r.json();
    }

    // ---- multipart ----

    public record Part(String name, String fileName, String contentType, byte[] content) {
    }

    protected ApiClient.ApiResponse upload(String token, long materialId, Part... parts) {
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
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/materials/"
                + materialId + "/files"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json, application/problem+json")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new ApiClient.ApiResponse(response.statusCode(), response.headers().map(), response.body());
        } catch (Exception e) {
            throw new IllegalStateException("upload failed: " + e, e);
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

    protected static Part pdf(String name, int size) {
        byte[] content = new byte[size];
        byte[] magic = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(magic, 0, content, 0, Math.min(magic.length, size));
        for (int i = magic.length; i < size; i++) {
            content[i] = (byte) ('a' + i % 26);
        }
        return new Part("file", name, "application/pdf", content);
    }
}
