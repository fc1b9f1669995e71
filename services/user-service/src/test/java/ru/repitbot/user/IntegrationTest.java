package ru.repitbot.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.repitbot.testsupport.ApiClient;
import ru.repitbot.testsupport.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * The one Spring context of this module's integration tests (every subclass shares it): the real service on a random
 * port over real PostgreSQL and RabbitMQ, with a first admin created from settings.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "repitbot.secret-key=integration-test-pepper-0123456789",
    "repitbot.users.admin.access-code=" + IntegrationTest.ADMIN_CODE,
    "repitbot.users.admin.full-name=Марина Администратор"})
public abstract class IntegrationTest {

    public static final String ADMIN_CODE = "BOOT2ADM";

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    protected ApiClient anonymous() {
        return ApiClient.local(port);
    }

    protected ApiClient as(long userId, String role) {
        return ApiClient.local(port).withToken(TestTokens.get().user(userId, role));
    }

    protected ApiClient asService(String name) {
        return ApiClient.local(port).withToken(TestTokens.get().service(name));
    }

    protected long adminId() {
        return jdbc.queryForObject("SELECT id FROM users WHERE role = 'admin' AND deleted_at IS NULL", Long.class);
    }

    protected ApiClient admin() {
        return as(adminId(), "admin");
    }

    /** Creates a user through the API and returns the response body (with access_code). */
    protected JsonNode create(ApiClient caller, String role, String fullName, Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("role", role);
        body.put("full_name", fullName);
        body.putAll(extra);
        ApiClient.ApiResponse response = caller.post("/api/v1/users", body);
        assertThat(response.status()).as("create %s: %s", role, response).isEqualTo(201);
        return response.json();
    }

    protected JsonNode createTutor(String fullName) {
        return create(admin(), "tutor", fullName, Map.of());
    }

    protected JsonNode createStudent(long tutorId, String fullName) {
        return create(as(tutorId, "tutor"), "student", fullName, Map.of());
    }

    protected JsonNode createParent(long tutorId, String fullName, long... studentIds) {
        return create(as(tutorId, "tutor"), "parent", fullName,
                Map.of("student_ids", java.util.Arrays.stream(studentIds).boxed().toList()));
    }

    protected static List<Long> ids(JsonNode array) {
        return array.valueStream().map(n -> n.path("id").asLong()).toList();
    }
}
