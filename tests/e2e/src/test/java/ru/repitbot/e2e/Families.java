package ru.repitbot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import ru.repitbot.e2e.Scenario.Created;
import ru.repitbot.e2e.Scenario.Member;
import ru.repitbot.testsupport.ApiClient;
import ru.repitbot.testsupport.ApiClient.ApiResponse;

/**
 * Two families of their own for the generated suites: an owner family (tutor, student, parent, all logged in) with
 * one object of every kind (a lesson, a homework with the student's answer and the tutor's file, a payment, a lesson
 * price, a weekly template, a calendar feed), and another family (tutor, student, parent) that must not reach them.
 * Each suite makes its own, so one suite's writes never change what another compares.
 */
final class Families {

    /** A 1×1 PNG: the homework file check looks at the content, not only the name. */
    static final byte[] PNG = Base64.getDecoder().decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJ"
            + "AAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration EVENTUALLY = Duration.ofSeconds(45);

    /** A tutor with a student and the student's parent, all logged in. */
    record Family(Member tutor, Member student, Member parent) {
    }

    /** What the owner family has: one of each kind. */
    record Objects(long lesson, long homework, long attachment, long payment, long feed, long message,
            long conversation, long broadcast, long material, long materialFile, long materialAttachment) {
    }

    private final Scenario scenario;
    private final Family owner;
    private final Family other;
    private final Objects objects;
    /** Lesson times of this instance: after the other classes' (ApiStyleIT 400-700 days ahead), within the 5 years a
     * deadline may reach, an hour apart. */
    private final OffsetDateTime base = OffsetDateTime.now(ZoneOffset.ofHours(3)).truncatedTo(ChronoUnit.DAYS)
            .plusDays(900 + ThreadLocalRandom.current().nextInt(700)).withHour(6);
    private final AtomicInteger slot = new AtomicInteger();

    private Families(Scenario scenario) {
        this.scenario = scenario;
        Member admin = scenario.admin();
        Created ownerTutor = scenario.create(admin.token(), Map.of("role", "tutor", "full_name", "Ольга Владелица"));
        Member tutor = scenario.login(ownerTutor.code(), scenario.newTelegramId());
        Created ownerStudent = scenario.create(tutor.token(), Map.of("role", "student", "full_name",
                "Олег Владелец", "grade", 8));
        Created ownerParent = scenario.create(tutor.token(), Map.of("role", "parent", "full_name",
                "Ольга Родитель", "student_ids", List.of(ownerStudent.id())));
        owner = new Family(tutor, scenario.login(ownerStudent.code(), scenario.newTelegramId()),
                scenario.login(ownerParent.code(), scenario.newTelegramId()));

        Created otherTutor = scenario.create(admin.token(), Map.of("role", "tutor", "full_name", "Игорь Чужой"));
        Created otherStudent = scenario.create(admin.token(), Map.of("role", "student", "full_name",
                "Иван Чужой", "grade", 6, "tutor_ids", List.of(otherTutor.id())));
        Created otherParent = scenario.create(admin.token(), Map.of("role", "parent", "full_name",
                "Ирина Чужая", "student_ids", List.of(otherStudent.id())));
        other = new Family(scenario.login(otherTutor.code(), scenario.newTelegramId()),
                scenario.login(otherStudent.code(), scenario.newTelegramId()),
                scenario.login(otherParent.code(), scenario.newTelegramId()));

        ApiClient t = tutor.api(scenario.stack());
        long student = owner.student().id();
        // Each service learns about new people from events: retry until it knows them (a 404 meanwhile).
        long lesson = eventually(() -> t.post("/api/v1/lessons", lessonBody(student, "Урок владельца")), 201)
                .json().path("id").asLong();
        long homework = eventually(() -> t.post("/api/v1/homework", Map.of("lesson_id", lesson, "description",
                "Задание владельца", "deadline", nextSlot().plusDays(3).toString())), 201).json().path("id").asLong();
        ApiResponse upload = multipart(tutor.token(), "/api/v1/homework/" + homework + "/attachments");
        assertThat(upload.status()).as("tutor's file upload: %s", upload).isEqualTo(201);
        long attachment = upload.json().get(0).path("id").asLong();
        long material = eventually(() -> t.post("/api/v1/materials", Map.of("title", "Материал владельца",
                "grade", 8)), 201).json().path("id").asLong();
        ApiResponse materialUpload = multipart(tutor.token(), "/api/v1/materials/" + material + "/files");
        assertThat(materialUpload.status()).as("tutor's material file: %s", materialUpload).isEqualTo(201);
        long materialFile = materialUpload.json().get(0).path("id").asLong();
        long materialAttachment = eventually(() -> t.post("/api/v1/materials/" + material + "/attachments",
                Map.of("lesson_id", lesson)), 201).json().path("id").asLong();
        ApiResponse answered = owner.student().api(scenario.stack()).post("/api/v1/homework/" + homework
                + "/submission", Map.of("text", "Ответ владельца"));
        assertThat(answered.status()).as("the student's answer: %s", answered).isEqualTo(200);
        long payment = eventually(() -> t.withHeader("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/v1/payments", Map.of("student_id", student, "lessons_paid", 4, "amount", "4000.00")),
                201).json().path("id").asLong();
        eventually(() -> t.put("/api/v1/prices/" + student, Map.of("amount", "1000.00")), 200);
        eventually(() -> t.put("/api/v1/schedules/" + student, Map.of("slots", List.of(Map.of("weekday", "monday",
                "time", "10:00", "duration_minutes", 60)))), 200);
        long feed = eventually(() -> t.post("/api/v1/calendar/feeds", Map.of("student_id", student)), 201)
                .json().path("id").asLong();
        ApiResponse message = eventually(() -> t.post("/api/v1/messages", Map.of("to_user_id", student, "text",
                "Сообщение владельца")), 201);
        // The message's success means notification-service knows the link, so the broadcast has its recipient.
        long broadcast = eventually(() -> t.post("/api/v1/broadcasts", Map.of("audience", "students", "text",
                "Рассылка владельца")), 201).json().path("id").asLong();
        objects = new Objects(lesson, homework, attachment, payment, feed, message.json().path("id").asLong(),
                message.json().path("conversation_id").asLong(), broadcast, material, materialFile,
                materialAttachment);
        // The other family must be known everywhere too, or their refusals would only say "who are you".
        ApiClient otherTutorApi = other.tutor().api(scenario.stack());
        eventually(() -> otherTutorApi.post("/api/v1/lessons", lessonBody(other.student().id(), "Свой урок")), 201);
    }

