package ru.repitbot.homework;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The published OpenAPI document describes the real API: our records, binary files, problems for errors. */
class OpenApiDocumentTest extends IntegrationTest {

    private static final String SPRING_INTERNALS = ".*(ResponseEntity|HttpHeaders|MultipartFile|Resource|InputStream"
            + "|HttpStatusCode|HttpMethod|MediaType|ContentDisposition|ProblemDetail).*";

    private JsonNode document() {
        return anonymous().get("/openapi.json").json();
    }

    @Test
    void noSpringInternalsAreDocumentedAsSchemas() {
        List<String> schemas = new ArrayList<>(document().path("components").path("schemas").propertyNames());
        assertThat(schemas).isNotEmpty().noneMatch(name -> name.matches(SPRING_INTERNALS));
        assertThat(schemas).contains("HomeworkResponse", "Answer", "AnswerForm", "SubmissionResponse", "Attachment");
    }

    @Test
    void uploadsAreMultipartWithBinaryPartsAndDownloadsAreBinary() {
        JsonNode paths = document().path("paths");
        JsonNode schemas = document().path("components").path("schemas");

        JsonNode submission = paths.path("/api/v1/homework/{id}/submission").path("post");
        JsonNode form = resolve(schemas, submission.path("requestBody").path("content").path("multipart/form-data")
                .path("schema"));
        assertThat(form.path("properties").path("files").path("items").path("format").asString()).isEqualTo("binary");
        assertThat(form.path("properties").has("text")).isTrue();
        assertThat(submission.path("requestBody").path("content").path("application/json").path("schema")
                .path("$ref").asString()).endsWith("/Answer");
        assertThat(submission.path("parameters").valueStream().map(p -> p.path("name").asString()))
                .as("form fields are not query parameters").containsExactly("id");

        JsonNode upload = paths.path("/api/v1/homework/{id}/attachments").path("post");
        JsonNode uploadForm = resolve(schemas, upload.path("requestBody").path("content")
                .path("multipart/form-data").path("schema"));
        assertThat(uploadForm.path("properties").path("file").path("items").path("format").asString())
                .isEqualTo("binary");
        assertThat(upload.path("responses").path("201").path("content").path("application/json").path("schema")
                .path("items").path("$ref").asString()).endsWith("/Attachment");

        JsonNode download = paths.path("/api/v1/homework/{id}/attachments/{attachmentId}").path("get")
                .path("responses").path("200").path("content");
        assertThat(download.path("application/octet-stream").path("schema").path("format").asString())
                .isEqualTo("binary");

        JsonNode create = paths.path("/api/v1/homework").path("post").path("responses").path("201");
        assertThat(create.path("content").path("application/json").path("schema").path("$ref").asString())
                .endsWith("/HomeworkResponse");
        JsonNode withdraw = paths.path("/api/v1/homework/{id}/submission").path("delete").path("responses");
        for (String status : List.of("403", "404", "409")) {
            assertThat(withdraw.path(status).path("content").has("application/problem+json")).as(status).isTrue();
        }
    }

    private static JsonNode resolve(JsonNode schemas, JsonNode schema) {
        String ref = schema.path("$ref").asString("");
        return ref.isEmpty() ? schema : schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
    }
}
