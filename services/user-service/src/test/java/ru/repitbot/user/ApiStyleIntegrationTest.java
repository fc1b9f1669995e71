package ru.repitbot.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import ru.repitbot.testsupport.ApiClient;
import ru.repitbot.testsupport.OpenApiConformance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The API style (contracts.md): the document describes the real API, creation is 201 + Location, nulls present. */
class ApiStyleIntegrationTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    @Test
    void theOpenApiDocumentDescribesTheRealApi() {
        OpenApiConformance.assertConforms(context, port);
    }

    @Test
    void theDocumentListsNoCallerParameterAndErrorsAsProblems() {
        JsonNode list = anonymous().get("/openapi.json").json().path("paths").path("/api/v1/users").path("get");
        assertThat(list.path("parameters").valueStream().map(p -> p.path("name").asString()).toList())
                .containsExactlyInAnyOrder("role", "search", "page", "size");
        assertThat(list.path("responses").path("401").path("content").propertyNames())
                .containsExactly("application/problem+json");
    }

    @Test
    void aCreatedUserIsAt201sLocationAndItsEmptyFieldsArePresentAsNull() {
        long tutor = createTutor("Тьютор Локаций").path("id").asLong();
        ApiClient.ApiResponse created = as(tutor, "tutor").post("/api/v1/users",
                Map.of("role", "student", "full_name", "Новый Ученик"));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        long id = created.json().path("id").asLong();
        assertThat(created.header("Location")).isEqualTo("/api/v1/users/" + id);

        ApiClient.ApiResponse read = as(tutor, "tutor").get(created.header("Location"));
        assertThat(read.status()).isEqualTo(200);
        JsonNode user = read.json();
        assertThat(user.path("full_name").asString()).isEqualTo("Новый Ученик");
        assertThat(user.propertyNames()).containsExactlyInAnyOrder("id", "role", "full_name", "telegram_id",
                "username", "time_zone", "grade", "created_at", "updated_at");
        for (String empty : List.of("telegram_id", "username", "grade")) {
            assertThat(user.get(empty).isNull()).as("%s present as null", empty).isTrue();
        }
        assertThat(created.json().get("telegram_id").isNull()).isTrue();
    }

    /** The checker itself: a document that lies is caught, naming the operation and the item. */
    @Test
    void theCheckerCatchesADocumentThatDoesNotDescribeTheApi() {
        ObjectNode document = (ObjectNode) anonymous().get("/openapi.json").json();
        ObjectNode list = (ObjectNode) document.path("paths").path("/api/v1/users").path("get");
        ArrayNode parameters = (ArrayNode) list.path("parameters");
        parameters.remove(parameters.valueStream().map(p -> p.path("name").asString()).toList().indexOf("search"));
        parameters.addObject().put("name", "caller").put("in", "query").put("required", true);
        ObjectNode users = (ObjectNode) document.path("paths").path("/api/v1/users");
        ((ObjectNode) users.path("post").path("responses").path("201")).remove("headers");
        ((ObjectNode) users.path("post").path("responses").path("400")).putObject("content").putObject("*/*");
        ObjectNode schemas = (ObjectNode) document.path("components").path("schemas");
        ((ObjectNode) schemas.path("UserResponse").path("properties").path("id")).put("type", "string");
        ((ObjectNode) schemas.path("UserResponse").path("properties")).remove("grade");
        ((ObjectNode) schemas.path("UserSummary").path("properties")).putObject("nickname").put("type", "string");
        schemas.putObject("ResponseEntityUserResponse").put("type", "object");
        schemas.putObject("HttpHeaders").put("type", "object");

        List<String> violations = OpenApiConformance.violations(context, document);

        assertThat(violations).anyMatch(v -> v.startsWith("GET /api/v1/users: documents query parameter 'caller'"))
                .anyMatch(v -> v.startsWith("GET /api/v1/users: the handler reads query parameter 'search' that "
                        + "the document does not list"))
                .anyMatch(v -> v.startsWith("POST /api/v1/users: answer 201 does not document its Location"))
                .anyMatch(v -> v.startsWith("POST /api/v1/users: error answer 400 is documented as [*/*]"))
                .anyMatch(v -> v.contains("schema UserResponse") && v.contains("field 'id' is documented as "
                        + "[string]"))
                .anyMatch(v -> v.contains("schema UserResponse") && v.contains("does not document field 'grade'"))
                .anyMatch(v -> v.contains("schema UserSummary") && v.contains("documents field 'nickname'"))
                .anyMatch(v -> v.startsWith("schema ResponseEntityUserResponse: not a wire type"))
                .anyMatch(v -> v.startsWith("schema HttpHeaders: not a wire type"))
                .hasSize(9);
    }
}
