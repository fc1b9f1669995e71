package ru.repitbot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.repitbot.e2e.OpenApiOperations.Op;
import ru.repitbot.e2e.Scenario.Member;
import ru.repitbot.testsupport.ApiClient;
import ru.repitbot.testsupport.ApiClient.ApiResponse;

/**
 * The authorization matrix, generated from the OpenAPI documents the gateway serves. A family of our own (tutor,
 * student, parent) owns one object of every kind (lesson, homework with an answer and a file, payment, price, weekly
 * template, calendar feed); for every documented operation that takes an id (path, id-like query parameter or a body
 * naming a student or lesson), the other family (its tutor, student and parent) is refused (403/404), and so are the
 * owner's own student and parent on writes only a tutor may make; after each operation everything the owner can
 * read is exactly as before. No token, and tokens forged every way we know, are 401 on every protected operation.
 * An operation in neither {@link #targets() the matrix} nor {@link #EXCLUDED the exclusion table} fails by name.
 */
@Order(11)
@ExtendWith(StackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixIT {

    /**
     * Documented operations the matrix does not exercise, and why. Operations under {@code /internal/} are not in
     * this table: the gateway does not route them (MalformedRequestsIT checks that) and services answer them only to
     * service tokens (their own tests).
     */
    private static final Map<String, String> EXCLUDED = Map.ofEntries(
            // Public by design: they are how one gets a token, or the secret in the path is the credential.
            Map.entry("POST /api/v1/auth/login", "public: an access code is the credential"),
            Map.entry("POST /api/v1/auth/refresh", "public: the refresh token in the body is the credential"),
            Map.entry("POST /api/v1/auth/logout", "public: the refresh token in the body is the credential"),
            Map.entry("POST /api/v1/auth/token", "public: client credentials in the body"),
            Map.entry("GET /api/v1/calendar/{token}.ics", "public: the feed's secret token is the credential"),
            Map.entry("GET /.well-known/jwks.json", "public: the public halves of the signing keys"),
            // Admin and service tokens only, 404 for every user role; a job's name is no family's object
            // (scheduler-service SchedulerApiIntegrationTest).
            Map.entry("GET /api/v1/scheduler/jobs", "admins and services only: the installation's jobs"),
            Map.entry("GET /api/v1/scheduler/jobs/{name}/runs", "admins and services only: a job's runs"),
            Map.entry("POST /api/v1/scheduler/jobs/{name}/trigger", "admins and services only: runs a job once"),
            // No id: each answers about the caller only (still 401 without a valid token, checked below).
            Map.entry("GET /api/v1/auth/me", "the token's own user"),
            Map.entry("GET /api/v1/users/me", "the caller's own profile"),
            Map.entry("GET /api/v1/users/me/children", "the calling parent's own children"),
            Map.entry("GET /api/v1/users/me/tutors", "the calling student's own tutors"),
            Map.entry("GET /api/v1/users", "no id: lists only whom the caller may see (OwnershipIT, ApiStyleIT)"),
            Map.entry("GET /api/v1/calendar/feeds", "the caller's own feed links"),
            Map.entry("GET /api/v1/messages/conversations", "the caller's own conversations"),
            Map.entry("GET /api/v1/broadcasts", "the calling tutor's own broadcasts"),
            Map.entry("POST /api/v1/broadcasts", "no id: goes to the calling tutor's own students and parents "
                    + "(notification-service BroadcastsIntegrationTest)"),
            Map.entry("POST /api/v1/messages/replies", "names a Telegram message in the caller's own chat only "
                    + "(notification-service MessagesIntegrationTest)"),
            Map.entry("PUT /api/v1/notifications/chat", "the caller's own Telegram chat"),
            Map.entry("GET /api/v1/notifications/unreachable",
                    "no id: only the calling tutor's students and their parents (notification-service's tests)"),
            Map.entry("GET /api/v1/achievements/catalogue", "no id: the same 19 types for everyone"),
            Map.entry("PUT /api/v1/achievements/leaderboard/settings", "the calling tutor's own switch "
                    + "(achievement-service PermissionsIntegrationTest)"),
            Map.entry("POST /api/v1/achievements/rebuild", "admins and services only, 403 for every user role "
                    + "(achievement-service PermissionsIntegrationTest)"),
            Map.entry("POST /api/v1/materials", "no id: a tutor adds to their own library, an admin publishes "
                    + "(material-service PermissionsIntegrationTest)"));

    /** Writes the owner's own student or parent may make on the family's objects (by role). */
    private static final Map<String, Set<String>> FAMILY_WRITES = Map.of(
            // Anyone may make a feed link of their own for themselves or their children.
            "POST /api/v1/calendar/feeds", Set.of("student", "parent"),
            // Handing in and withdrawing an answer is the student's own action.
            "POST /api/v1/homework/{id}/submission", Set.of("student"),
            "DELETE /api/v1/homework/{id}/submission", Set.of("student"),
            // A student changes their own notification settings.
            "PATCH /api/v1/notifications/preferences", Set.of("student"));

    private final Scenario scenario;
    private Families families;
    private Families.Family owner;
    private Families.Family other;
    private Families.Objects objects;

    AuthorizationMatrixIT(Scenario scenario) {
        this.scenario = scenario;
    }

    /** How an operation is exercised: its path variables, query variants and body. */
    record Target(Map<String, Long> path, List<Map<String, Long>> queries, Supplier<String> body, boolean multipart,
            boolean idempotencyKey) {
    }

    // -------------------------------------------------------------------------------------------------- the matrix

    @TestFactory
    Stream<DynamicTest> everyOperationWithAnIdRefusesOtherFamiliesAndChangesNothing() {
        prepare();
        List<Op> operations = OpenApiOperations.all(scenario.anonymous());
        Map<String, Target> targets = targets();
        Set<String> documented = operations.stream().map(Op::key).collect(Collectors.toCollection(LinkedHashSet::new));
        List<String> uncovered = operations.stream().map(Op::key)
                .filter(k -> !k.contains(" /internal/") && !targets.containsKey(k) && !EXCLUDED.containsKey(k))
                .toList();
        assertThat(uncovered).as("documented operations neither exercised by the authorization matrix nor listed in "
                + "its exclusion table with a reason (add them to targets() or EXCLUDED)").isEmpty();
        List<String> stale = Stream.concat(targets.keySet().stream(), EXCLUDED.keySet().stream())
                .filter(k -> !documented.contains(k)).toList();
        assertThat(stale).as("table entries for operations no document has any more").isEmpty();

        List<Map.Entry<String, Member>> intruders = List.of(Map.entry("another tutor", other.tutor()),
                Map.entry("another family's student", other.student()),
                Map.entry("another family's parent", other.parent()));
        List<Map.Entry<String, Member>> family = List.of(Map.entry("the family's student", owner.student()),
                Map.entry("the family's parent", owner.parent()));
        String[] state = {snapshot()};
        return operations.stream().filter(op -> targets.containsKey(op.key())).map(op -> DynamicTest.dynamicTest(
                op.key(), () -> {
                    Target target = targets.get(op.key());
                    List<String> wrong = new ArrayList<>();
                    List<Map.Entry<String, Member>> callers = new ArrayList<>(intruders);
                    if (!op.method().equals("GET")) {
                        family.stream().filter(f -> !FAMILY_WRITES.getOrDefault(op.key(), Set.of())
                                .contains(f.getValue().role())).forEach(callers::add);
                    }
                    String path = op.fill(name -> Long.toString(target.path().get(name)));
                    for (Map<String, Long> query : target.queries()) {
                        String url = path + query(query);
                        for (Map.Entry<String, Member> caller : callers) {
                            ApiResponse r = send(op, target, url, caller.getValue().token());
                            if (!(r.status() == 403 || r.status() == 404) || !r.isProblem()) {
                                wrong.add(caller.getKey() + " " + op.method() + " " + url + " -> " + r.status() + " "
                                        + r.contentType() + " " + r);
                            }
                        }
                    }
                    String before = state[0];
                    state[0] = snapshot();
                    assertThat(wrong).as("callers not refused with a 403/404 problem").isEmpty();
                    assertThat(state[0]).as("what the owner reads after %s by other callers", op.key())
                            .isEqualTo(before);
                }));
    }

    /** Without a token, every protected operation is 401 (problem+json), whatever its id. */
    @Test
    void noTokenIs401OnEveryProtectedOperation() {
        prepare();
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Op op : protectedOperations()) {
            ApiResponse r = sendBlind(op, null);
            checked++;
            if (r.status() != 401 || !r.isProblem()) {
                wrong.add(op.key() + " -> " + r.status() + " " + r.contentType() + " " + r);
            }
        }
        System.out.println("[authz] no token: " + checked + " protected operations checked");
        assertThat(wrong).isEmpty();
    }

    /**
     * Tokens bent every way an attacker bends them are 401 at the gateway on every protected operation. They are
     * bent from the owner tutor's real token and, where a signature is needed, signed with the stack's real key
     * (read from auth-service's table), so only the bent part can be why they are refused: the same claims signed
     * the same way without a bend are accepted (checked first).
     */
    @Test
    void forgedTokensAre401OnEveryProtectedOperation() throws Exception {
        prepare();
        JWTClaimsSet real = SignedJWT.parse(owner.tutor().token()).getJWTClaimsSet();
        SigningKey key = signingKey();
        ApiResponse control = scenario.stack().gateway().withToken(key.sign(real, JWSAlgorithm.RS256))
                .get("/api/v1/users/me");
        assertThat(control.status()).as("the real claims re-signed with the stack's key are accepted: %s", control)
                .isEqualTo(200);

        Instant now = Instant.now();
        Map<String, String> forged = new LinkedHashMap<>();
        forged.put("alg none", unsigned(real));
        RSAKey stranger = new RSAKeyGenerator(2048).keyID(key.kid()).generate();
        SignedJWT strangers = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.kid())
                .type(JOSEObjectType.JWT).build(), real);
        strangers.sign(new RSASSASigner(stranger));
        forged.put("wrong key (same kid)", strangers.serialize());
        forged.put("HS256 with the public key as secret", key.hmacConfusion(real));
        forged.put("other audience", key.sign(new JWTClaimsSet.Builder(real).audience("someone-else").build(),
                JWSAlgorithm.RS256));
        forged.put("other issuer", key.sign(new JWTClaimsSet.Builder(real).issuer("https://evil.example").build(),
                JWSAlgorithm.RS256));
        forged.put("expired", key.sign(new JWTClaimsSet.Builder(real).issueTime(Date.from(now.minusSeconds(7200)))
                .notBeforeTime(Date.from(now.minusSeconds(7200))).expirationTime(Date.from(now.minusSeconds(3600)))
                .build(), JWSAlgorithm.RS256));
        forged.put("role raised, signature kept", tamperedRole(owner.tutor().token(), "admin"));

        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Op op : protectedOperations()) {
            for (Map.Entry<String, String> token : forged.entrySet()) {
                ApiResponse r = sendBlind(op, token.getValue());
                checked++;
                if (r.status() != 401 || !r.isProblem()) {
                    wrong.add(token.getKey() + ": " + op.key() + " -> " + r.status() + " " + r);
                }
            }
        }
        System.out.println("[authz] forged tokens: " + checked + " requests (" + forged.size() + " kinds)");
        assertThat(wrong).isEmpty();
    }

    // ------------------------------------------------------------------------------------------------ the tables

    /**
     * How each operation is exercised against the owner family's objects. Path variables get real ids; link
     * operations name the other family's member where that is what an attacker would try; GETs with id-like query
     * parameters are tried once per parameter.
     */
    private Map<String, Target> targets() {
        long tutor = owner.tutor().id();
        long student = owner.student().id();
        long parent = owner.parent().id();
        long lesson = objects.lesson();
        long homework = objects.homework();
        Map<String, Long> studentPath = Map.of("studentId", student);
        Map<String, Target> t = new LinkedHashMap<>();
        // user-service
        t.put("POST /api/v1/users", body(Map.of(), () -> json(Map.of("role", "parent", "full_name",
                "Чужой Родитель", "student_ids", List.of(student)))));
        t.put("GET /api/v1/users/by-telegram/{telegramId}", read(Map.of("telegramId",
                owner.student().telegramId())));
        t.put("GET /api/v1/users/{id}", read(Map.of("id", student)));
        t.put("PATCH /api/v1/users/{id}", body(Map.of("id", student), () -> json(Map.of("full_name",
                "Переименован Чужим"))));
        t.put("DELETE /api/v1/users/{id}", read(Map.of("id", student)));
        t.put("POST /api/v1/users/{id}/access-code", read(Map.of("id", student)));
        t.put("GET /api/v1/users/{id}/children", read(Map.of("id", parent)));
        t.put("GET /api/v1/users/{id}/parents", read(Map.of("id", student)));
        t.put("GET /api/v1/users/{id}/tutors", read(Map.of("id", student)));
        t.put("GET /api/v1/users/{id}/students", read(Map.of("id", tutor)));
        t.put("PUT /api/v1/users/{studentId}/parents/{parentId}", read(Map.of("studentId", student, "parentId",
                other.parent().id())));
        t.put("DELETE /api/v1/users/{studentId}/parents/{parentId}", read(Map.of("studentId", student, "parentId",
                parent)));
        t.put("PUT /api/v1/users/{studentId}/tutors/{tutorId}", read(Map.of("studentId", student, "tutorId",
                other.tutor().id())));
        t.put("DELETE /api/v1/users/{studentId}/tutors/{tutorId}", read(Map.of("studentId", student, "tutorId",
                tutor)));
        // lesson-service
        t.put("POST /api/v1/lessons", body(Map.of(), () -> json(families.lessonBody(student, "Чужой урок"))));
        t.put("GET /api/v1/lessons", new Target(Map.of(), List.of(Map.of("student_id", student),
                Map.of("tutor_id", tutor)), null, false, false));
        t.put("GET /api/v1/lessons/{id}", read(Map.of("id", lesson)));
        t.put("PATCH /api/v1/lessons/{id}", body(Map.of("id", lesson), () -> json(Map.of("topic", "Чужая тема"))));
        t.put("DELETE /api/v1/lessons/{id}", read(Map.of("id", lesson)));
        t.put("PUT /api/v1/lessons/{id}/attendance", body(Map.of("id", lesson), () -> json(Map.of("status",
                "attended"))));
        t.put("POST /api/v1/lessons/{id}/cancel", body(Map.of("id", lesson), () -> json(Map.of("reason",
                "Отменено чужим"))));
        t.put("POST /api/v1/lessons/{id}/reschedule", body(Map.of("id", lesson), () -> json(Map.of("start_at",
                families.nextSlot().toString()))));
        t.put("PUT /api/v1/lessons/{id}/mastery", body(Map.of("id", lesson), () -> json(Map.of("level",
                "mastered"))));
        t.put("GET /api/v1/schedules", new Target(Map.of(), List.of(Map.of("student_id", student)), null, false,
                false));
        t.put("GET /api/v1/schedules/{studentId}", new Target(studentPath, List.of(Map.of(),
                Map.of("tutor_id", tutor)), null, false, false));
        t.put("PUT /api/v1/schedules/{studentId}", body(studentPath, () -> json(Map.of("slots", List.of(Map.of(
                "weekday", "friday", "time", "21:00", "duration_minutes", 45))))));
        t.put("DELETE /api/v1/schedules/{studentId}", new Target(studentPath, List.of(Map.of(),
                Map.of("tutor_id", tutor)), null, false, false));
        t.put("POST /api/v1/schedules/{studentId}/materialise", new Target(studentPath, List.of(Map.of(),
                Map.of("tutor_id", tutor)), null, false, false));
        // No id: admin and services only; a tutor materialising everyone's templates would change the owner's lessons.
        t.put("POST /api/v1/schedules/materialise", read(Map.of()));
        t.put("POST /api/v1/calendar/feeds", body(Map.of(), () -> json(Map.of("student_id", student))));
        t.put("GET /api/v1/calendar/feeds/{id}", read(Map.of("id", objects.feed())));
        t.put("DELETE /api/v1/calendar/feeds/{id}", read(Map.of("id", objects.feed())));
        // homework-service
        t.put("POST /api/v1/homework", body(Map.of(), () -> json(Map.of("lesson_id", lesson, "description",
                "Чужое задание", "deadline", families.nextSlot().plusDays(2).toString()))));
        t.put("GET /api/v1/homework", new Target(Map.of(), List.of(Map.of("student_id", student),
                Map.of("tutor_id", tutor), Map.of("lesson_id", lesson)), null, false, false));
        t.put("GET /api/v1/homework/{id}", read(Map.of("id", homework)));
        t.put("PATCH /api/v1/homework/{id}", body(Map.of("id", homework), () -> json(Map.of("description",
                "Изменено чужим"))));
        t.put("DELETE /api/v1/homework/{id}", read(Map.of("id", homework)));
        t.put("POST /api/v1/homework/{id}/submission", body(Map.of("id", homework), () -> json(Map.of("text",
                "Чужой ответ"))));
        t.put("GET /api/v1/homework/{id}/submission", read(Map.of("id", homework)));
        t.put("DELETE /api/v1/homework/{id}/submission", read(Map.of("id", homework)));
        t.put("POST /api/v1/homework/{id}/accept", body(Map.of("id", homework), () -> json(Map.of("comment",
                "Принято чужим"))));
        t.put("POST /api/v1/homework/{id}/return", body(Map.of("id", homework), () -> json(Map.of("comment",
                "Возвращено чужим"))));
        t.put("POST /api/v1/homework/{id}/attachments", new Target(Map.of("id", homework), List.of(Map.of()), null,
                true, false));
        t.put("GET /api/v1/homework/{id}/attachments/{attachmentId}", read(Map.of("id", homework,
                "attachmentId", objects.attachment())));
        t.put("DELETE /api/v1/homework/{id}/attachments/{attachmentId}", read(Map.of("id", homework,
                "attachmentId", objects.attachment())));
        // payment-service
        t.put("GET /api/v1/balances/{studentId}", read(studentPath));
        t.put("GET /api/v1/balances/{studentId}/statement", new Target(studentPath, List.of(Map.of(),
                Map.of("tutor_id", tutor)), null, false, false));
        t.put("PUT /api/v1/prices/{studentId}", body(studentPath, () -> json(Map.of("amount", "1.00"))));
        t.put("GET /api/v1/prices/{studentId}", new Target(studentPath, List.of(Map.of(),
                Map.of("tutor_id", tutor)), null, false, false));
        t.put("DELETE /api/v1/prices/{studentId}", new Target(studentPath, List.of(Map.of(),
                Map.of("tutor_id", tutor)), null, false, false));
        t.put("POST /api/v1/payments", new Target(Map.of(), List.of(Map.of()), () -> json(Map.of("student_id",
                student, "lessons_paid", 50, "amount", "1.00")), false, true));
        t.put("GET /api/v1/payments", new Target(Map.of(), List.of(Map.of("student_id", student),
                Map.of("tutor_id", tutor)), null, false, false));
        t.put("GET /api/v1/payments/{id}", read(Map.of("id", objects.payment())));
        t.put("POST /api/v1/payments/{id}/void", body(Map.of("id", objects.payment()), () -> json(Map.of("reason",
                "Аннулировано чужим"))));
        // notification-service: messages and broadcasts
        t.put("POST /api/v1/messages", body(Map.of(), () -> json(Map.of("to_user_id", student, "text",
                "Чужое сообщение"))));
        t.put("GET /api/v1/messages/{id}", read(Map.of("id", objects.message())));
        t.put("GET /api/v1/messages/conversations/{id}", read(Map.of("id", objects.conversation())));
        t.put("GET /api/v1/broadcasts/{id}", read(Map.of("id", objects.broadcast())));
        t.put("POST /api/v1/broadcasts/{id}/cancel", read(Map.of("id", objects.broadcast())));
        // notification-service
        t.put("GET /api/v1/notifications/preferences", new Target(Map.of(), List.of(Map.of("user_id", student)),
                null, false, false));
        t.put("PATCH /api/v1/notifications/preferences", new Target(Map.of(), List.of(Map.of("user_id", student)),
                () -> json(Map.of("kinds", Map.of("lesson_reminder_24h", Map.of("enabled", false)))), false, false));
        t.put("GET /api/v1/notifications/history", new Target(Map.of(), List.of(Map.of("user_id", student),
                Map.of("user_id", parent)), null, false, false));
        // achievement-service
        t.put("GET /api/v1/achievements/students/{id}", read(Map.of("id", student)));
        t.put("GET /api/v1/achievements/students/{id}/achievements", read(Map.of("id", student)));
        t.put("GET /api/v1/achievements/students/{id}/points-history", read(Map.of("id", student)));
        t.put("GET /api/v1/achievements/leaderboard", new Target(Map.of(), List.of(Map.of("tutor_id", tutor)), null,
                false, false));
        // material-service: the owner tutor's material, its file, and its attachment to the owner's lesson
        Map<String, Long> material = Map.of("id", objects.material());
        Map<String, Long> materialFile = Map.of("id", objects.material(), "fileId", objects.materialFile());
        t.put("GET /api/v1/materials", new Target(Map.of(), List.of(Map.of("lesson_id", lesson),
                Map.of("homework_id", homework)), null, false, false));
        t.put("GET /api/v1/materials/{id}", read(material));
        t.put("PUT /api/v1/materials/{id}", body(material, () -> json(Map.of("title", "Изменено чужим"))));
        t.put("DELETE /api/v1/materials/{id}", read(material));
        t.put("POST /api/v1/materials/{id}/files", new Target(material, List.of(Map.of()), null, true, false));
        t.put("GET /api/v1/materials/{id}/files/{fileId}", read(materialFile));
        t.put("DELETE /api/v1/materials/{id}/files/{fileId}", read(materialFile));
        t.put("PUT /api/v1/materials/{id}/files/{fileId}/telegram-file-id", body(materialFile,
                () -> json(Map.of("telegram_file_id", "chuzhoj-file-id"))));
        t.put("POST /api/v1/materials/{id}/attachments", body(material, () -> json(Map.of("lesson_id", lesson))));
        t.put("GET /api/v1/materials/{id}/attachments", read(material));
        t.put("DELETE /api/v1/materials/{id}/attachments/{attachmentId}", read(Map.of("id", objects.material(),
                "attachmentId", objects.materialAttachment())));
        return t;
    }

    /**
     * Everything the owner family can read about its objects, as one text: equal before and after an operation
     * means the other callers changed nothing.
     */
    private String snapshot() {
        ApiClient tutor = owner.tutor().api(scenario.stack());
        long s = owner.student().id();
        long h = objects.homework();
        List<String> reads = List.of("/api/v1/users/" + s, "/api/v1/users/" + s + "/parents",
                "/api/v1/users/" + s + "/tutors", "/api/v1/users/" + owner.parent().id(),
                "/api/v1/users/" + owner.parent().id() + "/children", "/api/v1/users/" + owner.tutor().id()
                        + "/students?size=100",
                "/api/v1/lessons?student_id=" + s + "&size=100", "/api/v1/schedules/" + s,
                "/api/v1/homework?student_id=" + s + "&size=100", "/api/v1/homework/" + h + "/submission",
                "/api/v1/homework/" + h + "/attachments/" + objects.attachment(),
                "/api/v1/payments?student_id=" + s + "&size=100", "/api/v1/balances/" + s,
                "/api/v1/prices/" + s, "/api/v1/calendar/feeds", "/api/v1/materials/" + objects.material(),
                "/api/v1/materials/" + objects.material() + "/attachments");
        StringBuilder text = new StringBuilder();
        for (String read : reads) {
            ApiResponse r = tutor.get(read);
            text.append(read).append(" -> ").append(r.status()).append(' ').append(r.body()).append('\n');
        }
        text.append("student's own feeds -> ").append(owner.student().api(scenario.stack())
                .get("/api/v1/calendar/feeds").body()).append('\n');
        return text.toString();
    }

    // ------------------------------------------------------------------------------------------------ the people

    private synchronized void prepare() {
        if (families == null) {
            families = Families.create(scenario);
            owner = families.owner();
            other = families.other();
            objects = families.objects();
        }
    }

    // ---------------------------------------------------------------------------------------------- the requests

    private List<Op> protectedOperations() {
        return OpenApiOperations.all(scenario.anonymous()).stream()
                .filter(op -> !op.path().startsWith("/internal/") && !op.isPublic()).toList();
    }

    /** A request whose ids are the owner's real ones where the matrix knows them, any number otherwise. */
    private ApiResponse sendBlind(Op op, String token) {
        Target target = targets().get(op.key());
        String path = op.fill(name -> target != null && target.path().containsKey(name)
                ? Long.toString(target.path().get(name)) : Long.toString(owner.student().id()));
        if (target == null) {
            ApiClient client = scenario.stack().gateway();
            return (token == null ? client : client.withToken(token)).sendRaw(op.method(), path,
                    op.method().equals("GET") || op.method().equals("DELETE") ? null : "{}");
        }
        return send(op, target, path + query(target.queries().getFirst()), token);
    }

    private ApiResponse send(Op op, Target target, String url, String token) {
        if (target.multipart()) {
            return Families.multipart(token, url);
        }
        ApiClient client = scenario.stack().gateway();
        if (token != null) {
            client = client.withToken(token);
        }
        if (target.idempotencyKey()) {
            client = client.withHeader("Idempotency-Key", UUID.randomUUID().toString());
        }
        return client.sendRaw(op.method(), url, target.body() == null ? null : target.body().get());
    }

    private static String query(Map<String, Long> query) {
        if (query.isEmpty()) {
            return "";
        }
        return "?" + query.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("&"));
    }

    private static Target read(Map<String, Long> path) {
        return new Target(path, List.of(Map.of()), null, false, false);
    }

    private static Target body(Map<String, Long> path, Supplier<String> body) {
        return new Target(path, List.of(Map.of()), body, false, false);
    }

    private static String json(Object value) {
        return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(value);
    }

    // ------------------------------------------------------------------------------------------------ the tokens

    /** The stack's active signing key, from auth-service's own table in this run's database. */
    private SigningKey signingKey() throws Exception {
        try (var connection = scenario.stack().database(); var statement = connection.createStatement();
                var rs = statement.executeQuery("SELECT kid, private_key FROM auth.signing_key "
                        + "WHERE retired_at IS NULL ORDER BY created_at DESC LIMIT 1")) {
            assertThat(rs.next()).as("auth-service's active signing key").isTrue();
            String pem = rs.getString("private_key").replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
            return new SigningKey(rs.getString("kid"), key);
        }
    }

    private record SigningKey(String kid, PrivateKey key) {

        String sign(JWTClaimsSet claims, JWSAlgorithm algorithm) throws Exception {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(kid).type(JOSEObjectType.JWT)
                    .build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        }

        /** HS256 keyed with the public key's modulus: the classic algorithm confusion. */
        String hmacConfusion(JWTClaimsSet claims) throws Exception {
            var crt = (java.security.interfaces.RSAPrivateCrtKey) key;
            byte[] modulus = crt.getModulus().toByteArray();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(kid).build(), claims);
            jwt.sign(new MACSigner(modulus.length >= 32 ? modulus : java.util.Arrays.copyOf(modulus, 32)));
            return jwt.serialize();
        }
    }

    private static String unsigned(JWTClaimsSet claims) {
        return Base64URL.encode("{\"alg\":\"none\",\"typ\":\"JWT\"}").toString() + "."
                + Base64URL.encode(claims.toString()).toString() + ".";
    }

    /** The real token with its role claim changed and its signature left as it was. */
    private static String tamperedRole(String token, String role) throws Exception {
        String[] parts = token.split("\\.");
        JWTClaimsSet claims = new JWTClaimsSet.Builder(JWTClaimsSet.parse(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8))).claim("role", role)
                .build();
        return parts[0] + "." + Base64URL.encode(claims.toString()) + "." + parts[2];
    }
}
