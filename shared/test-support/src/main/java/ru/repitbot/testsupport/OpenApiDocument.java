package ru.repitbot.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * A service's OpenAPI document (its live {@code /openapi.json}) with the few readings the checkers share
 * ({@link OpenApiConformance}, {@link ConsumerContracts}): operations, {@code $ref}s resolved, a schema's JSON types.
 */
public final class OpenApiDocument {

    /** The operation keys of a path item, in the order the checkers walk them. */
    public static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options",
            "trace");

    private final JsonNode json;

    private OpenApiDocument(JsonNode json) {
        this.json = json;
    }

    public static OpenApiDocument of(JsonNode json) {
        return new OpenApiDocument(json);
    }

    /**
     * The live document of the service at {@code port}.
     *
     * @throws IllegalStateException when {@code GET /openapi.json} does not answer 200 (the message says what it
     *     answered)
     */
    public static OpenApiDocument fetch(int port) {
        ApiClient.ApiResponse response = ApiClient.local(port).get("/openapi.json");
        if (response.status() != 200) {
            throw new IllegalStateException("GET /openapi.json answered " + response);
        }
        return new OpenApiDocument(response.json());
    }

    public JsonNode json() {
        return json;
    }

    /** One operation: {@code GET /api/v1/lessons/{id}}. */
    public record Operation(String method, String path, JsonNode node) {

        /** {@code "GET /api/v1/lessons/{id}"}. */
        public String name() {
            return method + " " + path;
        }
    }

    /** Every operation of the document, path by path in document order. */
    public List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        json.path("paths").properties().forEach(path -> {
            for (String method : METHODS) {
                JsonNode operation = path.getValue().path(method);
                if (operation.isObject()) {
                    operations.add(new Operation(method.toUpperCase(Locale.ROOT), path.getKey(), operation));
                }
            }
        });
        return operations;
    }

    /**
     * The operation of {@code method} at {@code pathTemplate}, path variables matched by position whatever their names
     * ({@code /lessons/{lessonId}/cancel} is {@code /lessons/{id}/cancel}); literal segments must be equal.
     */
    public Optional<Operation> operation(String method, String pathTemplate) {
        return operations().stream()
                .filter(o -> o.method().equalsIgnoreCase(method) && samePathTemplate(o.path(), pathTemplate))
                .findFirst();
    }

    /** Whether two path templates are the same path: literal segments equal, variables in the same places. */
    public static boolean samePathTemplate(String a, String b) {
        String[] left = a.split("/", -1);
        String[] right = b.split("/", -1);
        if (left.length != right.length) {
            return false;
        }
        for (int i = 0; i < left.length; i++) {
            boolean leftVariable = isVariable(left[i]);
            if (leftVariable != isVariable(right[i]) || (!leftVariable && !left[i].equals(right[i]))) {
                return false;
            }
        }
        return true;
    }

    /** A path segment that is a variable: {@code {id}}. */
    public static boolean isVariable(String segment) {
        return segment.startsWith("{") && segment.endsWith("}");
    }

    /** A component schema by name ({@code Problem}); a missing node when there is none. */
    public JsonNode schema(String name) {
        return json.path("components").path("schemas").path(name);
    }

    /** {@code node} itself, or what its local {@code $ref} ({@code #/components/schemas/X}) points at. */
    public JsonNode resolve(JsonNode node) {
        String ref = node.path("$ref").asString("");
        if (!ref.startsWith("#/")) {
            return node;
        }
        JsonNode target = json;
        for (String part : ref.substring(2).split("/")) {
            target = target.path(part);
        }
        return target;
    }

    /**
     * A property's own schema, looking through an {@code allOf}/{@code oneOf}/{@code anyOf} of one part; null for a
     * missing property or a choice between several schemas.
     */
    public static JsonNode resolveInline(JsonNode property) {
        if (property == null || property.isMissingNode()) {
            return null;
        }
        for (String combiner : List.of("allOf", "oneOf", "anyOf")) {
            JsonNode parts = property.path(combiner);
            if (parts.isArray()) {
                List<JsonNode> meaningful = parts.valueStream()
                        .filter(p -> !types(p).equals(Set.of("null"))).toList();
                if (meaningful.size() == 1) {
                    return meaningful.getFirst();
                }
                return null;
            }
        }
        return property;
    }

    /** The JSON types a schema names ({@code type: string} or {@code type: [string, null]}), without {@code null}. */
    public static Set<String> types(JsonNode schema) {
        Set<String> types = new TreeSet<>();
        JsonNode type = schema.path("type");
        if (type.isString()) {
            types.add(type.asString());
        } else if (type.isArray()) {
            type.valueStream().forEach(t -> types.add(t.asString()));
        }
        types.remove("null");
        return types;
    }
}
