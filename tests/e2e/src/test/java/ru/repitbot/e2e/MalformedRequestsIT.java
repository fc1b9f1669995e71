package ru.repitbot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import ru.repitbot.testsupport.RawHttp;
import ru.repitbot.testsupport.ApiClient;
import ru.repitbot.testsupport.ApiClient.ApiResponse;

/**
 * Whatever a client sends, the answer is a 4xx problem (RFC 9457), never a 5xx: bad JSON, wrong types, missing
 * fields, huge strings, unknown ids, bad enum values, bad paging, bad tokens. None of these sends a well-formed
 * but wrong access code (that would count towards the login lock-out).
 */
@Order(5)
@ExtendWith(StackExtension.class)
class MalformedRequestsIT {

    private static final String HUGE = "Щ".repeat(200_000);
    private static final String DEEP = "[".repeat(5_000) + "]".repeat(5_000);

    private final Scenario scenario;

    MalformedRequestsIT(Scenario scenario) {
        this.scenario = scenario;
    }

    /** Who sends the request. */
    enum As { ANONYMOUS, ADMIN, TUTOR, PARENT }

    record Call(As as, Function<ApiClient, ApiResponse> send) {
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                // login: JSON, types, fields, sizes, formats
                c("login: not JSON", As.ANONYMOUS, a -> a.sendRaw("POST", "/api/v1/auth/login", "{\"access_code\": ")),
                c("login: JSON array", As.ANONYMOUS, a -> a.sendRaw("POST", "/api/v1/auth/login", "[1,2,3]")),
                c("login: empty body", As.ANONYMOUS, a -> a.sendRaw("POST", "/api/v1/auth/login", "")),
                c("login: missing fields", As.ANONYMOUS, a -> a.sendRaw("POST", "/api/v1/auth/login", "{}")),
                c("login: telegram_id a string", As.ANONYMOUS, a -> a.sendRaw("POST", "/api/v1/auth/login",
                        "{\"access_code\":\"ABCD12\",\"telegram_id\":\"abc\"}")),
                c("login: telegram_id negative", As.ANONYMOUS, a -> a.post("/api/v1/auth/login",
                        Map.of("access_code", "ABCD12", "telegram_id", -5))),
                c("login: telegram_id overflows a long", As.ANONYMOUS, a -> a.sendRaw("POST", "/api/v1/auth/login",
                        "{\"access_code\":\"ABCD12\",\"telegram_id\":123456789012345678901234567890}")),
                c("login: access_code an object", As.ANONYMOUS, a -> a.sendRaw("POST", "/api/v1/auth/login",
                        "{\"access_code\":{\"x\":1},\"telegram_id\":5}")),
                c("login: access_code with symbols", As.ANONYMOUS, a -> a.post("/api/v1/auth/login",
                        Map.of("access_code", "../../etc/passwd", "telegram_id", 5))),
                c("login: huge access_code", As.ANONYMOUS, a -> a.post("/api/v1/auth/login",
                        Map.of("access_code", HUGE, "telegram_id", 5))),
                c("login: form instead of JSON", As.ANONYMOUS, a -> a.withHeader("Content-Type", "text/plain")
                        .sendRaw("POST", "/api/v1/auth/login", "access_code=ABCD12")),
                c("refresh: made-up token", As.ANONYMOUS, a -> a.post("/api/v1/auth/refresh",
                        Map.of("refresh_token", "not-a-real-refresh-token"))),
                c("token: unknown grant type", As.ANONYMOUS, a -> a.post("/api/v1/auth/token",
                        Map.of("grant_type", "password", "client_id", "x", "client_secret", "y"))),
                c("garbage bearer token", As.ANONYMOUS, a -> a.withToken("garbage.token.here").get("/api/v1/users/me")),
                // users: JSON, types, enums, sizes, ids, paging
                c("create user: not JSON", As.ADMIN, a -> a.sendRaw("POST", "/api/v1/users", "{role: tutor")),
                c("create user: deeply nested JSON", As.ADMIN, a -> a.sendRaw("POST", "/api/v1/users", DEEP)),
                c("create user: unknown role", As.ADMIN, a -> a.post("/api/v1/users",
                        Map.of("role", "superuser", "full_name", "Кто-то"))),
                c("create user: role missing", As.ADMIN, a -> a.post("/api/v1/users", Map.of("full_name", "Без роли"))),
                c("create user: blank name", As.TUTOR, a -> a.post("/api/v1/users",
                        Map.of("role", "student", "full_name", "  "))),
                c("create user: huge name", As.TUTOR, a -> a.post("/api/v1/users",
                        Map.of("role", "student", "full_name", HUGE))),
                c("create user: grade a word", As.TUTOR, a -> a.sendRaw("POST", "/api/v1/users",
                        "{\"role\":\"student\",\"full_name\":\"Ученик\",\"grade\":\"nine\"}")),
                c("create user: grade 99", As.TUTOR, a -> a.post("/api/v1/users",
                        Map.of("role", "student", "full_name", "Ученик", "grade", 99))),
                c("create user: unknown time zone", As.TUTOR, a -> a.post("/api/v1/users",
                        Map.of("role", "student", "full_name", "Ученик", "time_zone", "Mars/Olympus_Mons"))),
                c("create user: bad username", As.TUTOR, a -> a.post("/api/v1/users",
                        Map.of("role", "student", "full_name", "Ученик", "username", "a b;drop"))),
                c("create parent: negative student id", As.TUTOR, a -> a.post("/api/v1/users",
                        Map.of("role", "parent", "full_name", "Родитель", "student_ids", List.of(-1)))),
                c("create parent: unknown student", As.TUTOR, a -> a.post("/api/v1/users",
                        Map.of("role", "parent", "full_name", "Родитель", "student_ids", List.of(987_654_321)))),
                c("create student: tutor_ids strings", As.ADMIN, a -> a.sendRaw("POST", "/api/v1/users",
                        "{\"role\":\"student\",\"full_name\":\"Ученик\",\"tutor_ids\":[\"x\"]}")),
                c("get user: id not a number", As.ADMIN, a -> a.get("/api/v1/users/abc")),
                c("get user: id overflows", As.ADMIN, a -> a.get("/api/v1/users/99999999999999999999999")),
                c("get user: unknown id", As.ADMIN, a -> a.get("/api/v1/users/987654321")),
                c("list users: negative page", As.ADMIN, a -> a.get("/api/v1/users?page=-1")),
                c("list users: size 100000", As.ADMIN, a -> a.get("/api/v1/users?size=100000")),
                c("list users: page a word", As.ADMIN, a -> a.get("/api/v1/users?page=first")),
                c("list users: unknown role", As.ADMIN, a -> a.get("/api/v1/users?role=wizard")),
                // paging far beyond any list: a 400 naming page, never an offset that overflows (was a 500)
                c("list users: page 99999999", As.ADMIN, a -> a.get("/api/v1/users?page=99999999")),
                c("list users: page 2147483647 size 100", As.ADMIN,
                        a -> a.get("/api/v1/users?page=2147483647&size=100")),
                c("list lessons: page 99999999", As.TUTOR, a -> a.get("/api/v1/lessons?page=99999999")),
                c("list homework: page 99999999", As.TUTOR, a -> a.get("/api/v1/homework?page=99999999")),
                c("list payments: page 99999999", As.TUTOR, a -> a.get("/api/v1/payments?page=99999999")),
                c("update user: grade a word", As.ADMIN, a -> a.sendRaw("PATCH", "/api/v1/users/987654321",
                        "{\"grade\":\"x\"}")),
                c("delete user: unknown id", As.ADMIN, a -> a.delete("/api/v1/users/987654321")),
                c("reset code: unknown id", As.ADMIN, a -> a.post("/api/v1/users/987654321/access-code", null)),
                c("link parent: unknown users", As.TUTOR, a -> a.put("/api/v1/users/987654321/parents/987654322", null)),
                c("children of a parent as parent: foreign id", As.PARENT, a -> a.get("/api/v1/users/1/children")),
                c("unknown route", As.ADMIN, a -> a.get("/api/v1/no-such-thing")),
                c("internal route from outside", As.ADMIN, a -> a.post("/internal/v1/access-codes/verify",
                        Map.of("access_code", "ABCD12", "telegram_id", 5))));
    }

    private static Arguments c(String name, As as, Function<ApiClient, ApiResponse> send) {
        return Arguments.of(Named.of(name, new Call(as, send)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void isA4xxProblemNeverA5xx(Call call) {
        ApiClient client = switch (call.as()) {
            case ANONYMOUS -> scenario.anonymous();
            case ADMIN -> scenario.admin().api(scenario.stack());
            case TUTOR -> scenario.world().tutorA().api(scenario.stack());
            case PARENT -> scenario.world().parentA().api(scenario.stack());
        };
        ApiResponse response = call.send().apply(client);
        assertThat(response.status()).as("%s", response).isBetween(400, 499);
        assertThat(response.isProblem()).as("problem+json, was %s: %s", response.contentType(), response).isTrue();
        assertThat(response.json().get("status").asInt()).isEqualTo(response.status());
    }

    /** Every paged list refuses a page far beyond any list with a 400 that names {@code page}. */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"/api/v1/users", "/api/v1/lessons", "/api/v1/homework",
        "/api/v1/payments"})
    void aPageFarBeyondAnyListIsA400NamingPage(String list) {
        ApiResponse response = scenario.world().tutorA().api(scenario.stack()).get(list + "?page=99999999");
        assertThat(response.status()).as("%s", response).isEqualTo(400);
        assertThat(response.json().path("errors").get(0).path("field").asString()).as("%s", response)
                .isEqualTo("page");
    }

    /**
     * Request lines no HTTP client library would send, written to the socket: the gateway and each service answer
     * problem+json, not Tomcat's HTML page or an empty 400.
     */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"/api/v1/users/a%00b", "/api/v1/users/a%2Fb",
        "/api/v1/users/a%5Cb", "/api/v1/users;jsessionid=0123", "/api/v1/users/a%0Ab"})
    void malformedRequestLinesAreProblemJsonAtTheGatewayAndTheServices(String target) {
        int gateway = RepitbotStack.DEPLOYABLES.get("api-gateway");
        int userService = RepitbotStack.DEPLOYABLES.get("user-service");
        for (int port : new int[] {gateway, userService}) {
            RawHttp response = RawHttp.get(port, target);
            assertThat(response.status()).as("port %s: %s", port, response).isEqualTo(400);
            assertThat(response.contentType()).as("port %s: %s", port, response)
                    .startsWith("application/problem+json");
            assertThat(response.body()).contains("\"status\":400").contains("\"title\"").contains("\"detail\"");
        }
    }

    /** What only Tomcat itself refuses (before any filter): bad characters and an over-long URL, at a service. */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"/api/v1/users/a|b", "/api/v1/users?q={x}"})
    void characterRefusalsOfTomcatAreProblemJson(String target) {
        RawHttp response = RawHttp.get(RepitbotStack.DEPLOYABLES.get("lesson-service"), target);
        assertThat(response.status()).as("%s", response).isEqualTo(400);
        assertThat(response.contentType()).as("%s", response).startsWith("application/problem+json");
    }
}
