package ru.repitbot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.repitbot.e2e.OpenApiOperations.Op;
import ru.repitbot.testsupport.ApiClient;
import ru.repitbot.testsupport.ApiClient.ApiResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Malformed input generated from the OpenAPI documents, for every documented operation, through the gateway, as a
 * caller who may use it (the owner tutor of a family of its own; the student where only a student may): broken JSON,
 * each required field missing, each field with the wrong type (a string for a number, an object, an array, a number
 * that overflows), odd strings (NUL, an RTL override, a lone surrogate, 100 kB), bad ids in the path, bad query
 * values, the wrong content type. No answer is a 5xx; every 4xx is {@code application/problem+json} with its status;
 * a 400 caused by one field, parameter or path variable names it in {@code errors[].field}; a read is never a 409
 * (nothing it sends can collide with data). Prints a summary.
 * MalformedRequestsIT keeps the hand-picked cases these do not generate (deep nesting, logins, bad tokens).
 */
@Order(12)
@ExtendWith(StackExtension.class)
class GeneratedMalformedInputIT {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String BIG = "Ж".repeat(50_000); // 100 kB in UTF-8
    /** Odd strings: each must be refused or kept, never a failure. A lone surrogate is sent as its JSON escape. */
    private static final Map<String, String> ODD_STRINGS = Map.of(
            "NUL", "\"a\\u0000b\"",
            "RTL override", "\"\\u202eabc\"",
            "lone surrogate", "\"\\ud800\"",
            "100 kB", "\"" + BIG + "\"");
    /** ProblemDetailsAdvice's answer to a database constraint (a service's own 409s say what collided). */
    private static final String GENERIC_CONFLICT = "The change conflicts with existing data";
    private static final List<String> BAD_IDS = List.of("0", "-1", "9223372036854775808", "abc", "1e3");
    private static final List<String> BAD_QUERY_VALUES = List.of("abc", "", "-1", "0", "99999999",
            "9223372036854775808", "1e3", "%00", "%E2%80%AE");
    /** Operations only a student may use: called as the family's student, others as its tutor. */
    private static final Set<String> AS_STUDENT = Set.of("POST /api/v1/homework/{id}/submission",
            "DELETE /api/v1/homework/{id}/submission");

    /**
     * Logins are left to MalformedRequestsIT's hand-picked cases: every well-formed wrong code counts against the
     * caller's address (docs/domain/users-and-access.md#login), and hundreds of generated ones would lock
     * out 127.0.0.1 for the suite's later classes (LoginLockoutIT counts from a fresh address).
     */
    private static final Set<String> NOT_GENERATED = Set.of("POST /api/v1/auth/login");

    private final Scenario scenario;

    GeneratedMalformedInputIT(Scenario scenario) {
        this.scenario = scenario;
    }

    /** One generated request: what it is, the field/parameter at fault (null: none in particular), the answer. */
    private record Case(String op, String what, String field, ApiResponse response) {
    }

