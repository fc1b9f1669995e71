package ru.repitbot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ru.repitbot.testsupport.ApiClient;
import ru.repitbot.testsupport.ApiClient.ApiResponse;
import tools.jackson.databind.JsonNode;

/**
 * Every operation of every service's OpenAPI document as the gateway serves it ({@code /openapi/<service>.json}):
 * what the generated suites ({@link AuthorizationMatrixIT}, {@link GeneratedMalformedInputIT}) walk over, so an
 * endpoint added to a service is in them the moment it is documented.
 */
final class OpenApiOperations {

    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}]+)}");

    /** One operation: the service documenting it, its method (upper case), its path template and its node. */
    record Op(String service, String method, String path, JsonNode node, JsonNode document) {

        /** "GET /api/v1/lessons/{id}": the key of the suites' tables. */
        String key() {
            return method + " " + path;
        }

        List<String> pathVariables() {
            List<String> names = new ArrayList<>();
            Matcher m = PATH_VARIABLE.matcher(path);
            while (m.find()) {
                names.add(m.group(1));
            }
            return names;
        }

        /** Documented parameters in {@code in} ("query", "path", "header"), resolved. */
        List<JsonNode> parameters(String in) {
            List<JsonNode> found = new ArrayList<>();
            node.path("parameters").forEach(p -> {
                JsonNode resolved = resolve(document, p);
                if (in.equals(resolved.path("in").asString())) {
                    found.add(resolved);
                }
            });
            return found;
        }

        /** The JSON request body's schema (resolved), or a missing node when it takes no JSON body. */
        JsonNode jsonBody() {
            return resolve(document, node.path("requestBody").path("content").path("application/json")
                    .path("schema"));
        }

        boolean bodyRequired() {
            return node.path("requestBody").path("required").asBoolean(false);
        }

        boolean isPublic() {
            JsonNode security = node.has("security") ? node.path("security") : document.path("security");
            return security.isMissingNode() || security.valueStream().allMatch(JsonNode::isEmpty);
        }

        /** The path with each variable replaced by what {@code value} gives for its name. */
        String fill(java.util.function.Function<String, String> value) {
            Matcher m = PATH_VARIABLE.matcher(path);
            StringBuilder filled = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(filled, Matcher.quoteReplacement(value.apply(m.group(1))));
            }
            return m.appendTail(filled).toString();
        }

        @Override
        public String toString() {
            return key();
        }
    }

    private OpenApiOperations() {
    }

    /** The services behind the gateway, by name. */
    static List<String> services() {
        return RepitbotStack.DEPLOYABLES.keySet().stream().filter(name -> name.endsWith("-service")).toList();
    }

    static Map<String, JsonNode> documents(ApiClient anonymous) {
        Map<String, JsonNode> documents = new LinkedHashMap<>();
        for (String service : services()) {
            ApiResponse response = anonymous.get("/openapi/" + service + ".json");
            assertThat(response.status()).as("%s document: %s", service, response).isEqualTo(200);
            documents.put(service, response.json());
        }
        return documents;
    }

    /** Every operation of every document, in document order. */
    static List<Op> all(ApiClient anonymous) {
        List<Op> operations = new ArrayList<>();
        documents(anonymous).forEach((service, document) -> document.path("paths").properties()
                .forEach(path -> path.getValue().properties().forEach(method -> {
                    if (method.getValue().isObject() && method.getValue().has("responses")) {
                        operations.add(new Op(service, method.getKey().toUpperCase(), path.getKey(),
                                method.getValue(), document));
                    }
                })));
        assertThat(operations).as("operations in the documents").hasSizeGreaterThan(40);
        return operations;
    }

    /** A {@code $ref} to this document's components, followed; anything else as it is. */
    static JsonNode resolve(JsonNode document, JsonNode node) {
        JsonNode current = node;
        for (int depth = 0; depth < 10; depth++) {
            String ref = current.path("$ref").asString("");
            if (!ref.startsWith("#/")) {
                return current;
            }
            JsonNode target = document;
            for (String part : ref.substring(2).split("/")) {
                target = target.path(part);
            }
            current = target;
        }
        return current;
    }
}
