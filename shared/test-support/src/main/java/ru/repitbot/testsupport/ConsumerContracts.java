package ru.repitbot.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.util.ClassUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import ru.repitbot.testsupport.ConsumerContract.Interaction;
import tools.jackson.databind.JsonNode;

/**
 * The provider side of the consumer contracts (tests/contracts/README.md): does a service still give its consumers
 * (the Telegram bot) what they rely on? From the service's {@code @SpringBootTest(webEnvironment = RANDOM_PORT)}:
 *
 * <pre>{@code
 * @Test
 * void theBotsCallsAreHonoured() {
 *     ConsumerContracts.assertHonoured(context, port, "lesson-service");
 * }
 * }</pre>
 *
 * For every interaction of every {@code tests/contracts/*.json} that the gateway routes to the service, against its
 * live OpenAPI document and its handlers:
 * <ol>
 * <li>the operation exists (method and path template; path variables may be named differently) and a handler
 * serves it;</li>
 * <li>each query parameter the consumer sends is documented (and read by the handler); every required query or
 * header parameter is sent;</li>
 * <li>each request body field the consumer sends is in the request schema with a compatible JSON type; every field
 * the schema requires is sent, always; a body is sent when the operation requires one, and not to one that takes
 * none;</li>
 * <li>each answer field the consumer reads exists in the answer of that status with a compatible type (null is
 * always fine). The consumer treats every 2xx alike, so a 200 it was given in its tests is compared with the
 * operation's documented success answer. Error answers are the {@code Problem} schema; a member a service adds to
 * it ({@code conflicting_lesson_id}) cannot be documented per operation (ApiConventions), so it must at least
 * appear in the service's own classes (a {@code setProperty("conflicting_lesson_id", …)}). 5xx answers are the
 * gateway's or the platform's, not the service's, and are not compared.</li>
 * </ol>
 */
public final class ConsumerContracts {

    private static final String JSON_MEDIA = "application/json";

    private final OpenApiDocument document;
    private final ServiceHandlers handlers;
    private final Predicate<String> knownProblemMember;
    private final List<String> violations = new ArrayList<>();

    private ConsumerContracts(OpenApiDocument document, ServiceHandlers handlers,
            Predicate<String> knownProblemMember) {
        this.document = document;
        this.handlers = handlers;
        this.knownProblemMember = knownProblemMember;
    }

    /** Fails, naming each interaction and field, when the service at {@code port} would break a consumer. */
    public static void assertHonoured(ApplicationContext context, int port, String service) {
        List<String> found = new ArrayList<>();
        List<String> consumers = new ArrayList<>();
        OpenApiDocument document = OpenApiDocument.fetch(port);
        for (ConsumerContract contract : ConsumerContract.all()) {
            List<String> broken = violations(context, document.json(), contract, service);
            if (!broken.isEmpty()) {
                consumers.add(contract.consumer());
                found.addAll(broken);
            }
        }
        if (!found.isEmpty()) {
            throw new AssertionError(service + " does not give " + String.join(" and ", consumers)
                    + " what it relies on (tests/contracts/" + consumers.getFirst() + ".json) — "
                    + (consumers.size() == 1 ? "the consumer" : "they") + " would break (" + found.size() + "):\n  "
                    + String.join("\n  ", found)
                    + "\nKeep the API compatible, or change the consumer first and regenerate its contract "
                    + "(tests/contracts/README.md).");
        }
    }

    /** The broken interactions of {@code contract} owned by {@code service}, against its document and handlers. */
    public static List<String> violations(ApplicationContext context, JsonNode document, ConsumerContract contract,
            String service) {
        return check(OpenApiDocument.of(document), new ServiceHandlers(context), problemMembersIn(context),
                contract, service);
    }

    /**
     * The broken interactions against a document alone (no handlers); {@code knownProblemMember} says whether the
     * service adds a member of that name to its problems.
     */
    public static List<String> violations(JsonNode document, ConsumerContract contract, String service,
            Predicate<String> knownProblemMember) {
        return check(OpenApiDocument.of(document), null, knownProblemMember, contract, service);
    }