    @Test
    void noMalformedRequestIsA5xxAndEvery4xxIsAProblemNamingTheField() {
        Families families = Families.create(scenario);
        List<Op> operations = OpenApiOperations.all(scenario.anonymous());
        List<Case> cases = new ArrayList<>();
        for (Op op : operations) {
            if (NOT_GENERATED.contains(op.key())) {
                continue;
            }
            ApiClient caller = op.isPublic() ? scenario.anonymous()
                    : families.api(AS_STUDENT.contains(op.key()) ? families.owner().student() : families.owner().tutor());
            Function<String, String> realIds = name -> Long.toString(realId(families, op, name));
            String path = op.fill(realIds);
            ObjectNode base = op.jsonBody().isMissingNode() ? null : base(families, op.document(), op.jsonBody());

            // Bad ids in the path, one variable at a time, the others real.
            for (String variable : op.pathVariables()) {
                for (String bad : BAD_IDS) {
                    String url = op.fill(name -> name.equals(variable) ? bad : realIds.apply(name));
                    cases.add(new Case(op.key(), "path " + variable + "=" + bad, variable,
                            caller.sendRaw(op.method(), url, base == null ? null : base.toString())));
                }
            }
            // Bad values of each documented query parameter.
            for (JsonNode parameter : op.parameters("query")) {
                String name = parameter.path("name").asString();
                for (String bad : BAD_QUERY_VALUES) {
                    cases.add(new Case(op.key(), "query " + name + "=" + bad, name,
                            caller.sendRaw(op.method(), path + "?" + name + "=" + bad,
                                    base == null ? null : base.toString())));
                }
                // About 1 kB encoded: reaches the service.
                String big = URLEncoder.encode("Ж".repeat(170), StandardCharsets.UTF_8);
                cases.add(new Case(op.key(), "query " + name + " 1 kB", name,
                        caller.sendRaw(op.method(), path + "?" + name + "=" + big, base == null ? null
                                : base.toString())));
            }
            // 12 kB encoded, once per operation with a query: the gateway's HTTP codec refuses the request line
            // (414) before any filter runs, and must still answer with a problem.
            op.parameters("query").stream().findFirst().ifPresent(parameter -> cases.add(new Case(op.key(),
                    "query " + parameter.path("name").asString() + " 12 kB", null, caller.sendRaw(op.method(),
                            path + "?" + parameter.path("name").asString() + "="
                                    + URLEncoder.encode("Ж".repeat(2_000), StandardCharsets.UTF_8),
                            base == null ? null : base.toString()))));
            if (base == null) {
                continue;
            }
            // The body as a whole.
            for (Map.Entry<String, String> broken : Map.of("not JSON", "{\"a\": ", "a JSON array", "[1,2]",
                    "empty", "", "null", "null", "a string", "\"text\"").entrySet()) {
                cases.add(new Case(op.key(), "body " + broken.getKey(), null,
                        caller.sendRaw(op.method(), path, broken.getValue())));
            }
            cases.add(new Case(op.key(), "body as text/plain", null, caller.withHeader("Content-Type", "text/plain")
                    .sendRaw(op.method(), path, base.toString())));
            // Each field: missing when required, wrong types, odd strings.
            JsonNode schema = op.jsonBody();
            Set<String> required = new java.util.HashSet<>();
            schema.path("required").forEach(r -> required.add(r.asString()));
            for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
                String field = property.getKey();
                JsonNode fieldSchema = OpenApiOperations.resolve(op.document(), property.getValue());
                if (required.contains(field)) {
                    ObjectNode missing = base.deepCopy();
                    missing.remove(field);
                    cases.add(new Case(op.key(), field + " missing", field,
                            caller.sendRaw(op.method(), path, missing.toString())));
                }
                for (Map.Entry<String, String> wrong : wrongValues(fieldSchema).entrySet()) {
                    String body = with(base, field, wrong.getValue());
                    cases.add(new Case(op.key(), field + " " + wrong.getKey(), field,
                            caller.sendRaw(op.method(), path, body)));
                }
            }
        }

