package ru.repitbot.homework;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.repitbot.events.EventEnvelope;
import ru.repitbot.testsupport.ApiClient;
import tools.jackson.databind.JsonNode;

/**
 * The student reads their own answer (text, files, downloads) and may take it back while the tutor has not checked
 * it: the answer and its files are gone and the homework is pending again.
 */
class SubmissionWithdrawalIntegrationTest extends IntegrationTest {

    private record Handed(long tutor, long student, long parent, long homework, long taskFile, long answerFile) {
    }

    /** Homework with a file of the tutor's and an answer: text, a photo, a document and an uploaded PDF. */
    private Handed handedIn() {
        long tutor = givenTutor();
        long student = givenStudent(tutor);
        long parent = givenParentOf(student);
        long id = assigned(tutor, givenLesson(tutor, student, "Дроби"), "№1–5").path("id").asLong();
        ApiClient.ApiResponse task = multipart(token(tutor, "tutor"), "/api/v1/homework/" + id + "/attachments",
                List.of(Part.file("file", "условие.png", "image/png", PNG)));
        assertThat(task.status()).as("%s", task).isEqualTo(201);
        ApiClient.ApiResponse answer = multipart(token(student, "student"), "/api/v1/homework/" + id
                + "/submission", List.of(Part.field("text", "x = 2"), Part.field("photo_file_ids", "AgAD-1"),
                        Part.field("document_file_id", "BQAD-1"),
                        Part.file("files", "решение.pdf", "application/pdf", PDF)));
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        long answerFile = answer.json().path("attachments").valueStream()
                .filter(a -> a.path("kind").asString().equals("submission")).findFirst().orElseThrow()
                .path("id").asLong();
        return new Handed(tutor, student, parent, id, task.json().get(0).path("id").asLong(), answerFile);
    }

