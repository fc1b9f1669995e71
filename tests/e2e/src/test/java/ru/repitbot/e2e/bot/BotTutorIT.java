package ru.repitbot.e2e.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.repitbot.e2e.RepitbotStack;
import ru.repitbot.e2e.Scenario;
import ru.repitbot.e2e.StackExtension;
import ru.repitbot.testsupport.ApiClient;
import ru.repitbot.testsupport.ApiClient.ApiResponse;
import tools.jackson.databind.JsonNode;

/**
 * A tutor uses RepitBot the only way they can: in the Telegram chat (here the stand-in's), with the real bot in
 * front of the real stack. Login, the student list, adding a student with two parents; the dialog survives a
 * {@code kill -9} of the bot; a 429 storm from Telegram loses no reply; a webhook call with a wrong secret is
 * refused.
 */
@Order(10)
@ExtendWith(StackExtension.class)
class BotTutorIT {

    private final Scenario scenario;

    BotTutorIT(Scenario scenario) {
        this.scenario = scenario;
    }

    private BotChat loggedInTutor(String name) {
        Scenario.Created tutor = scenario.create(scenario.admin().token(), Map.of("role", "tutor",
                "full_name", name));
        BotChat chat = BotChat.newUser(name.split(" ")[0]);
        chat.send("/start").awaitReply("код");
        chat.send(tutor.code()).awaitReply("Главное меню репетитора");
        return chat;
    }

    @Test
    void aTutorLogsInAddsAStudentWithTwoParentsAndOpensTheProfile() {
        BotChat chat = BotChat.newUser("Ольга");
        chat.send("/start").awaitReply("код");
        chat.send("WRONG123").awaitReply(m -> !m.path("text").asString().contains("Главное меню"), "a refusal");
        Scenario.Created tutor = scenario.create(scenario.admin().token(), Map.of("role", "tutor",
                "full_name", "Ольга Чатова"));
        chat.send(tutor.code()).awaitReply("Главное меню репетитора", "Ольга Чатова");

        chat.press("Список учеников").awaitReply("учеников");
        chat.press("Добавить ученика").awaitReply("ФИО");
        chat.send("Пётр Чатов").awaitReply("родител");
        chat.send("Анна Чатова").awaitReply("родител");
        chat.send("Игорь Чатов");
        JsonNode codes = chat.awaitReply("Пётр Чатов", "Анна Чатова", "Игорь Чатов");
        assertThat(codes.path("text").asString()).containsPattern("[A-Z0-9]{8}");

        // The student exists on the server, linked to this tutor, as an admin sees it through the API.
        ApiClient admin = scenario.stack().gateway().withToken(scenario.admin().token());
        ApiResponse students = admin.get("/api/v1/users?role=student&search="
                + java.net.URLEncoder.encode("Пётр Чатов", java.nio.charset.StandardCharsets.UTF_8));
        assertThat(students.status()).as("%s", students).isEqualTo(200);
        assertThat(students.json().path("items")).hasSize(1);
        long student = students.json().path("items").get(0).path("id").asLong();
        assertThat(admin.get("/api/v1/users/" + student + "/parents").body()).contains("Анна Чатова", "Игорь Чатов");

        chat.press("Список учеников").awaitButton("Пётр Чатов");
        chat.press("Пётр Чатов").awaitReply("Пётр Чатов", "Анна Чатова");
    }

