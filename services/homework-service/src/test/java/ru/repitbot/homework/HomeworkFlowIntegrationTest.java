package ru.repitbot.homework;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.repitbot.events.EventEnvelope;
import ru.repitbot.testsupport.ApiClient;
import tools.jackson.databind.JsonNode;

/** docs/domain/homework.md#lifecycle end to end: assign, hand in, return with a comment, hand in again, accept — with its events. */
class HomeworkFlowIntegrationTest extends IntegrationTest {

    @Test
    void assignSubmitReturnResubmitAccept() {
        long tutor = givenTutor();
        long student = givenStudent(tutor);
        long parent = givenParentOf(student);
        long lesson = givenLesson(tutor, student, "Квадратные уравнения");

        // The tutor assigns, with a link, two photos and two Telegram documents (one without a name).
        ApiClient.ApiResponse created = assign(tutor, lesson, "  Решить №12–15  ", Map.of(
                "link", "https://example.org/task?id=12", "photo_file_ids", List.of("AgAD-tutor-1", "AgAD-tutor-2"),
                "documents", List.of(Map.of("file_id", "BQAD-task-1", "file_name", " Условие №12–15.pdf "),
                        Map.of("file_id", "BQAD-task-2")),
                "deadline", inDays(5)));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        assertThat(created.header("Location")).endsWith("/api/v1/homework/" + created.json().path("id").asLong());
        JsonNode hw = created.json();
        long id = hw.path("id").asLong();
        assertThat(hw.path("status").asString()).isEqualTo("pending");
        assertThat(hw.path("description").asString()).isEqualTo("Решить №12–15");
        assertThat(hw.path("lesson_id").asLong()).isEqualTo(lesson);
        assertThat(hw.path("student_id").asLong()).isEqualTo(student);
        assertThat(hw.path("tutor_id").asLong()).isEqualTo(tutor);
        assertThat(hw.path("lesson_topic").asString()).isEqualTo("Квадратные уравнения");
        assertThat(hw.path("link").asString()).isEqualTo("https://example.org/task?id=12");
        assertThat(hw.path("photo_file_ids").valueStream().map(JsonNode::asString)).containsExactly("AgAD-tutor-1",
                "AgAD-tutor-2");
        assertThat(hw.path("documents").valueStream().map(d -> d.path("file_id").asString()))
                .containsExactly("BQAD-task-1", "BQAD-task-2");
        assertThat(hw.path("documents").get(0).path("file_name").asString()).isEqualTo("Условие №12–15.pdf");
        assertThat(empty(hw.path("documents").get(1), "file_name")).isTrue();
        for (ApiClient reader : List.of(as(student, "student"), as(parent, "parent"))) {
            JsonNode seen = reader.get("/api/v1/homework/" + hw.path("id").asLong()).json();
            assertThat(seen.path("documents").valueStream().map(d -> d.path("file_id").asString()))
                    .as("the student and the parents see the task's documents").containsExactly("BQAD-task-1",
                            "BQAD-task-2");
        }
        assertThat(hw.path("overdue").asBoolean()).isFalse();
        assertThat(empty(hw, "submission")).isTrue();
        assertThat(hw.path("deadline").asString()).as("shown in the student's zone").endsWith("+03:00");

        // The student hands in text, photos and a PDF.
        ApiClient.ApiResponse submitted = multipart(token(student, "student"), "/api/v1/homework/" + id
                + "/submission", List.of(Part.field("text", "Ответы: 1) x=2"), Part.field("photo_file_ids", "AgAD-s1"),
                Part.field("photo_file_ids", "AgAD-s2"),
                Part.file("files", "Решение.pdf", "application/pdf", PDF)));
        assertThat(submitted.status()).as("%s", submitted).isEqualTo(200);
        JsonNode answer = submitted.json();
        assertThat(answer.path("status").asString()).isEqualTo("submitted");
        assertThat(answer.path("submission").path("text").asString()).isEqualTo("Ответы: 1) x=2");
        assertThat(answer.path("submission").path("photo_file_ids").valueStream().map(JsonNode::asString))
                .containsExactly("AgAD-s1", "AgAD-s2");
        assertThat(answer.path("submission").path("submitted_at").isMissingNode()).isFalse();
        assertThat(answer.path("link").asString()).as("the tutor's link is never overwritten")
                .isEqualTo("https://example.org/task?id=12");
        JsonNode pdf = answer.path("attachments").get(0);
        assertThat(pdf.path("kind").asString()).isEqualTo("submission");
        assertThat(pdf.path("file_name").asString()).isEqualTo("Решение.pdf");
        assertThat(pdf.path("content_type").asString()).isEqualTo("application/pdf");
        assertThat(pdf.path("size_bytes").asLong()).isEqualTo(PDF.length);
        assertThat(pdf.path("sha256").asString()).hasSize(64);

        // Everyone who may see the homework can download the PDF, byte for byte.
        String url = pdf.path("download_url").asString();
        for (String token : List.of(token(tutor, "tutor"), token(student, "student"), token(parent, "parent"),
                token(1, "admin"))) {
            HttpResponse<byte[]> file = download(token, url);
            assertThat(file.statusCode()).isEqualTo(200);
            assertThat(file.body()).isEqualTo(PDF);
            assertThat(file.headers().firstValue("Content-Type")).hasValue("application/pdf");
            assertThat(file.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment")
                    .contains("filename*=UTF-8''");
        }
        long stranger = givenStudent(givenTutor());
        assertThat(download(token(stranger, "student"), url).statusCode()).isEqualTo(404);

        // The tutor returns it with a comment: pending again, the answer kept.
        ApiClient.ApiResponse returned = as(tutor, "tutor").post("/api/v1/homework/" + id + "/return",
                Map.of("comment", "Проверь №14"));
        assertThat(returned.status()).as("%s", returned).isEqualTo(200);
        assertThat(returned.json().path("status").asString()).isEqualTo("pending");
        assertThat(returned.json().path("tutor_comment").asString()).isEqualTo("Проверь №14");
        assertThat(returned.json().path("submission").path("text").asString()).isEqualTo("Ответы: 1) x=2");
        assertThat(returned.json().path("attachments")).hasSize(1);
        assertThat(empty(returned.json(), "checked_at")).isTrue();

        // The student hands in again (JSON): text replaced, photos added, a document.
        ApiClient.ApiResponse again = as(student, "student").post("/api/v1/homework/" + id + "/submission",
                Map.of("text", "Исправлено: №14 x=-3", "photo_file_ids", List.of("AgAD-s3"),
                        "document_file_id", "BQAD-doc"));
        assertThat(again.status()).as("%s", again).isEqualTo(200);
        JsonNode second = again.json().path("submission");
        assertThat(second.path("text").asString()).isEqualTo("Исправлено: №14 x=-3");
        assertThat(second.path("photo_file_ids").valueStream().map(JsonNode::asString))
                .containsExactly("AgAD-s1", "AgAD-s2", "AgAD-s3");
        assertThat(second.path("document_file_id").asString()).isEqualTo("BQAD-doc");

        // The tutor accepts.
        ApiClient.ApiResponse accepted = as(tutor, "tutor").post("/api/v1/homework/" + id + "/accept", null);
        assertThat(accepted.status()).as("%s", accepted).isEqualTo(200);
        assertThat(accepted.json().path("status").asString()).isEqualTo("checked");
        OffsetDateTime checkedAt = OffsetDateTime.parse(accepted.json().path("checked_at").asString());
        assertThat(as(parent, "parent").get("/api/v1/homework/" + id).json().path("status").asString())
                .isEqualTo("checked");

        // The events, in order, with their payloads and the homework's version.
        List<EventEnvelope> events = outboxFor(id);
        assertThat(events).extracting(EventEnvelope::eventType).containsExactly("homework.assigned",
                "homework.submitted", "homework.checked", "homework.submitted", "homework.checked");
        assertThat(events).extracting(EventEnvelope::serviceName).containsOnly("homework-service");
        assertThat(events.stream().map(EventEnvelope::aggregateVersion).toList()).isSorted()
                .doesNotHaveDuplicates();

        JsonNode assignedData = events.get(0).data();
        assertThat(assignedData.path("homework_id").asLong()).isEqualTo(id);
        assertThat(assignedData.path("lesson_id").asLong()).isEqualTo(lesson);
        assertThat(assignedData.path("student_id").asLong()).isEqualTo(student);
        assertThat(assignedData.path("tutor_id").asLong()).isEqualTo(tutor);
        assertThat(assignedData.path("description").asString()).isEqualTo("Решить №12–15");
        assertThat(assignedData.path("file_link").asString()).isEqualTo("https://example.org/task?id=12");
        assertThat(assignedData.path("photo_count").asInt()).isEqualTo(2);
        assertThat(OffsetDateTime.parse(assignedData.path("deadline").asString()).toInstant())
                .isEqualTo(OffsetDateTime.parse(hw.path("deadline").asString()).toInstant());
        assertThat(events.get(0).userId()).isEqualTo(Long.toString(tutor));

        JsonNode firstSubmit = events.get(1).data();
        assertThat(firstSubmit.path("has_text").asBoolean()).isTrue();
        assertThat(firstSubmit.path("photo_count").asInt()).isEqualTo(2);
        assertThat(firstSubmit.path("has_document").asBoolean()).as("the uploaded PDF").isTrue();
        assertThat(events.get(1).userId()).isEqualTo(Long.toString(student));

        JsonNode returnedData = events.get(2).data();
        assertThat(returnedData.path("status").asString()).isEqualTo("pending");
        assertThat(returnedData.path("checked_at").isNull() || returnedData.path("checked_at").isMissingNode())
                .isTrue();

        assertThat(events.get(3).data().path("photo_count").asInt()).isEqualTo(3);

        JsonNode acceptedData = events.get(4).data();
        assertThat(acceptedData.path("status").asString()).isEqualTo("checked");
        assertThat(OffsetDateTime.parse(acceptedData.path("checked_at").asString()).toInstant())
                .isEqualTo(checkedAt.toInstant());
    }

    @Test
    void aLessonHoldsSeveralHomeworkAndListsFilterThem() {
        long tutor = givenTutor();
        long student = givenStudent(tutor);
        long lesson = givenLesson(tutor, student, "Степени");
        long other = givenLesson(tutor, student, "Корни");
        long first = assigned(tutor, lesson, "Часть 1").path("id").asLong();
        long second = assigned(tutor, lesson, "Часть 2").path("id").asLong();
        long third = assigned(tutor, other, "Корни: №1").path("id").asLong();
        as(student, "student").post("/api/v1/homework/" + second + "/submission", Map.of("text", "готово"));

        JsonNode byLesson = as(tutor, "tutor").get("/api/v1/homework?lesson_id=" + lesson).json();
        assertThat(ids(byLesson)).containsExactly(second, first);
        assertThat(byLesson.path("total").asLong()).isEqualTo(2);

        assertThat(ids(as(student, "student").get("/api/v1/homework?status=submitted").json()))
                .containsExactly(second);
        assertThat(ids(as(student, "student").get("/api/v1/homework?status=pending").json()))
                .containsExactly(third, first);

        JsonNode paged = as(student, "student").get("/api/v1/homework?size=2&page=2").json();
        assertThat(paged.path("total").asLong()).isEqualTo(3);
        assertThat(paged.path("pages").asInt()).isEqualTo(2);
        assertThat(ids(paged)).containsExactly(first);
    }

    @Test
    void overdueIsPendingWithThePassedDeadline() {
        long tutor = givenTutor();
        long student = givenStudent(tutor);
        long parent = givenParentOf(student);
        long lesson = givenLesson(tutor, student, "Логарифмы");
        long late = assigned(tutor, lesson, "Просрочено").path("id").asLong();
        long lateButHandedIn = assigned(tutor, lesson, "Сдано поздно").path("id").asLong();
        long onTime = assigned(tutor, lesson, "В срок").path("id").asLong();
        as(student, "student").post("/api/v1/homework/" + lateButHandedIn + "/submission", Map.of("text", "вот"));
        // Deadlines cannot be set in the past through the API; time passes in the database instead.
        jdbc.update("UPDATE homework SET deadline = now() - interval '1 day' WHERE id IN (?, ?)", late,
                lateButHandedIn);

        JsonNode overdue = as(parent, "parent").get("/api/v1/homework?overdue=true&student_id=" + student).json();
        assertThat(ids(overdue)).containsExactly(late);
        assertThat(overdue.path("items").get(0).path("overdue").asBoolean()).isTrue();
        assertThat(ids(as(tutor, "tutor").get("/api/v1/homework?overdue=false&lesson_id=" + lesson).json()))
                .containsExactly(onTime, lateButHandedIn);
        assertThat(as(student, "student").get("/api/v1/homework/" + lateButHandedIn).json().path("overdue")
                .asBoolean()).isFalse();
    }

    @Test
    void theTutorEditsTheTaskAndManagesItsFiles() {
        long tutor = givenTutor();
        long student = givenStudent(tutor);
        long lesson = givenLesson(tutor, student, "Векторы");
        long id = assigned(tutor, lesson, "Черновик").path("id").asLong();

        ApiClient.ApiResponse edited = as(tutor, "tutor").patch("/api/v1/homework/" + id, Map.of(
                "description", "Итоговое задание", "link", "https://example.org/v", "deadline", inDays(10)));
        assertThat(edited.status()).as("%s", edited).isEqualTo(200);
        assertThat(edited.json().path("description").asString()).isEqualTo("Итоговое задание");
        assertThat(edited.json().path("link").asString()).isEqualTo("https://example.org/v");
        assertThat(empty(as(tutor, "tutor").patch("/api/v1/homework/" + id, Map.of("link", "")).json(), "link"))
                .as("an empty link removes it").isTrue();

        // The Telegram documents: a list given replaces the earlier one, none given keeps it, [] removes them.
        JsonNode withDocuments = as(tutor, "tutor").patch("/api/v1/homework/" + id, Map.of("documents", List.of(
                Map.of("file_id", "BQAD-old", "file_name", "старое.pdf")))).json();
        assertThat(withDocuments.path("documents").valueStream().map(d -> d.path("file_id").asString()))
                .containsExactly("BQAD-old");
        JsonNode replaced = as(tutor, "tutor").patch("/api/v1/homework/" + id, Map.of("documents", List.of(
                Map.of("file_id", "BQAD-new-1", "file_name", "новое.docx"), Map.of("file_id", "BQAD-new-2",
                        "file_name", "схема.pdf")))).json();
        assertThat(replaced.path("documents").valueStream().map(d -> d.path("file_name").asString()))
                .containsExactly("новое.docx", "схема.pdf");
        JsonNode kept = as(tutor, "tutor").patch("/api/v1/homework/" + id, Map.of("description", "Итоговое задание"))
                .json();
        assertThat(kept.path("documents").valueStream().map(d -> d.path("file_id").asString()))
                .containsExactly("BQAD-new-1", "BQAD-new-2");
        assertThat(as(student, "student").get("/api/v1/homework/" + id).json().path("documents")).hasSize(2);
        assertThat(as(tutor, "tutor").patch("/api/v1/homework/" + id, Map.of("documents", List.of())).json()
                .path("documents")).isEmpty();

        ApiClient.ApiResponse uploaded = multipart(token(tutor, "tutor"), "/api/v1/homework/" + id + "/attachments",
                List.of(Part.file("file", "схема.png", "image/png", PNG),
                        Part.file("file", "условие.pdf", "application/octet-stream", PDF)));
        assertThat(uploaded.status()).as("%s", uploaded).isEqualTo(201);
        assertThat(uploaded.json()).hasSize(2);
        assertThat(uploaded.json().get(0).path("kind").asString()).isEqualTo("assignment");
        assertThat(uploaded.json().get(1).path("content_type").asString())
                .as("the type comes from the checked content, not the client").isEqualTo("application/pdf");
        long png = uploaded.json().get(0).path("id").asLong();

        JsonNode seen = as(student, "student").get("/api/v1/homework/" + id).json();
        assertThat(seen.path("attachments")).hasSize(2);
        HttpResponse<byte[]> file = download(token(student, "student"), "/api/v1/homework/" + id + "/attachments/"
                + png);
        assertThat(file.body()).isEqualTo(PNG);
        assertThat(file.headers().firstValue("Content-Type")).hasValue("image/png");

        assertThat(as(tutor, "tutor").delete("/api/v1/homework/" + id + "/attachments/" + png).status())
                .isEqualTo(204);
        assertThat(as(student, "student").get("/api/v1/homework/" + id).json().path("attachments")).hasSize(1);
        assertThat(download(token(student, "student"), "/api/v1/homework/" + id + "/attachments/" + png)
                .statusCode()).isEqualTo(404);

        assertThat(as(tutor, "tutor").delete("/api/v1/homework/" + id).status()).isEqualTo(204);
        assertThat(as(tutor, "tutor").get("/api/v1/homework/" + id).status()).isEqualTo(404);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM homework_attachment WHERE homework_id = ?",
                Integer.class, id)).isZero();
    }
}