    private static List<String> check(OpenApiDocument document, ServiceHandlers handlers,
            Predicate<String> knownProblemMember, ConsumerContract contract, String service) {
        ConsumerContracts check = new ConsumerContracts(document, handlers, knownProblemMember);
        for (Interaction interaction : contract.ownedBy(service)) {
            check.interaction(contract.consumer(), interaction);
        }
        return List.copyOf(check.violations);
    }

    // --------------------------------------------------------------------------------------------- operations

    private void interaction(String consumer, Interaction interaction) {
        String name = consumer + " " + interaction.name() + ": ";
        Optional<OpenApiDocument.Operation> found = document.operation(interaction.method(), interaction.path());
        if (found.isEmpty()) {
            String others = document.operations().stream()
                    .filter(o -> OpenApiDocument.samePathTemplate(o.path(), interaction.path()))
                    .map(OpenApiDocument.Operation::method).collect(Collectors.joining(", "));
            violations.add(name + "the document has no such operation" + (others.isEmpty() ? ""
                    : " (the path has " + others + " only)") + " — the bot calls it and would get a 404 or 405");
            return;
        }
        OpenApiDocument.Operation operation = found.get();
        ServiceHandlers.Reads reads = null;
        if (handlers != null) {
            Map<RequestMappingInfo, HandlerMethod> served = handlers.served(operation.path(),
                    operation.method().toLowerCase(Locale.ROOT));
            if (served.isEmpty()) {
                violations.add(name + "no handler serves " + operation.name() + " — the bot calls it and would get "
                        + "a 404 or 405");
                return;
            }
            reads = handlers.reads(List.copyOf(served.values()));
        }
        parameters(name, interaction, operation.node(), reads);
        request(name, interaction, operation.node());
        interaction.responses().forEach((status, fields) -> response(name, status, fields, operation.node()));
    }

