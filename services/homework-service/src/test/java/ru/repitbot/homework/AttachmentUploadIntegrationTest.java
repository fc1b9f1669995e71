package ru.repitbot.homework;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.repitbot.testsupport.ApiClient;
import tools.jackson.databind.JsonNode;

/** Uploads are limited in size (413) and type (415, by name and content), and a refused upload changes nothing. */
class AttachmentUploadIntegrationTest extends IntegrationTest {

    private static final int LIMIT = 10 * 1024 * 1024;

    @Test
    void aFileOverTheLimitIsA413ProblemAndNothingIsStored() {
        long tutor = givenTutor();
        long student = givenStudent(tutor);
        long id = assigned(tutor, givenLesson(tutor, student, "Тема"), "Задание").path("id").asLong();
        byte[] big = Arrays.copyOf(PDF, LIMIT + 1);

        ApiClient.ApiResponse tutorUpload = multipart(token(tutor, "tutor"), "/api/v1/homework/" + id
                + "/attachments", List.of(Part.file("file", "big.pdf", "application/pdf", big)));
        assertProblem(tutorUpload, 413, "file");
        assertThat(tutorUpload.json().path("file_name").asString()).isEqualTo("big.pdf");
        assertThat(tutorUpload.json().path("max_file_size_bytes").asLong()).isEqualTo(LIMIT);

        ApiClient.ApiResponse submission = multipart(token(student, "student"), "/api/v1/homework/" + id
                + "/submission", List.of(Part.field("text", "ответ"),
                        Part.file("files", "big.pdf", "application/pdf", big)));
        assertProblem(submission, 413, "file");
        JsonNode after = as(student, "student").get("/api/v1/homework/" + id).json();
        assertThat(after.path("status").asString()).as("the whole submission was refused").isEqualTo("pending");
        assertThat(empty(after, "submission")).isTrue();
        assertThat(after.path("attachments")).isEmpty();
        assertThat(outboxFor(id)).extracting(e -> e.eventType()).containsExactly("homework.assigned");

        byte[] atLimit = Arrays.copyOf(PDF, LIMIT);
        assertThat(multipart(token(tutor, "tutor"), "/api/v1/homework/" + id + "/attachments",
                List.of(Part.file("file", "ok.pdf", "application/pdf", atLimit))).status()).isEqualTo(201);
    }

    @Test
    void typesOutsideTheAllowListOrWithMismatchedContentAre415Problems() {
        long tutor = givenTutor();
        long student = givenStudent(tutor);
        long id = assigned(tutor, givenLesson(tutor, student, "Тема"), "Задание").path("id").asLong();
        String path = "/api/v1/homework/" + id + "/attachments";
        byte[] exe = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0};

        assertProblem(multipart(token(tutor, "tutor"), path,
                List.of(Part.file("file", "setup.exe", "application/octet-stream", exe))), 415, "file");
        assertProblem(multipart(token(tutor, "tutor"), path,
                List.of(Part.file("file", "invoice.pdf", "application/pdf", exe))), 415, "file");
        assertProblem(multipart(token(tutor, "tutor"), path,
                List.of(Part.file("file", "photo.png", "image/png", PDF))), 415, "file");
        assertProblem(multipart(token(tutor, "tutor"), path,
                List.of(Part.file("file", "page.html", "text/html", "<script>".getBytes()))), 415, "file");
        assertProblem(multipart(token(student, "student"), "/api/v1/homework/" + id + "/submission",
                List.of(Part.file("files", "answer.docx", "application/octet-stream", PDF))), 415, "file");

        // One bad file among good ones refuses the whole request.
        assertProblem(multipart(token(tutor, "tutor"), path, List.of(
                Part.file("file", "good.pdf", "application/pdf", PDF),
                Part.file("file", "bad.exe", "application/octet-stream", exe))), 415, "file");
        assertThat(as(tutor, "tutor").get("/api/v1/homework/" + id).json().path("attachments")).isEmpty();
    }

    @Test
    void emptyOrMissingFilesAre400Problems() {
        long tutor = givenTutor();
        long student = givenStudent(tutor);
        long id = assigned(tutor, givenLesson(tutor, student, "Тема"), "Задание").path("id").asLong();
        String path = "/api/v1/homework/" + id + "/attachments";

        assertProblem(multipart(token(tutor, "tutor"), path,
                List.of(Part.file("file", "empty.pdf", "application/pdf", new byte[0]))), 400, "file");
        assertProblem(multipart(token(tutor, "tutor"), path, List.of(Part.field("note", "x"))), 400, "file");
        ApiClient.ApiResponse json = as(tutor, "tutor").post(path, "{}");
        assertThat(json.status()).as("%s", json).isEqualTo(415);
        assertThat(json.isProblem()).isTrue();
        ApiClient.ApiResponse emptyAnswer = multipart(token(student, "student"), "/api/v1/homework/" + id
                + "/submission", List.of(Part.field("text", "   ")));
        assertProblem(emptyAnswer, 400, "submission");
    }

    private static void assertProblem(ApiClient.ApiResponse response, int status, String field) {
        assertThat(response.status()).as("%s", response).isEqualTo(status);
        assertThat(response.isProblem()).as("problem+json: %s", response.contentType()).isTrue();
        assertThat(response.json().path("errors").valueStream().map(e -> e.path("field").asString()).toList())
                .as("%s", response).contains(field);
    }
}
