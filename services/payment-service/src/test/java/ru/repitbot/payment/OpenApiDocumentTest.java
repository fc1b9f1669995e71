package ru.repitbot.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.repitbot.testsupport.ApiClient;
import tools.jackson.databind.JsonNode;

/** The published OpenAPI document describes the real API: our records, real types, problems for errors. */
class OpenApiDocumentTest extends IntegrationTest {

    private static final String SPRING_INTERNALS = ".*(ResponseEntity|HttpHeaders|MultipartFile|Resource|InputStream"
            + "|HttpStatusCode|HttpMethod|MediaType|ContentDisposition|ProblemDetail).*";

    private JsonNode document() {
        ApiClient.ApiResponse response = ApiClient.local(port).get("/openapi.json");
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    @Test
    void noSpringInternalsAreDocumentedAsSchemas() {
        List<String> schemas = new ArrayList<>(document().path("components").path("schemas").propertyNames());
        assertThat(schemas).isNotEmpty().noneMatch(name -> name.matches(SPRING_INTERNALS));
        assertThat(schemas).contains("PaymentResponse", "Create", "Voiding", "Statement", "StatementLine");
    }

    @Test
    void lessonsAreWholeNumbers() {
        JsonNode schemas = document().path("components").path("schemas");
        assertThat(schemas.path("Create").path("properties").path("lessons_paid").path("type").asString())
                .isEqualTo("integer");
        assertThat(schemas.path("PaymentResponse").path("properties").path("lessons_paid").path("type").asString())
                .isEqualTo("integer");
        assertThat(schemas.path("PaymentResponse").path("properties").path("voided").path("type").asString())
                .isEqualTo("boolean");
    }

    @Test
    void paymentsAreAnsweredWithTheirRecordAndErrorsWithProblems() {
        JsonNode paths = document().path("paths");
        JsonNode create = paths.path("/api/v1/payments").path("post").path("responses");
        assertThat(create.path("201").path("content").path("application/json").path("schema").path("$ref")
                .asString()).endsWith("/PaymentResponse");
        assertThat(create.path("409").path("content").has("application/problem+json")).isTrue();
        JsonNode voiding = paths.path("/api/v1/payments/{id}/void").path("post");
        assertThat(voiding.path("requestBody").path("content").path("application/json").path("schema").path("$ref")
                .asString()).endsWith("/Voiding");
        assertThat(voiding.path("responses").path("200").path("content").path("application/json").path("schema")
                .path("$ref").asString()).endsWith("/PaymentResponse");
        for (String status : List.of("403", "404", "409")) {
            assertThat(voiding.path("responses").path(status).path("content").has("application/problem+json"))
                    .as(status).isTrue();
        }
        assertThat(paths.path("/api/v1/payments/{id}").has("delete")).as("payments are not deleted").isFalse();
    }
}