    @Test
    void aTutorAddsALessonForTomorrowAndCancelsAnotherOneWhoseTopicMovesOn() {
        Scenario.Created tutor = scenario.create(scenario.admin().token(), Map.of("role", "tutor",
                "full_name", "Лена Уроковa", "time_zone", "Europe/Moscow"));
        Scenario.Member tutorMember = scenario.login(tutor.code(), scenario.newTelegramId());
        ApiClient tutorApi = tutorMember.api(scenario.stack());
        long student = scenario.create(tutorMember.token(), Map.of("role", "student", "full_name", "Дима Уроков",
                "grade", 7)).id();
        java.time.ZonedDateTime inFiveDays = java.time.ZonedDateTime.now(java.time.ZoneId.of("Europe/Moscow"))
                .plusDays(5).withHour(12).withMinute(0).withSecond(0).withNano(0);
        long first = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(
                () -> tutorApi.post("/api/v1/lessons", Map.of("student_id", student, "topic", "Дроби",
                        "start_at", inFiveDays.toOffsetDateTime().toString())), r -> r.status() == 201)
                .json().get("id").asLong();
        tutorApi.post("/api/v1/lessons", Map.of("student_id", student, "topic", "Проценты", "start_at",
                inFiveDays.plusDays(2).toOffsetDateTime().toString()));

        // The tutor's code is bound to the API login above (a code binds one Telegram account): the admin resets
        // it, as the bot tells a person to do, and the tutor logs in in the chat with the new one.
        String fresh = scenario.stack().gateway().withToken(scenario.admin().token())
                .post("/api/v1/users/" + tutor.id() + "/access-code", Map.of()).json().get("access_code").asString();
        BotChat chat = BotChat.newUser("Лена");
        chat.send("/start").awaitReply("код");
        chat.send(fresh).awaitReply("Главное меню репетитора");

        chat.press("Список учеников").awaitButton("Дима Уроков");
        chat.press("Дима Уроков").awaitReply("Дима Уроков");
        chat.press("Добавить урок").awaitReply("тему урока");
        chat.send("Уравнения").awaitReply("Когда урок");
        chat.send("вчера 10:00").awaitReply(m -> m.path("text").asString().contains("❌")
                || m.path("text").asString().contains("прошл"), "a refusal of a past or unknown date");
        chat.send("завтра 15:00").awaitReply("Сколько длится");
        chat.press("60 мин").awaitReply("навыки");
        chat.send("/skip").awaitReply("Урок добавлен");
        java.time.ZonedDateTime tomorrow = java.time.ZonedDateTime.now(java.time.ZoneId.of("Europe/Moscow"))
                .plusDays(1).withHour(15).withMinute(0).withSecond(0).withNano(0);
        JsonNode added = tutorApi.get("/api/v1/lessons?student_id=" + student + "&from="
                + tomorrow.toOffsetDateTime().toString().replace("+", "%2B") + "&to="
                + tomorrow.plusMinutes(1).toOffsetDateTime().toString().replace("+", "%2B")).json();
        assertThat(added.get("items")).as("a lesson tomorrow at 15:00 Moscow time").hasSize(1);
        assertThat(added.get("items").get(0).get("topic").asString()).isEqualTo("Уравнения");

        // Dates as people type them, read in the tutor's zone (Moscow): each makes a lesson at that local time.
        java.time.ZoneId moscow = java.time.ZoneId.of("Europe/Moscow");
        java.time.LocalDate today = java.time.LocalDate.now(moscow);
        java.time.LocalDate in10 = today.plusDays(10);
        java.time.LocalDate in40 = today.plusDays(40);
        // "в среду" is the next Wednesday whose 18:30 is still ahead (today, if it is Wednesday before 18:30).
        java.time.LocalDate wednesday = today.getDayOfWeek() == java.time.DayOfWeek.WEDNESDAY
                && java.time.LocalTime.now(moscow).isBefore(java.time.LocalTime.of(18, 30)) ? today
                : today.with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.WEDNESDAY));
        Map<String, java.time.LocalDateTime> forms = new java.util.LinkedHashMap<>();
        forms.put(in40.format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy")) + " 15:30",
                in40.atTime(15, 30));
        forms.put(in10.format(java.time.format.DateTimeFormatter.ofPattern("dd.MM")) + " 16:45", in10.atTime(16, 45));
        forms.put("послезавтра 9:30", today.plusDays(2).atTime(9, 30));
        forms.put("в среду 18:30", wednesday.atTime(18, 30));
        int n = 0;
        for (Map.Entry<String, java.time.LocalDateTime> form : forms.entrySet()) {
            String topic = "Форма " + (++n);
            openProfile(chat, "Дима Уроков");
            chat.press("Добавить урок").awaitReply("тему урока");
            chat.send(topic).awaitReply("Когда урок");
            chat.send(form.getKey()).awaitReply("Сколько длится");
            chat.press("45 мин").awaitReply("навыки");
            chat.send("/skip").awaitReply("Урок добавлен");
            java.time.OffsetDateTime at = form.getValue().atZone(moscow).toOffsetDateTime();
            JsonNode found = tutorApi.get("/api/v1/lessons?student_id=" + student + "&from="
                    + at.toString().replace("+", "%2B") + "&to=" + at.plusMinutes(1).toString().replace("+", "%2B"))
                    .json();
            assertThat(found.get("items")).as("'%s' → %s", form.getKey(), at).hasSize(1);
            assertThat(found.get("items").get(0).get("topic").asString()).isEqualTo(topic);
        }

        openProfile(chat, "Дима Уроков");
        chat.press("Уроки ученика").awaitButton("Дроби");
        chat.press("Дроби").awaitReply("Дроби");
        chat.press("Отмена (уваж.)").awaitReply("Отменить урок");
        chat.press("Да, отменить").awaitReply("Темы перенесены");

        JsonNode cancelled = tutorApi.get("/api/v1/lessons/" + first).json();
        assertThat(cancelled.get("attendance_status").asString()).isEqualTo("excused_absence");
        assertThat(java.time.OffsetDateTime.parse(cancelled.get("start_at").asString()).toInstant())
                .isEqualTo(inFiveDays.toInstant());
        assertThat(cancelled.get("topic_moved_to_lesson_id").isNull()).isFalse();
    }

    @Test
    void anotherTutorsLessonIdForgedIntoCallbackDataIsRefusedAndNothingChanges() {
        Scenario.Created other = scenario.create(scenario.admin().token(), Map.of("role", "tutor",
                "full_name", "Чужой Репетитор"));
        Scenario.Member otherTutor = scenario.login(other.code(), scenario.newTelegramId());
        long otherStudent = scenario.create(otherTutor.token(), Map.of("role", "student",
                "full_name", "Чужой Ученик", "grade", 8)).id();
        ApiClient otherApi = otherTutor.api(scenario.stack());
        long foreign = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(
                () -> otherApi.post("/api/v1/lessons", Map.of("student_id", otherStudent, "topic", "Чужая тема",
                        "start_at", java.time.OffsetDateTime.now().plusDays(9).withNano(0).toString())),
                r -> r.status() == 201).json().get("id").asLong();

        BotChat chat = loggedInTutor("Хакер Любопытный");
        chat.press("Список учеников").awaitReply("учеников");
        for (String forged : new String[] {"ls.v:" + foreign, "ls.cy:" + foreign + ":u", "ls.dy:" + foreign}) {
            chat.pressForged(forged).awaitNotice("Не найдено");
        }
        JsonNode untouched = otherApi.get("/api/v1/lessons/" + foreign).json();
        assertThat(untouched.get("attendance_status").asString()).isEqualTo("scheduled");
        assertThat(untouched.get("topic").asString()).isEqualTo("Чужая тема");
    }

    /** From anywhere: the main menu, the student list, the student's profile. */
    private static void openProfile(BotChat chat, String student) {
        chat.send("/menu").awaitReply("Главное меню репетитора");
        chat.press("Список учеников").awaitButton(student);
        chat.press(student).awaitReply(student);
    }

    @Test
    void aDialogContinuesAfterTheBotIsKilledAndStartedAgain() {
        BotChat chat = loggedInTutor("Вера Рестартова");
        chat.press("Список учеников").awaitReply("учеников");
        chat.press("Добавить ученика").awaitReply("ФИО");

        scenario.stack().killAndRestart("telegram-bot");

        chat.send("Костя Рестартов").awaitReply("родител");
        chat.send("/skip");
        chat.awaitReply("Костя Рестартов");
    }

    @Test
    void aStormOfTooManyRequestsFromTelegramLosesNoReply() {
        BotChat chat = loggedInTutor("Гоша Штормов");
        ApiResponse storm = new ApiClient(BotChat.STANDIN).post("/ui/api/control/fail", Map.of("count", 6,
                "method", "sendMessage", "error_code", 429, "retry_after", 1));
        assertThat(storm.status()).as("%s", storm).isEqualTo(200);

        chat.send("/menu").awaitReply("Главное меню репетитора");
        chat.send("/start").awaitReply("Главное меню репетитора");

        JsonNode stats = new ApiClient(BotChat.STANDIN).get("/ui/api/stats").json();
        assertThat(stats.path("too_many_requests").size()).as("the stand-in really refused").isGreaterThan(0);
    }

    @Test
    void aWebhookCallWithoutTheRightSecretIsRefusedAndChangesNothing() throws Exception {
        BotChat chat = loggedInTutor("Женя Вебхукова");
        int before = chat.botMessages().size();
        String update = """
                {"update_id": 987654321, "message": {"message_id": 1, "date": 1, "text": "/menu",
                 "chat": {"id": %d, "type": "private"}, "from": {"id": %d, "is_bot": false, "first_name": "X"}}}"""
                .formatted(chat.chatId(), chat.chatId());
        HttpClient http = HttpClient.newHttpClient();
        for (String secret : new String[] {null, "wrong-secret"}) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(RepitbotStack.url("telegram-bot") + "/telegram/webhook"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(update));
            if (secret != null) {
                request.header("X-Telegram-Bot-Api-Secret-Token", secret);
            }
            HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            // Polling mode (this stack) has no webhook at all (404); webhook mode answers 401/403 (the bot's tests).
            assertThat(answer.statusCode()).as("secret %s: %s", secret, answer.body()).isIn(401, 403, 404);
        }
        Thread.sleep(1500);
        assertThat(chat.botMessages()).as("no reply to a refused update").hasSize(before);
    }
}