    private void parameters(String name, Interaction interaction, JsonNode operation, ServiceHandlers.Reads reads) {
        Set<String> query = new TreeSet<>();
        Set<String> requiredQuery = new TreeSet<>();
        Set<String> requiredHeaders = new TreeSet<>();
        for (JsonNode parameter : operation.path("parameters")) {
            JsonNode p = document.resolve(parameter);
            String in = p.path("in").asString();
            String parameterName = p.path("name").asString();
            if ("query".equals(in)) {
                query.add(parameterName);
                if (p.path("required").asBoolean(false)) {
                    requiredQuery.add(parameterName);
                }
            } else if ("header".equals(in) && p.path("required").asBoolean(false)) {
                requiredHeaders.add(parameterName);
            }
        }
        for (String sent : interaction.query()) {
            if (!query.contains(sent)) {
                violations.add(name + "query parameter '" + sent + "' is not a documented parameter — the bot sends "
                        + "it and the service would refuse or ignore it");
            } else if (reads != null && !reads.has("query", sent)) {
                violations.add(name + "query parameter '" + sent + "' is not read by the handler — the bot sends it "
                        + "and the service would ignore it");
            }
        }
        for (String required : requiredQuery) {
            if (!interaction.query().contains(required)) {
                violations.add(name + "query parameter '" + required + "' is required, and the bot does not send it "
                        + "— the bot would get a 400");
            }
        }
        for (String required : requiredHeaders) {
            if (interaction.headers().stream().noneMatch(required::equalsIgnoreCase)) {
                violations.add(name + "header '" + required + "' is required, and the bot does not send it — the "
                        + "bot would get a 400");
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ request

    private void request(String name, Interaction interaction, JsonNode operation) {
        JsonNode body = document.resolve(operation.path("requestBody"));
        JsonNode schema = jsonSchema(body.path("content"));
        if (!interaction.sendsBody()) {
            if (body.path("required").asBoolean(false)) {
                violations.add(name + "the operation requires a request body, and the bot sends none — the bot "
                        + "would get a 400");
            }
            return;
        }
        if (schema == null) {
            violations.add(name + "the operation takes no JSON request body, and the bot sends one with "
                    + interaction.request().keySet() + " — the bot would get a 400 or 415");
            return;
        }
        interaction.request().forEach((field, types) -> {
            Lookup at = lookup(schema, field);
            Set<String> sent = ConsumerContract.split(types);
            if (at == null) {
                violations.add(name + "request field '" + field + "' (" + types + ") is not in the request schema"
                        + schemaName(body.path("content")) + " — the bot sends it and would get a 400 (unknown "
                        + "field)");
            } else if (!at.accepts(sent)) {
                violations.add(name + "request field '" + field + "' is " + at.describe() + " in the document, "
                        + "and the bot sends " + types + " — the bot would get a 400");
            }
        });
        for (String level : objectLevels(interaction.request())) {
            Lookup at = level.isEmpty() ? Lookup.of(expand(schema)) : lookup(schema, level);
            if (at == null) {
                continue; // reported above
            }
            for (String required : at.required()) {
                String field = level.isEmpty() ? required : level + "." + required;
                String types = interaction.request().get(field);
                if (types == null) {
                    violations.add(name + "request field '" + field + "' is required, and the bot does not send it "
                            + "— the bot would get a 400");
                } else if (ConsumerContract.split(types).contains(ConsumerContract.ABSENT)) {
                    violations.add(name + "request field '" + field + "' is required, and the bot leaves it out "
                            + "at times (" + types + ") — the bot would get a 400");
                }
            }
        }
    }

    /** The objects the consumer sends: the body itself and every field that is an object (or array of them). */
    private static Set<String> objectLevels(Map<String, String> request) {
        Set<String> levels = new LinkedHashSet<>();
        if (request.keySet().stream().noneMatch(f -> f.startsWith("[]"))) {
            levels.add("");
        }
        request.forEach((field, types) -> {
            if (ConsumerContract.split(types).contains("object")) {
                levels.add(field);
            }
        });
        return levels;
    }

    // ---------------------------------------------------------------------------------------------- responses

    private void response(String name, String status, Map<String, String> fields, JsonNode operation) {
        if (status.startsWith("5")) {
            return; // the gateway's or the platform's answer
        }
        JsonNode responses = operation.path("responses");
        if (status.startsWith("2")) {
            String code = responses.has(status) ? status : responses.propertyNames().stream()
                    .filter(c -> c.startsWith("2")).findFirst().orElse(null);
            if (code == null) {
                violations.add(name + "the operation documents no success answer — the bot expects " + status);
                return;
            }
            if (fields.isEmpty()) {
                return;
            }
            JsonNode content = document.resolve(responses.path(code)).path("content");
            JsonNode schema = jsonSchema(content);
            if (schema == null) {
                violations.add(name + "the " + code + " answer has no JSON body, and the bot reads " + fields.keySet()
                        + " from it — the bot would break");
                return;
            }
            fields(name, "the " + code + " answer" + schemaName(content), fields, schema, false);
            return;
        }
        if (fields.isEmpty()) {
            return;
        }
        JsonNode schema = jsonSchema(document.resolve(responses.path(status)).path("content"));
        boolean problem = schema == null || schema.path("$ref").asString("").endsWith("/Problem");
        if (schema == null) {
            schema = document.schema("Problem");
            if (schema.isMissingNode()) {
                violations.add(name + "the document has no Problem schema for the " + status + " answer the bot "
                        + "reads " + fields.keySet() + " from");
                return;
            }
        }
        fields(name, "the " + status + " problem answer", fields, schema, problem);
    }

    private void fields(String name, String where, Map<String, String> fields, JsonNode schema, boolean problem) {
        fields.forEach((field, types) -> {
            Lookup at = lookup(schema, field);
            if (at == null) {
                boolean member = problem && !field.contains(".") && !field.contains("[");
                if (member && knownProblemMember.test(field)) {
                    return; // a member the service adds to its problems; the document cannot describe it
                }
                violations.add(name + "answer field '" + field + "' (" + types + ") is not in " + where
                        + (member ? " nor among the members the service adds to its problems" : "")
                        + " — the bot reads it and would break");
            } else if (!at.accepts(ConsumerContract.split(types))) {
                violations.add(name + "answer field '" + field + "' is " + at.describe() + " in " + where
                        + ", and the bot reads it as " + types + " — the bot would break");
            }
        });
    }

    // ------------------------------------------------------------------------------------------------ schemas

    /** The schema of the JSON media type of a {@code content} map; null when there is none. */
    private JsonNode jsonSchema(JsonNode content) {
        JsonNode media = content.path(JSON_MEDIA);
        if (media.isMissingNode()) {
            media = content.properties().stream().filter(e -> e.getKey().contains("json") || e.getKey().equals("*/*"))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
        }
        return media == null || !media.has("schema") ? null : media.get("schema");
    }

    private String schemaName(JsonNode content) {
        JsonNode schema = jsonSchema(content);
        String ref = schema == null ? "" : schema.path("$ref").asString("");
        return ref.isEmpty() ? "" : " (" + ref.substring(ref.lastIndexOf('/') + 1) + ")";
    }

    /** The schemas a field path leads to; null when it leads nowhere. */
    private Lookup lookup(JsonNode root, String field) {
        Lookup current = Lookup.of(expand(root));
        for (String segment : segments(field)) {
            if (current.any()) {
                return current;
            }
            List<JsonNode> next = new ArrayList<>();
            boolean any = false;
            for (JsonNode schema : current.schemas()) {
                if (Lookup.isAny(schema)) {
                    any = true;
                } else if (segment.equals("[]")) {
                    if (schema.has("items")) {
                        next.addAll(expand(schema.get("items")));
                    }
                } else {
                    JsonNode property = segment.equals("*") ? null : schema.path("properties").get(segment);
                    if (property != null) {
                        next.addAll(expand(property));
                    } else {
                        JsonNode additional = schema.path("additionalProperties");
                        if (additional.isObject()) {
                            next.addAll(expand(additional));
                        } else if (additional.isBoolean() && additional.asBoolean()) {
                            any = true;
                        }
                    }
                }
            }
            if (next.isEmpty() && !any) {
                return null;
            }
            current = new Lookup(next, any);
        }
        return current;
    }

    /** {@code a.b[].c} as {@code [a, b, [], c]}; a root array's {@code [].id} as {@code [[], id]}. */
    static List<String> segments(String field) {
        List<String> segments = new ArrayList<>();
        for (String part : field.split("\\.")) {
            int arrays = 0;
            while (part.endsWith("[]")) {
                part = part.substring(0, part.length() - 2);
                arrays++;
            }
            if (!part.isEmpty()) {
                segments.add(part);
            }
            for (int n = 0; n < arrays; n++) {
                segments.add("[]");
            }
        }
        return segments;
    }

    /** The alternatives a schema stands for: references followed, all/one/anyOf spread, a bare null type left out. */
    private List<JsonNode> expand(JsonNode schema) {
        List<JsonNode> found = new ArrayList<>();
        expand(schema, found, 0);
        return found;
    }

    private void expand(JsonNode schema, List<JsonNode> into, int depth) {
        if (depth > 20 || schema == null || schema.isMissingNode()) {
            return;
        }
        JsonNode resolved = document.resolve(schema);
        if (resolved != schema) {
            expand(resolved, into, depth + 1);
            return;
        }
        boolean combined = false;
        for (String combiner : List.of("allOf", "oneOf", "anyOf")) {
            if (schema.path(combiner).isArray()) {
                combined = true;
                schema.path(combiner).forEach(part -> expand(part, into, depth + 1));
            }
        }
        boolean nullOnly = schema.path("type").asString("").equals("null") || (schema.path("type").isArray()
                && schema.path("type").valueStream().allMatch(t -> t.asString().equals("null")));
        boolean ownShape = schema.has("type") || schema.has("properties") || schema.has("items")
                || schema.has("additionalProperties") || schema.has("enum");
        if (!nullOnly && (!combined || ownShape)) {
            into.add(schema);
        }
    }

    /** Where a field path leads: the candidate schemas, or anything at all. */
    private record Lookup(List<JsonNode> schemas, boolean any) {

        static Lookup of(List<JsonNode> schemas) {
            return new Lookup(schemas, schemas.stream().anyMatch(Lookup::isAny));
        }

        static boolean isAny(JsonNode schema) {
            return jsonTypes(schema).isEmpty();
        }

        /** The JSON types a schema allows, named or implied ({@code properties} is an object); empty: any. */
        static Set<String> jsonTypes(JsonNode schema) {
            Set<String> types = OpenApiDocument.types(schema);
            if (!types.isEmpty()) {
                return types;
            }
            if (schema.has("properties") || schema.has("additionalProperties")) {
                return Set.of("object");
            }
            if (schema.has("items")) {
                return Set.of("array");
            }
            if (schema.path("enum").isArray() && !schema.path("enum").isEmpty()) {
                Set<String> enumTypes = new TreeSet<>();
                schema.path("enum").forEach(v -> enumTypes.add(ConsumerContract.typeOf(v)));
                enumTypes.remove("null");
                return enumTypes;
            }
            return Set.of();
        }

        /** Whether every type the consumer uses is allowed here; null and absent always are. */
        boolean accepts(Set<String> used) {
            if (any || schemas.stream().anyMatch(Lookup::isAny)) {
                return true;
            }
            for (String type : used) {
                if (type.equals("null") || type.equals(ConsumerContract.ABSENT)) {
                    continue;
                }
                boolean allowed = schemas.stream().map(Lookup::jsonTypes).anyMatch(t -> t.contains(type)
                        || (type.equals("integer") && t.contains("number")));
                if (!allowed) {
                    return false;
                }
            }
            return true;
        }

        String describe() {
            Set<String> types = new TreeSet<>();
            schemas.forEach(s -> types.addAll(jsonTypes(s)));
            return String.join("|", types);
        }

        /** The fields an object here requires (each alternative's, together). */
        Set<String> required() {
            Set<String> required = new TreeSet<>();
            for (JsonNode schema : schemas) {
                schema.path("required").forEach(r -> required.add(r.asString()));
            }
            return required;
        }
    }

    // -------------------------------------------------------------------------------- a service's problem members

    /**
     * Whether a name is a member the service adds to its problems: the name appears as a constant in one of the
     * classes of the service's application package (where {@code setProperty("conflicting_lesson_id", …)} puts it).
     */
    private static Predicate<String> problemMembersIn(ApplicationContext context) {
        Set<String> packages = new TreeSet<>();
        context.getBeansWithAnnotation(SpringBootApplication.class).values()
                .forEach(bean -> packages.add(ClassUtils.getUserClass(bean).getPackageName()));
        List<byte[]> classes = new ArrayList<>();
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(
                context.getClassLoader());
        for (String pkg : packages) {
            try {
                for (Resource resource : resolver.getResources("classpath*:" + pkg.replace('.', '/') + "/**/*.class")) {
                    try (InputStream in = resource.getInputStream()) {
                        classes.add(in.readAllBytes());
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read the classes of " + pkg, e);
            }
        }
        return member -> {
            byte[] wanted = member.getBytes(StandardCharsets.UTF_8);
            return classes.stream().anyMatch(bytes -> constantIn(bytes, wanted));
        };
    }

    /** Whether {@code bytes} (a class file) holds the UTF-8 constant {@code wanted}, exactly (length-prefixed). */
    private static boolean constantIn(byte[] bytes, byte[] wanted) {
        outer:
        for (int i = 3; i + wanted.length <= bytes.length; i++) {
            if (bytes[i - 3] != 1 || bytes[i - 2] != (byte) (wanted.length >> 8)
                    || bytes[i - 1] != (byte) wanted.length) {
                continue;
            }
            for (int n = 0; n < wanted.length; n++) {
                if (bytes[i + n] != wanted[n]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