    static Families create(Scenario scenario) {
        return new Families(scenario);
    }

    Family owner() {
        return owner;
    }

    Family other() {
        return other;
    }

    Objects objects() {
        return objects;
    }

    ApiClient api(Member member) {
        return member.api(scenario.stack());
    }

    Map<String, Object> lessonBody(long studentId, String topic) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("student_id", studentId);
        body.put("topic", topic);
        body.put("start_at", nextSlot().toString());
        body.put("duration_minutes", 45);
        return body;
    }

    /** A lesson time of this instance's own, an hour after the last one. */
    OffsetDateTime nextSlot() {
        return base.plusHours(slot.incrementAndGet());
    }

    /** Repeats a request answered 404 (not known yet) or 429 until it answers {@code expected}, then asserts it. */
    static ApiResponse eventually(Supplier<ApiResponse> request, int expected) {
        long deadline = System.nanoTime() + EVENTUALLY.toNanos();
        ApiResponse response = request.get();
        while (response.status() != expected && System.nanoTime() < deadline
                && (response.status() == 404 || response.status() == 429)) {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            response = request.get();
        }
        assertThat(response.status()).as("%s", response).isEqualTo(expected);
        return response;
    }

    /** A multipart upload of one small PNG in the part "file", as {@code token}'s holder (none: anonymous). */
    static ApiResponse multipart(String token, String path) {
        String boundary = "families" + UUID.randomUUID().toString().replace("-", "");
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"dot.png\""
                + "\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + PNG.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(PNG, 0, body, head.length, PNG.length);
        System.arraycopy(tail, 0, body, head.length + PNG.length, tail.length);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(RepitbotStack.GATEWAY + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept", "application/json, application/problem+json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new ApiResponse(response.statusCode(), response.headers().map(), response.body());
        } catch (Exception e) {
            throw new IllegalStateException("multipart POST " + path + " failed: " + e, e);
        }
    }
}
