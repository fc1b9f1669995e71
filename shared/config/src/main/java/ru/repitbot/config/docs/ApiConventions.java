package ru.repitbot.config.docs;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

/**
 * The API style, written into every service's OpenAPI document once (docs/architecture/contracts.md, "API style"):
 * <ul>
 * <li>every error answer is {@code application/problem+json} with the {@code Problem} schema (the service's own
 * annotations only give the status and the description);</li>
 * <li>the errors every operation can answer are listed: 400 when it takes parameters or a body, 401 and 403 when
 * it needs a token, 404 when its path names an object;</li>
 * <li>a 201 answer carries {@code Location}: the created object's path.</li>
 * </ul>
 */
public class ApiConventions implements GlobalOpenApiCustomizer {

    public static final String PROBLEM = "Problem";
    public static final String PROBLEM_FIELD = "ProblemField";
    public static final String PROBLEM_JSON = "application/problem+json";

    private static final Map<String, String> STANDARD_ERRORS = Map.of(
            "400", "Bad input: errors names each field (snake_case, or the parameter or header) and the reason; "
                    + "a body field the endpoint does not know is refused the same way",
            "401", "No valid access token",
            "403", "The caller's role may not do this",
            "404", "No such object, or not the caller's to see");

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.components(new io.swagger.v3.oas.models.Components());
        }
        openApi.getComponents().addSchemas(PROBLEM_FIELD, problemField());
        openApi.getComponents().addSchemas(PROBLEM, problem());
        boolean securedByDefault = openApi.getSecurity() != null && !openApi.getSecurity().isEmpty();
        if (openApi.getPaths() != null) {
            openApi.getPaths().forEach((path, item) -> operations(item).forEach(operation ->
                    customise(path, operation, securedByDefault)));
        }
        // A Spring ProblemDetail named by an annotation documents its Java shape (a nested "properties" map), not
        // what travels; every problem answer now refers to Problem instead.
        if (openApi.getComponents().getSchemas() != null) {
            openApi.getComponents().getSchemas().remove("ProblemDetail");
        }
    }

    private static void customise(String path, Operation operation, boolean securedByDefault) {
        if (operation.getResponses() == null) {
            operation.responses(new ApiResponses());
        }
        ApiResponses responses = operation.getResponses();
        boolean secured = operation.getSecurity() == null ? securedByDefault
                : operation.getSecurity().stream().anyMatch(r -> !r.isEmpty());
        boolean takesInput = (operation.getParameters() != null && !operation.getParameters().isEmpty())
                || operation.getRequestBody() != null;
        addIfAbsent(responses, "400", takesInput);
        addIfAbsent(responses, "401", secured);
        addIfAbsent(responses, "403", secured);
        addIfAbsent(responses, "404", path.contains("{"));
        responses.forEach((code, response) -> {
            if (isError(code)) {
                response.content(problemContent());
            }
            boolean hasLocation = response.getHeaders() != null && response.getHeaders().containsKey("Location");
            if ("201".equals(code) && !hasLocation) {
                response.addHeaderObject("Location", new Header()
                        .description("The created object's path (e.g. /api/v1/users/42); GET it through the gateway")
                        .schema(typed("string")));
            }
        });
    }

    private static void addIfAbsent(ApiResponses responses, String code, boolean applies) {
        if (applies && !responses.containsKey(code)) {
            responses.addApiResponse(code, new ApiResponse().description(STANDARD_ERRORS.get(code)));
        }
    }

    private static boolean isError(String code) {
        return code.startsWith("4") || code.startsWith("5") || "default".equals(code);
    }

    private static Content problemContent() {
        return new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new JsonSchema().$ref("#/components/schemas/" + PROBLEM)));
    }

    private static List<Operation> operations(PathItem item) {
        return java.util.stream.Stream.of(item.getGet(), item.getPut(), item.getPost(), item.getDelete(),
                item.getPatch(), item.getHead(), item.getOptions(), item.getTrace())
                .filter(java.util.Objects::nonNull).toList();
    }

    private static Schema<?> problem() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("type", typed("string").format("uri").description("urn:repitbot:problem:<kind>"));
        properties.put("title", typed("string"));
        properties.put("status", typed("integer").format("int32"));
        properties.put("detail", typed("string").description("What went wrong, for a person"));
        properties.put("instance", typed("string").format("uri-reference").description("The request's path"));
        properties.put("request_id", typed("string").description("The X-Request-Id of the request, for the logs"));
        properties.put("errors", typed("array").items(new JsonSchema().$ref("#/components/schemas/" + PROBLEM_FIELD))
                .description("With 400: each invalid field, parameter or header"));
        return typed("object").description("RFC 9457 problem details, as application/problem+json. A service may "
                        + "add members (e.g. conflicting_lesson_id on a 409).")
                .properties(properties).required(List.of("type", "title", "status", "detail"));
    }

    private static Schema<?> problemField() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("field", typed("string").description("The body field (snake_case, a.b[0].c), parameter or "
                + "header"));
        properties.put("reason", typed("string").example("unknown field"));
        return typed("object").properties(properties).required(List.of("field", "reason"));
    }

    @SuppressWarnings("rawtypes")
    private static Schema typed(String type) {
        return new JsonSchema().types(Set.of(type));
    }
}