    @Test
    void theStudentReadsTheirAnswerWithItsFiles() {
        Handed h = handedIn();
        String path = "/api/v1/homework/" + h.homework() + "/submission";

        ApiClient.ApiResponse read = as(h.student(), "student").get(path);
        assertThat(read.status()).as("%s", read).isEqualTo(200);
        JsonNode answer = read.json();
        assertThat(answer.path("homework_id").asLong()).isEqualTo(h.homework());
        assertThat(answer.path("status").asString()).isEqualTo("submitted");
        assertThat(answer.path("text").asString()).isEqualTo("x = 2");
        assertThat(answer.path("photo_file_ids").valueStream().map(JsonNode::asString)).containsExactly("AgAD-1");
        assertThat(answer.path("document_file_id").asString()).isEqualTo("BQAD-1");
        assertThat(answer.path("withdrawable").asBoolean()).isTrue();
        assertThat(answer.path("files")).as("only the student's own files, not the task's").hasSize(1);
        JsonNode file = answer.path("files").get(0);
        assertThat(file.path("file_name").asString()).isEqualTo("решение.pdf");
        assertThat(file.path("size_bytes").asLong()).isEqualTo(PDF.length);
        assertThat(download(token(h.student(), "student"), file.path("download_url").asString()).body())
                .isEqualTo(PDF);

        // The parents and the tutor read it too; another student does not see it at all.
        assertThat(as(h.parent(), "parent").get(path).status()).isEqualTo(200);
        assertThat(as(h.tutor(), "tutor").get(path).json().path("text").asString()).isEqualTo("x = 2");
        assertThat(as(givenStudent(h.tutor()), "student").get(path).status()).isEqualTo(404);

        // Before anything is handed in there is no answer to read.
        long fresh = assigned(h.tutor(), givenLesson(h.tutor(), h.student(), "Корни"), "№6").path("id").asLong();
        ApiClient.ApiResponse none = as(h.student(), "student").get("/api/v1/homework/" + fresh + "/submission");
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.isProblem()).isTrue();
    }

    @Test
    void withdrawingRemovesTheAnswerAndItsFilesAndTheHomeworkIsPendingAgain() {
        Handed h = handedIn();
        String path = "/api/v1/homework/" + h.homework() + "/submission";
        int eventsBefore = outboxFor(h.homework()).size();

        ApiClient.ApiResponse withdrawn = as(h.student(), "student").delete(path);
        assertThat(withdrawn.status()).as("%s", withdrawn).isEqualTo(200);
        JsonNode hw = withdrawn.json();
        assertThat(hw.path("status").asString()).isEqualTo("pending");
        assertThat(empty(hw, "submission")).isTrue();
        assertThat(hw.path("attachments").valueStream().map(a -> a.path("kind").asString()))
                .as("the tutor's file stays").containsExactly("assignment");

        assertThat(as(h.student(), "student").get(path).status()).as("no answer any more").isEqualTo(404);
        assertThat(download(token(h.student(), "student"), "/api/v1/homework/" + h.homework() + "/attachments/"
                + h.answerFile()).statusCode()).isEqualTo(404);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM homework_attachment WHERE id = ?", Integer.class,
                h.answerFile())).as("removed from the store").isZero();
        assertThat(download(token(h.student(), "student"), "/api/v1/homework/" + h.homework() + "/attachments/"
                + h.taskFile()).statusCode()).isEqualTo(200);
        assertThat(as(h.tutor(), "tutor").get("/api/v1/homework?status=submitted&student_id=" + h.student())
                .json().path("total").asLong()).as("nothing left for the tutor to check").isZero();
        List<EventEnvelope> afterWithdrawal = outboxFor(h.homework());
        assertThat(afterWithdrawal).hasSize(eventsBefore + 1);
        assertThat(afterWithdrawal.getLast().eventType()).isEqualTo("homework.withdrawn");
        assertThat(afterWithdrawal.getLast().data().path("student_id").asLong()).isEqualTo(h.student());

        // Pending again: the overdue rule applies, and the student can hand in anew.
        jdbc.update("UPDATE homework SET deadline = now() - interval '1 hour' WHERE id = ?", h.homework());
        assertThat(as(h.parent(), "parent").get("/api/v1/homework/" + h.homework()).json().path("overdue")
                .asBoolean()).isTrue();
        ApiClient.ApiResponse again = as(h.student(), "student").post(path, Map.of("text", "x = 3"));
        assertThat(again.status()).as("%s", again).isEqualTo(200);
        assertThat(again.json().path("submission").path("text").asString()).isEqualTo("x = 3");
        assertThat(again.json().path("submission").path("photo_file_ids")).isEmpty();
        List<EventEnvelope> events = outboxFor(h.homework());
        assertThat(events.getLast().eventType()).isEqualTo("homework.submitted");
        assertThat(events.getLast().aggregateVersion()).isGreaterThan(afterWithdrawal.getLast().aggregateVersion());
    }

    @Test
    void onlyTheStudentWithdrawsAndOnlyBeforeTheTutorChecked() {
        Handed h = handedIn();
        String path = "/api/v1/homework/" + h.homework() + "/submission";

        assertProblem(as(h.tutor(), "tutor").delete(path), 403);
        assertProblem(as(h.parent(), "parent").delete(path), 403);
        assertProblem(admin().delete(path), 403);
        assertProblem(as(givenStudent(h.tutor()), "student").delete(path), 404);
        assertProblem(as(h.student(), "student").delete("/api/v1/homework/987654321/submission"), 404);
        assertThat(as(h.student(), "student").get(path).json().path("text").asString()).as("still there")
                .isEqualTo("x = 2");

        // Returned for rework: the tutor has checked it, it cannot be taken back.
        as(h.tutor(), "tutor").post("/api/v1/homework/" + h.homework() + "/return", Map.of("comment", "№3"));
        ApiClient.ApiResponse returned = as(h.student(), "student").delete(path);
        assertProblem(returned, 409);
        assertThat(returned.json().path("detail").asString()).contains("returned it for rework");

        // Accepted: final.
        as(h.student(), "student").post(path, Map.of("text", "исправлено"));
        as(h.tutor(), "tutor").post("/api/v1/homework/" + h.homework() + "/accept", null);
        ApiClient.ApiResponse accepted = as(h.student(), "student").delete(path);
        assertProblem(accepted, 409);
        assertThat(accepted.json().path("detail").asString()).contains("already accepted");
        assertThat(as(h.student(), "student").get(path).json().path("text").asString()).isEqualTo("исправлено");

        // Nothing handed in: nothing to withdraw.
        long fresh = assigned(h.tutor(), givenLesson(h.tutor(), h.student(), "Корни"), "№6").path("id").asLong();
        ApiClient.ApiResponse nothing = as(h.student(), "student").delete("/api/v1/homework/" + fresh
                + "/submission");
        assertProblem(nothing, 409);
        assertThat(nothing.json().path("detail").asString()).contains("no handed-in answer");
    }

    private static void assertProblem(ApiClient.ApiResponse response, int status) {
        assertThat(response.status()).as("%s", response).isEqualTo(status);
        assertThat(response.isProblem()).as("problem+json: %s", response.contentType()).isTrue();
    }
}