        report(cases);
        List<String> wrong = new ArrayList<>();
        for (Case c : cases) {
            ApiResponse r = c.response();
            if (r.status() >= 500) {
                wrong.add("5xx: " + c.op() + " [" + c.what() + "] -> " + r);
            } else if (r.status() >= 400 && (!r.isProblem() || r.json().path("status").asInt() != r.status())) {
                wrong.add("not a problem: " + c.op() + " [" + c.what() + "] -> " + r.contentType() + " " + r);
            } else if (r.status() == 409 && GENERIC_CONFLICT.equals(r.json().path("detail").asString())) {
                // The generic answer to a database constraint: the input reached the database unchecked.
                wrong.add("database refused what validation let through: " + c.op() + " [" + c.what() + "] -> " + r);
            } else if (r.status() == 409 && c.op().startsWith("GET ")) {
                // A read changes nothing, so nothing it is sent can collide with existing data.
                wrong.add("409 on a read: " + c.op() + " [" + c.what() + "] -> " + r);
            } else if (r.status() == 400 && c.field() != null && !names(r.json(), c.field())) {
                wrong.add("400 not naming " + c.field() + ": " + c.op() + " [" + c.what() + "] -> " + r);
            }
        }
        assertThat(cases).as("generated cases").hasSizeGreaterThan(500);
        assertThat(wrong).as("answers to malformed requests that break the rules (%d of %d)", wrong.size(),
                cases.size()).isEmpty();
    }

    // --------------------------------------------------------------------------------------------- the values

    /** Wrong values for a field of this schema, as JSON text. */
    private static Map<String, String> wrongValues(JsonNode schema) {
        Map<String, String> values = new LinkedHashMap<>();
        String type = type(schema);
        values.put("an object", "{\"x\":1}");
        if (!type.equals("array")) {
            values.put("an array", "[1]");
        }
        switch (type) {
            case "integer", "number" -> {
                values.put("a string", "\"abc\"");
                values.put("overflowing", "123456789012345678901234567890");
                values.put("2^63", "9223372036854775808");
                values.put("a huge exponent", "1e400");
                values.put("true", "true");
            }
            case "boolean" -> values.put("a word", "\"maybe\"");
            case "array" -> {
                values.put("a string", "\"abc\"");
                values.put("items of the wrong type", "[{\"x\":1}]");
                values.put("10 000 items", "[" + String.join(",", java.util.Collections.nCopies(10_000, "1")) + "]");
            }
            case "object" -> values.put("a string", "\"abc\"");
            default -> {
                values.put("a number", "12345");
                values.putAll(ODD_STRINGS);
            }
        }
        return values;
    }

    private static String with(ObjectNode base, String field, String rawValue) {
        // Spliced as text: a lone surrogate cannot pass through a JsonNode and stay lone.
        ObjectNode copy = base.deepCopy();
        copy.remove(field);
        String rest = copy.toString();
        String member = "\"" + field + "\":" + rawValue;
        return rest.equals("{}") ? "{" + member + "}" : "{" + member + "," + rest.substring(1);
    }

    private static String type(JsonNode schema) {
        if (schema.has("type")) {
            JsonNode type = schema.path("type");
            return type.isArray() ? type.get(0).asString() : type.asString();
        }
        if (schema.has("items")) {
            return "array";
        }
        if (schema.has("properties")) {
            return "object";
        }
        return "string";
    }

    /** A body with every required field, valid as far as the schema and this family's objects tell. */
    private static ObjectNode base(Families families, JsonNode document, JsonNode schema) {
        ObjectNode body = NODES.objectNode();
        Set<String> required = new java.util.HashSet<>();
        schema.path("required").forEach(r -> required.add(r.asString()));
        schema.path("properties").properties().forEach(p -> {
            if (required.contains(p.getKey())) {
                body.set(p.getKey(), value(families, document, p.getKey(),
                        OpenApiOperations.resolve(document, p.getValue())));
            }
        });
        return body;
    }

    private static JsonNode value(Families families, JsonNode document, String name, JsonNode schema) {
        Families.Family owner = families.owner();
        switch (name) {
            case "student_id": return NODES.numberNode(owner.student().id());
            case "tutor_id": return NODES.numberNode(owner.tutor().id());
            case "parent_id": return NODES.numberNode(owner.parent().id());
            case "lesson_id": return NODES.numberNode(families.objects().lesson());
            case "start_at", "deadline", "paid_at": return NODES.stringNode(families.nextSlot().toString());
            case "time": return NODES.stringNode("10:00");
            case "amount": return NODES.stringNode("100.00");
            case "role": return NODES.stringNode("student");
            case "lessons_paid": return NODES.numberNode(1);
            case "duration_minutes": return NODES.numberNode(60);
            case "grade": return NODES.numberNode(5);
            default: break;
        }
        if (schema.has("enum")) {
            return schema.path("enum").get(0);
        }
        if (schema.has("example") && !schema.path("example").isNull()) {
            return schema.path("example");
        }
        return switch (type(schema)) {
            case "integer", "number" -> NODES.numberNode(Math.max(1, schema.path("minimum").asLong(1)));
            case "boolean" -> NODES.booleanNode(false);
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                array.add(value(families, document, name, OpenApiOperations.resolve(document, schema.path("items"))));
                yield array;
            }
            case "object" -> base(families, document, schema);
            default -> NODES.stringNode("Проверка");
        };
    }

    /** A real id for a path variable of this operation (the family's own objects). */
    private static long realId(Families families, Op op, String variable) {
        Families.Family owner = families.owner();
        return switch (variable) {
            case "studentId" -> owner.student().id();
            case "parentId" -> owner.parent().id();
            case "tutorId" -> owner.tutor().id();
            case "attachmentId" -> op.path().startsWith("/api/v1/materials")
                    ? families.objects().materialAttachment() : families.objects().attachment();
            case "fileId" -> families.objects().materialFile();
            case "telegramId" -> owner.student().telegramId();
            case "id" -> {
                String p = op.path();
                if (p.startsWith("/api/v1/lessons")) {
                    yield families.objects().lesson();
                } else if (p.startsWith("/api/v1/homework")) {
                    yield families.objects().homework();
                } else if (p.startsWith("/api/v1/payments")) {
                    yield families.objects().payment();
                } else if (p.startsWith("/api/v1/calendar")) {
                    yield families.objects().feed();
                } else if (p.startsWith("/api/v1/materials")) {
                    yield families.objects().material();
                }
                yield owner.student().id();
            }
            default -> owner.student().id();
        };
    }

    // ------------------------------------------------------------------------------------------------ checks

    /** The problem names {@code field} (snake_case or as documented), alone or as the head of a path. */
    private static boolean names(JsonNode problem, String field) {
        String snake = field.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
        return problem.path("errors").valueStream().map(e -> e.path("field").asString(""))
                .anyMatch(f -> f.equals(field) || f.equals(snake) || f.startsWith(snake + "[")
                        || f.startsWith(snake + "."));
    }

    private static void report(List<Case> cases) {
        Map<String, Map<Integer, Integer>> byOp = new TreeMap<>();
        Map<Integer, Integer> total = new TreeMap<>();
        for (Case c : cases) {
            byOp.computeIfAbsent(c.op(), k -> new TreeMap<>()).merge(c.response().status(), 1, Integer::sum);
            total.merge(c.response().status(), 1, Integer::sum);
        }
        StringBuilder text = new StringBuilder("[malformed] ").append(byOp.size()).append(" operations, ")
                .append(cases.size()).append(" requests; by status ").append(total).append('\n');
        byOp.forEach((op, statuses) -> text.append("[malformed]   ").append(op).append(": ").append(statuses)
                .append('\n'));
        System.out.print(text);
    }
}
