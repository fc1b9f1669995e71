package ru.repitbot.e2e.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.repitbot.e2e.Scenario;
import ru.repitbot.e2e.StackExtension;
import ru.repitbot.testsupport.ApiClient;
import tools.jackson.databind.JsonNode;

/**
 * A student and a parent in their Telegram chats with the real bot, the tutor working through the API: the student
 * sees the schedule (a cancelled lesson at its own date), hands in homework with the chat; the parent follows the
 * child's lessons, homework and payments.
 */
@Order(10)
@ExtendWith(StackExtension.class)
class BotFamilyIT {

    private static final Duration EVENTUALLY = Duration.ofSeconds(30);

    private final Scenario scenario;

    BotFamilyIT(Scenario scenario) {
        this.scenario = scenario;
    }

    @Test
    void aStudentAndAParentFollowLessonsHomeworkAndPaymentsInTheChat() {
        Scenario.Created t = scenario.create(scenario.admin().token(), Map.of("role", "tutor",
                "full_name", "Нина Семейная"));
        Scenario.Member tutor = scenario.login(t.code(), scenario.newTelegramId());
        ApiClient api = tutor.api(scenario.stack());
        Scenario.Created student = scenario.create(tutor.token(), Map.of("role", "student",
                "full_name", "Саша Семейный", "grade", 5));
        Scenario.Created parent = scenario.create(tutor.token(), Map.of("role", "parent",
                "full_name", "Мама Семейная", "student_ids", List.of(student.id())));
        OffsetDateTime base = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS).plusDays(3);
        long cancelled = lesson(api, student.id(), "Геометрия", base);
        long next = lesson(api, student.id(), "Алгебра", base.plusDays(1));
        long homework = await().atMost(EVENTUALLY).until(() -> api.post("/api/v1/homework", Map.of(
                "lesson_id", next, "description", "Решить № 5–9", "deadline", base.plusDays(2).toString())),
                r -> r.status() == 201).json().get("id").asLong();
        assertThat(api.withHeader("Idempotency-Key", UUID.randomUUID().toString()).post("/api/v1/payments",
                Map.of("student_id", student.id(), "lessons_paid", 8)).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/lessons/" + cancelled + "/cancel", Map.of()).status()).isEqualTo(200);

        // The student.
        BotChat s = BotChat.newUser("Саша");
        s.send("/start").awaitReply("код");
        s.send(student.code()).awaitReply("Главное меню ученика");
        s.press("Расписание").awaitReply("Геометрия", "Отменён");
        s.press("Домашние задания").awaitButton("Алгебра");
        s.press("Алгебра").awaitReply("Пришлите ваш ответ");
        s.send("x = 7, y = 3");
        s.send("/done").awaitReply("Ответ отправлен");
        await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(api.get("/api/v1/homework/" + homework).json()
                .get("status").asString()).isEqualTo("submitted"));
        assertThat(api.get("/api/v1/homework/" + homework + "/submission").json().get("text").asString())
                .isEqualTo("x = 7, y = 3");

        // The parent.
        BotChat p = BotChat.newUser("Мама");
        p.send("/start").awaitReply("код");
        p.send(parent.code()).awaitReply("Главное меню родителя");
        p.press("Мои дети").awaitButton("Саша Семейный");
        p.press("Саша Семейный").awaitReply("Саша Семейный");
        p.press("Оплаты").awaitReply("8");
        p.press("К ребёнку").awaitReply("Саша Семейный");
        p.press("Домашние задания").awaitButton("Алгебра");
        p.press("Алгебра").awaitReply("Решить № 5–9");
    }

    @Test
    void theAdminCreatesATutorWhoLogsInWithTheCodeShownOnce() {
        BotChat admin = BotChat.user(scenario.stack().adminTelegramId(), "Админ");
        admin.send("/start");
        admin.awaitReply(m -> m.path("text").asString().contains("код")
                || m.path("text").asString().contains("Главное меню администратора"), "greeting or menu");
        admin.send(scenario.stack().adminCode()).awaitReply("Главное меню администратора");
        admin.press("Создать репетитора").awaitReply("ФИО репетитора");
        admin.send("Тимур Новенький");
        JsonNode created = admin.awaitReply("Репетитор создан", "Тимур Новенький");
        java.util.regex.Matcher code = java.util.regex.Pattern.compile("[A-Z0-9]{8}")
                .matcher(created.path("text").asString());
        assertThat(code.find()).isTrue();

        BotChat tutor = BotChat.newUser("Тимур");
        tutor.send("/start").awaitReply("код");
        tutor.send(code.group()).awaitReply("Главное меню репетитора", "Тимур Новенький");

        admin.press("Пользователи и уроки").awaitReply("Пользователи и уроки");
    }

    private static long lesson(ApiClient api, long student, String topic, OffsetDateTime start) {
        return await().atMost(EVENTUALLY).until(() -> api.post("/api/v1/lessons", Map.of("student_id", student,
                "topic", topic, "start_at", start.toString())), r -> r.status() == 201).json().get("id").asLong();
    }
}
