package ru.repitbot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.repitbot.testsupport.ApiClient;
import ru.repitbot.testsupport.ApiClient.ApiResponse;
import tools.jackson.databind.JsonNode;

/**
 * The API style (docs/architecture/contracts.md, "API style") over every service, through the gateway: the OpenAPI
 * documents name no {@code caller} parameter and no Spring or Java internal as a schema; every JSON body refuses a
 * field it does not know with a 400 naming it, before anything else is looked at; every creation answers 201 with a
 * {@code Location} that leads to what was created; answers carry every field their schema documents, null when
 * empty.
 */
@Order(7)
@ExtendWith(StackExtension.class)
class ApiStyleIT {

    /** The services behind the gateway, whose documents the gateway serves at /openapi/{service}.json. */
    private static final List<String> SERVICES = RepitbotStack.DEPLOYABLES.keySet().stream()
            .filter(name -> name.endsWith("-service")).toList();
    private static final String UNKNOWN_FIELD = "api_style_unknown_field";
    private static final Pattern INTERNAL_SCHEMA = Pattern.compile("ResponseEntity.*|HttpEntity.*|HttpHeaders"
            + "|HttpStatus(Code)?|HttpMethod|MediaType|ContentDisposition|HttpRange|MultipartFile|Resource"
            + "|.*InputStream|File|Path|URL|URI|Object|ProblemDetail|ModelAndView|.*Servlet.*|StreamingResponseBody"
            + "|Jwt|Authentication|CurrentUser");
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}]+)}");
    private static final Set<String> BODY_METHODS = Set.of("post", "put", "patch");
    private static final Duration EVENTUALLY = Duration.ofSeconds(30);
    /** Lessons of this class, far from TeachingCoreIT's (30 to 330 days ahead), one hour apart. */
    private static final OffsetDateTime BASE = OffsetDateTime.now(ZoneOffset.ofHours(3)).truncatedTo(ChronoUnit.DAYS)
            .plusDays(400 + ThreadLocalRandom.current().nextInt(300)).withHour(7);

    private static final AtomicInteger SLOT = new AtomicInteger();

    private final Scenario scenario;

    ApiStyleIT(Scenario scenario) {
        this.scenario = scenario;
    }

    // ------------------------------------------------------------------------------------------------ documents

    @Test
    void noDocumentNamesACallerParameterOrAnInternalSchema() {
        List<String> problems = new ArrayList<>();
        documents().forEach((service, document) -> {
            operations(document).forEach(op -> op.node().path("parameters").forEach(p -> {
                if ("caller".equals(p.path("name").asString())) {
                    problems.add(service + ": " + op + " lists a '" + p.path("in").asString() + "' parameter "
                            + "'caller' (the caller comes from the token)");
                }
            }));
            document.path("components").path("schemas").propertyNames().forEach(schema -> {
                if (INTERNAL_SCHEMA.matcher(schema).matches()) {
                    problems.add(service + ": schema " + schema + " is a Spring or Java internal, not a wire type");
                }
            });
        });
        assertThat(problems).as("documents that do not describe the API").isEmpty();
    }

    @Test
    void everyErrorAnswerIsDocumentedAsAProblem() {
        List<String> problems = new ArrayList<>();
        documents().forEach((service, document) -> operations(document).forEach(op ->
                op.node().path("responses").properties().forEach(response -> {
                    String code = response.getKey();
                    if ((code.startsWith("4") || code.startsWith("5"))
                            && !response.getValue().path("content").propertyNames()
                            .equals(Set.of("application/problem+json"))) {
                        problems.add(service + ": " + op + " answer " + code + " is documented as "
                                + response.getValue().path("content").propertyNames());
                    }
                })));
        assertThat(problems).isEmpty();
    }

    // ------------------------------------------------------------------------------------------ unknown fields

    /** Every JSON-body POST/PUT/PATCH of every document: an unknown field is a 400 naming it, before anything. */
    @TestFactory
    Stream<DynamicTest> anUnknownBodyFieldIsA400NamingItWhateverElseIsWrong() {
        List<DynamicTest> tests = new ArrayList<>();
        documents().forEach((service, document) -> operations(document).stream()
                .filter(op -> BODY_METHODS.contains(op.method()) && !op.path().startsWith("/internal/"))
                .filter(op -> takesAJsonObject(document, op))
                .forEach(op -> tests.add(DynamicTest.dynamicTest(service + ": " + op, () -> {
                    ApiClient caller = isPublic(document, op) ? scenario.anonymous()
                            : scenario.admin().api(scenario.stack());
                    ApiResponse response = patiently(() -> caller.sendRaw(op.method().toUpperCase(),
                            fill(op.path()), "{\"" + UNKNOWN_FIELD + "\": true}"));
                    assertThat(response.status()).as("%s: %s", op, response).isEqualTo(400);
                    assertThat(response.isProblem()).as("problem+json: %s", response).isTrue();
                    assertThat(response.json().path("errors").valueStream()
                            .filter(e -> UNKNOWN_FIELD.equals(e.path("field").asString()))
                            .map(e -> e.path("reason").asString()).toList())
                            .as("errors of %s", response).containsExactly("unknown field");
                }))));
        assertThat(tests).as("JSON-body operations in the documents").hasSizeGreaterThan(10);
        return tests.stream();
    }

    /** The typo of the issue that started this: it must not give a lesson of the default length. */
    @Test
    void aMistypedLessonFieldIsRefusedByNameWithTheRightSpellingInTheDetail() {
        Scenario.World w = scenario.world();
        ApiClient tutor = w.tutorA().api(scenario.stack());
        Map<String, Object> body = lessonBody(w.studentA().id(), "Опечатка");
        body.remove("duration_minutes");
        body.put("duraton_minutes", 90);
        ApiResponse response = patiently(() -> tutor.post("/api/v1/lessons", body));
        assertThat(response.status()).as("%s", response).isEqualTo(400);
        assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("duraton_minutes");
        assertThat(response.json().path("detail").asString()).contains("duration_minutes");
    }

    // ------------------------------------------------------------------------------------- 201 with Location

    @Test
    void everyCreationATutorMakesAnswers201WithALocationThatLeadsToIt() {
        Scenario.World w = scenario.world();
        ApiClient tutor = w.tutorA().api(scenario.stack());
        Map<String, JsonNode> documents = documents();
        for (String creation : List.of("/api/v1/users", "/api/v1/lessons", "/api/v1/homework", "/api/v1/payments",
                "/api/v1/calendar/feeds")) {
            assertThat(documents.values().stream().map(d -> d.path("paths").path(creation).path("post")
                    .path("responses")).filter(JsonNode::isObject).toList())
                    .as("POST %s is documented, as 201 with Location", creation)
                    .singleElement().satisfies(responses -> assertThat(responses.path("201").path("headers")
                            .has("Location")).as("%s", responses).isTrue());
        }

        JsonNode student = createdAndFollowed(tutor, "/api/v1/users",
                Map.of("role", "student", "full_name", "Ученик По Адресу", "grade", 5), "full_name");

        JsonNode lesson = createdAndFollowed(tutor, "/api/v1/lessons",
                lessonBody(w.studentA().id(), "Урок по адресу"), "topic");

        Map<String, Object> homework = Map.of("lesson_id", lesson.path("id").asLong(),
                "description", "ДЗ по адресу", "deadline", nextSlot().plusDays(3).toString());
        createdAndFollowed(tutor, "/api/v1/homework", homework, "description");

        Map<String, Object> payment = Map.of("student_id", w.studentA().id(), "lessons_paid", 2,
                "amount", "3000.00", "method", "cash");
        createdAndFollowed(tutor.withHeader("Idempotency-Key", UUID.randomUUID().toString()), "/api/v1/payments",
                payment, "lessons_paid");

        createdAndFollowed(tutor, "/api/v1/calendar/feeds", Map.of("student_id", w.studentA().id()), "id");

        assertThat(student.path("role").asString()).isEqualTo("student");
    }

    // --------------------------------------------------------------------------------------- nulls are present

    @Test
    void answersCarryEveryDocumentedFieldWithNullWhenEmpty() {
        Scenario.World w = scenario.world();
        ApiClient tutor = w.tutorA().api(scenario.stack());
        Map<String, JsonNode> documents = documents();

        long studentId = created(tutor, "/api/v1/users", Map.of("role", "student", "full_name", "Пустые Поля"))
                .path("id").asLong();
        JsonNode user = everyDocumentedField(documents.get("user-service"), "/api/v1/users/{id}",
                read(tutor, "/api/v1/users/" + studentId));
        assertNull(user, "telegram_id", "username", "grade");

        long lessonId = created(tutor, "/api/v1/lessons", lessonBody(w.studentA().id(), "Поля урока"))
                .path("id").asLong();
        JsonNode lesson = everyDocumentedField(documents.get("lesson-service"), "/api/v1/lessons/{id}",
                read(tutor, "/api/v1/lessons/" + lessonId));
        assertNull(lesson, "mastery_comment", "cancellation_reason");

        long paymentId = created(tutor.withHeader("Idempotency-Key", UUID.randomUUID().toString()),
                "/api/v1/payments", Map.of("student_id", w.studentA().id(), "lessons_paid", 1)).path("id").asLong();
        JsonNode payment = everyDocumentedField(documents.get("payment-service"), "/api/v1/payments/{id}",
                read(tutor, "/api/v1/payments/" + paymentId));
        assertNull(payment, "comment");
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** One operation of a document. */
    private record Op(String path, String method, JsonNode node) {
        @Override
        public String toString() {
            return method.toUpperCase() + " " + path;
        }
    }

    private Map<String, JsonNode> documents() {
        Map<String, JsonNode> documents = new LinkedHashMap<>();
        for (String service : SERVICES) {
            ApiResponse response = patiently(() -> scenario.anonymous().get("/openapi/" + service + ".json"));
            assertThat(response.status()).as("%s document: %s", service, response).isEqualTo(200);
            documents.put(service, response.json());
        }
        return documents;
    }

    private static List<Op> operations(JsonNode document) {
        List<Op> operations = new ArrayList<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
            if (method.getValue().isObject() && method.getValue().has("responses")) {
                operations.add(new Op(path.getKey(), method.getKey(), method.getValue()));
            }
        }));
        return operations;
    }

    /** A JSON body that is an object of named fields (a free-form map takes any field and is left out). */
    private static boolean takesAJsonObject(JsonNode document, Op op) {
        JsonNode schema = resolve(document, op.node().path("requestBody").path("content").path("application/json")
                .path("schema"));
        JsonNode additional = schema.path("additionalProperties");
        return schema.path("properties").isObject() && !schema.path("properties").isEmpty()
                && (additional.isMissingNode() || additional.isBoolean() && !additional.asBoolean());
    }

    private static boolean isPublic(JsonNode document, Op op) {
        JsonNode security = op.node().has("security") ? op.node().path("security") : document.path("security");
        return security.valueStream().allMatch(JsonNode::isEmpty);
    }

    /** Path variables filled with an id that exists (student A's) or a word; the 400 must come before either. */
    private String fill(String path) {
        Matcher m = PATH_VARIABLE.matcher(path);
        StringBuilder filled = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(filled, Long.toString(scenario.world().studentA().id()));
        }
        return m.appendTail(filled).toString();
    }

    private static JsonNode resolve(JsonNode document, JsonNode node) {
        String ref = node.path("$ref").asString("");
        if (!ref.startsWith("#/")) {
            return node;
        }
        JsonNode target = document;
        for (String part : ref.substring(2).split("/")) {
            target = target.path(part);
        }
        return target;
    }

    /** POST → 201 with a Location path; GET of that path → 200 with the same object. */
    private JsonNode createdAndFollowed(ApiClient caller, String path, Map<String, Object> body, String sameField) {
        ApiResponse created = createdResponse(caller, path, body);
        String location = created.header("Location");
        assertThat(location).as("Location of POST %s: %s", path, created).isNotNull()
                .startsWith("/api/v1/").endsWith("/" + created.json().path("id").asLong());
        ApiResponse followed = patiently(() -> caller.get(location));
        assertThat(followed.status()).as("GET %s: %s", location, followed).isEqualTo(200);
        assertThat(followed.json().path("id").asLong()).isEqualTo(created.json().path("id").asLong());
        assertThat(followed.json().path(sameField)).as("%s of %s", sameField, location)
                .isEqualTo(created.json().path(sameField));
        return followed.json();
    }

    private JsonNode created(ApiClient caller, String path, Map<String, Object> body) {
        return createdResponse(caller, path, body).json();
    }

    /** POST, waiting while the service has not yet learned of the student or lesson from events (404). */
    private static ApiResponse createdResponse(ApiClient caller, String path, Map<String, Object> body) {
        ApiResponse created = await().atMost(EVENTUALLY).until(() -> patiently(() -> caller.post(path, body)),
                r -> r.status() != 404);
        assertThat(created.status()).as("POST %s: %s", path, created).isEqualTo(201);
        return created;
    }

    private static JsonNode read(ApiClient caller, String path) {
        ApiResponse response = patiently(() -> caller.get(path));
        assertThat(response.status()).as("GET %s: %s", path, response).isEqualTo(200);
        return response.json();
    }

    /** Asserts that {@code answer} has every field the 200 schema of GET {@code path} documents. */
    private static JsonNode everyDocumentedField(JsonNode document, String path, JsonNode answer) {
        JsonNode schema = resolve(document, document.path("paths").path(path).path("get").path("responses")
                .path("200").path("content").path("application/json").path("schema"));
        assertThat(schema.path("properties").propertyNames()).as("documented fields of GET %s", path).isNotEmpty();
        assertThat(answer.propertyNames()).as("GET %s carries every documented field", path)
                .containsAll(schema.path("properties").propertyNames());
        return answer;
    }

    /** Fields that are empty in {@code answer}: present, as null. */
    private static void assertNull(JsonNode answer, String... fields) {
        assertThat(answer.propertyNames()).as("fields that are empty here, in %s", answer).contains(fields);
        for (String field : fields) {
            assertThat(answer.get(field).isNull()).as("%s present as null in %s", field, answer).isTrue();
        }
    }

    private static Map<String, Object> lessonBody(long studentId, String topic) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("student_id", studentId);
        body.put("topic", topic);
        body.put("start_at", nextSlot().toString());
        body.put("duration_minutes", 45);
        return body;
    }

    private static OffsetDateTime nextSlot() {
        return BASE.plusHours(SLOT.incrementAndGet());
    }

    /** The gateway limits each caller to a number of requests a minute: wait out a 429 rather than fail on it. */
    private static ApiResponse patiently(Supplier<ApiResponse> request) {
        ApiResponse response = request.get();
        for (int attempt = 0; response.status() == 429 && attempt < 5; attempt++) {
            long seconds = 5;
            try {
                seconds = Math.min(60, Math.max(1, Long.parseLong(response.header("Retry-After"))));
            } catch (RuntimeException ignored) {
                // no or odd Retry-After: a short wait
            }
            try {
                Thread.sleep(Duration.ofSeconds(seconds));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return response;
            }
            response = request.get();
        }
        return response;
    }
}
