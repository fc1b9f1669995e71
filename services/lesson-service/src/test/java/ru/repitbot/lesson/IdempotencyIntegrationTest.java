package ru.repitbot.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import ru.repitbot.testsupport.ApiClient;

/** Idempotency-Key on lesson creation: a retried request does not create a second lesson. */
class IdempotencyIntegrationTest extends IntegrationTest {

    @Test
    void theSameKeyAndBodyReturnTheFirstLesson() {
        long tutor = givenTutor();
        long student = givenStudent(tutor);
        String key = UUID.randomUUID().toString();
        ApiClient client = as(tutor, "tutor").withHeader("Idempotency-Key", key);
        Map<String, Object> body = Map.of("student_id", student, "topic", "Повтор", "start_at", at(70, 0).toString());

        ApiClient.ApiResponse first = client.post("/api/v1/lessons", body);
        ApiClient.ApiResponse replay = client.post("/api/v1/lessons", body);
        assertThat(first.status()).isEqualTo(201);
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.json().path("id").asLong()).isEqualTo(first.json().path("id").asLong());

        ApiClient.ApiResponse otherBody = client.post("/api/v1/lessons", Map.of("student_id", student,
                "topic", "Другое", "start_at", at(71, 0).toString()));
        assertThat(otherBody.status()).isEqualTo(409);
        assertThat(otherBody.isProblem()).isTrue();

        assertThat(jdbc.queryForObject("SELECT count(*) FROM lessons WHERE student_id = ?", Long.class, student))
                .isEqualTo(1);
        assertThat(outboxFor(first.json().path("id").asLong(), "lesson.created")).hasSize(1);
    }

    @Test
    void keysBelongToTheirCaller() {
        long tutor = givenTutor();
        long other = givenTutor();
        String key = "shared-key-" + UUID.randomUUID();
        ApiClient.ApiResponse mine = as(tutor, "tutor").withHeader("Idempotency-Key", key).post("/api/v1/lessons",
                Map.of("student_id", givenStudent(tutor), "topic", "Мой", "start_at", at(72, 0).toString()));
        ApiClient.ApiResponse theirs = as(other, "tutor").withHeader("Idempotency-Key", key).post("/api/v1/lessons",
                Map.of("student_id", givenStudent(other), "topic", "Их", "start_at", at(72, 0).toString()));
        assertThat(mine.status()).isEqualTo(201);
        assertThat(theirs.status()).isEqualTo(201);
        assertThat(theirs.json().path("id").asLong()).isNotEqualTo(mine.json().path("id").asLong());
    }

    @Test
    void aFailedRequestDoesNotUseUpItsKey() {
        long tutor = givenTutor();
        long student = givenStudent(tutor);
        createLesson(tutor, student, "Занято", at(73, 0));
        ApiClient client = as(tutor, "tutor").withHeader("Idempotency-Key", UUID.randomUUID().toString());
        assertThat(client.post("/api/v1/lessons", Map.of("student_id", student, "topic", "Хочу",
                "start_at", at(73, 0).toString())).status()).isEqualTo(409);
        assertThat(client.post("/api/v1/lessons", Map.of("student_id", student, "topic", "Хочу",
                "start_at", at(74, 0).toString())).status()).isEqualTo(201);
    }

    @Test
    void concurrentRetriesWithOneKeyCreateOneLesson() {
        long tutor = givenTutor();
        long student = givenStudent(tutor);
        ApiClient client = as(tutor, "tutor").withHeader("Idempotency-Key", UUID.randomUUID().toString());
        Map<String, Object> body = Map.of("student_id", student, "topic", "Гонка", "start_at", at(75, 0).toString());
        List<CompletableFuture<ApiClient.ApiResponse>> calls = List.of(
                CompletableFuture.supplyAsync(() -> client.post("/api/v1/lessons", body)),
                CompletableFuture.supplyAsync(() -> client.post("/api/v1/lessons", body)),
                CompletableFuture.supplyAsync(() -> client.post("/api/v1/lessons", body)));
        List<ApiClient.ApiResponse> responses = calls.stream().map(CompletableFuture::join).toList();
        assertThat(responses).extracting(ApiClient.ApiResponse::status).containsOnly(200, 201).contains(201);
        assertThat(responses).extracting(r -> r.json().path("id").asLong()).containsOnly(
                responses.getFirst().json().path("id").asLong());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM lessons WHERE student_id = ?", Long.class, student))
                .isEqualTo(1);
    }
}
