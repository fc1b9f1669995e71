package ru.repitbot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import ru.repitbot.testsupport.ApiClient;
import ru.repitbot.testsupport.ApiClient.ApiResponse;
import tools.jackson.databind.JsonNode;

/**
 * The people the tests act as, created through the gateway the first time a test needs them and shared by all
 * classes (logins are rate limited per address): tutor A with student A and parent A, and tutor B with student B,
 * whom nobody of A's family may see.
 */
public final class Scenario implements AutoCloseable {

    /** Someone who has logged in: their user id, access code, Telegram id and access token. */
    public record Member(long id, String role, String code, long telegramId, String token) {

        public ApiClient api(RepitbotStack stack) {
            return stack.gateway().withToken(token);
        }
    }

    /** A user created but not logged in. */
    public record Created(long id, String code) {
    }

    private final RepitbotStack stack;
    // Made-up Telegram ids far above real ones (below 2^52), different in every run.
    private final AtomicLong telegramIds = new AtomicLong(
            4_200_000_000_000_000L + new SecureRandom().nextLong(100_000_000_000_000L));

    private Member admin;
    private World world;

    Scenario(RepitbotStack stack) {
        this.stack = stack;
    }

    public RepitbotStack stack() {
        return stack;
    }

    public ApiClient anonymous() {
        return stack.gateway();
    }

    public long newTelegramId() {
        return telegramIds.incrementAndGet();
    }

    /** The first admin, logging in with the code and Telegram id the launcher's demo used. */
    public synchronized Member admin() {
        if (admin == null) {
            admin = login(stack.adminCode(), stack.adminTelegramId());
            assertThat(admin.role()).isEqualTo("admin");
        }
        return admin;
    }

    public synchronized World world() {
        if (world == null) {
            Member a = admin();
            Created tutorA = create(a.token(), Map.of("role", "tutor", "full_name", "Анна Репетитор"));
            Member tutor = login(tutorA.code(), newTelegramId());
            Created studentA = create(tutor.token(), Map.of("role", "student", "full_name", "Вася Ученик", "grade", 9));
            Created parentA = create(tutor.token(), Map.of("role", "parent", "full_name", "Мама Васи",
                    "student_ids", List.of(studentA.id())));
            Created tutorB = create(a.token(), Map.of("role", "tutor", "full_name", "Борис Репетитор"));
            Created studentB = create(a.token(), Map.of("role", "student", "full_name", "Петя Чужой", "grade", 7,
                    "tutor_ids", List.of(tutorB.id())));
            Member student = login(studentA.code(), newTelegramId());
            Member parent = login(parentA.code(), newTelegramId());
            world = new World(tutor, student, parent, tutorB, studentB);
        }
        return world;
    }

    /** Tutor A's family, and tutor B's student whom they may not see. */
    public record World(Member tutorA, Member studentA, Member parentA, Created tutorB, Created studentB) {
    }

    /** POST /api/v1/auth/login, asserting success. */
    public Member login(String code, long telegramId) {
        ApiResponse r = anonymous().post("/api/v1/auth/login", loginBody(code, telegramId));
        assertThat(r.status()).as("login: %s", r).isEqualTo(200);
        JsonNode json = r.json();
        return new Member(json.get("user_id").asLong(), json.get("user_role").asString(), code, telegramId,
                json.get("access_token").asString());
    }

    public static Map<String, Object> loginBody(String code, long telegramId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_code", code);
        body.put("telegram_id", telegramId);
        return body;
    }

    /** POST /api/v1/users as the token's owner, asserting 201 and an access code in the answer. */
    public Created create(String token, Map<String, Object> body) {
        ApiResponse r = stack.gateway().withToken(token).post("/api/v1/users", body);
        assertThat(r.status()).as("create %s: %s", body, r).isEqualTo(201);
        JsonNode json = r.json();
        assertThat(json.get("access_code").asString()).matches("[A-Z0-9]{6,10}");
        return new Created(json.get("id").asLong(), json.get("access_code").asString());
    }

    @Override
    public void close() {
        stack.close();
    }
}
