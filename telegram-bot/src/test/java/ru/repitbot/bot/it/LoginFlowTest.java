package ru.repitbot.bot.it;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.repitbot.bot.session.Login;
import ru.repitbot.models.Role;
import ru.repitbot.standin.ChatDriver;
import ru.repitbot.standin.ChatMessage;

/** Login with the access code (docs/domain/bot.md#login), logout, and tokens refreshed or ended. */
class LoginFlowTest extends BotIntegrationTest {

    private static String code(String prefix, long id) {
        return prefix + String.format("%05d", id % 100000);
    }

    private void stubLogin(String code, long userId, String role, String name) {
        GATEWAY.stubFor(post(urlPathEqualTo("/api/v1/auth/login"))
                .withRequestBody(matchingJsonPath("$.access_code", equalTo(code)))
                .willReturn(okJson("""
                        {"access_token":"%s","refresh_token":"refresh-%d","token_type":"bearer","expires_in":1800,
                         "refresh_expires_in":604800,"user_id":%d,"user_role":"%s","full_name":"%s"}"""
                        .formatted(accessToken(userId), userId, userId, role, name))));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/users/me")).withHeader("Authorization", bearer(userId))
                .willReturn(okJson("""
                        {"id":%d,"role":"%s","full_name":"%s","telegram_id":null,"username":null,
                         "time_zone":"Asia/Yekaterinburg","grade":null}""".formatted(userId, role, name))));
    }

    @Test
    void aTutorSendsTheCodeIsWelcomedAndGetsTheTutorMenu() {
        ChatDriver anna = newChat("Анна");
        long userId = nextId();
        String code = code("TUT", userId);
        stubLogin(code, userId, "tutor", "Анна Петрова");

        anna.send("/start");
        assertThat(anna.awaitBotMessage(WAIT).text()).contains("код доступа");

        anna.send("  " + code.toLowerCase() + " ");
        ChatMessage welcome = anna.awaitBotMessage(m -> m.text().contains("Добро пожаловать"), WAIT);

        assertThat(welcome.text()).contains("Добро пожаловать, Анна Петрова!", "Ваша роль: репетитор",
                "👨‍🏫 Главное меню репетитора");
        assertThat(anna.replyKeyboard()).containsExactly(
                List.of("🎓 Список учеников", "➕ Добавить ученика"),
                List.of("📊 Отчёт за месяц", "📚 Управление библиотекой"),
                List.of("📈 Статистика", "📣 Рассылка"),
                List.of("✉️ Написать", "💬 Переписка"),
                List.of("🚫 Недоступные", "🔔 Уведомления"),
                List.of("🏆 Рейтинг"));
        // The bot's own service token goes with the login (contracts.md "Login through the bot").
        GATEWAY.verify(postRequestedFor(urlPathEqualTo("/api/v1/auth/login"))
                .withHeader("Authorization", equalTo("Bearer " + SERVICE_TOKEN))
                .withRequestBody(equalToJson("""
                        {"access_code":"%s","telegram_id":%d}""".formatted(code, anna.userId()), true, true)));
        Login login = sessions.login(anna.userId()).orElseThrow();
        assertThat(login.userId()).isEqualTo(userId);
        assertThat(login.role()).isEqualTo(Role.TUTOR);
        assertThat(login.toString()).doesNotContain(login.accessToken(), login.refreshToken());
        assertThat(sessions.preferences(anna.userId()).timeZone()).isEqualTo("Asia/Yekaterinburg");
        // notification-service learns this chat at once (it delivers the tutor's messages and reminders there).
        GATEWAY.verify(com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor(
                urlPathEqualTo("/api/v1/notifications/chat")).withHeader("Authorization", bearer(userId))
                .withRequestBody(equalToJson("{\"telegram_chat_id\":%d}".formatted(anna.chatId()))));

        anna.send("/start");
        assertThat(anna.awaitBotMessage(WAIT).text()).contains("Главное меню репетитора");
    }

    @Test
    void eachRoleGetsItsOwnMenu() {
        ChatDriver student = newChat("Петя");
        long studentId = nextId();
        stubLogin(code("STU", studentId), studentId, "student", "Петя Иванов");
        ChatDriver parent = newChat("Ольга");
        long parentId = nextId();
        stubLogin(code("PAR", parentId), parentId, "parent", "Ольга Иванова");
        ChatDriver admin = newChat("Админ");
        long adminId = nextId();
        stubLogin(code("ADM", adminId), adminId, "admin", "Администратор");

        student.send(code("STU", studentId));
        assertThat(student.awaitBotMessage(WAIT).text()).contains("👨‍🎓 Главное меню ученика");
        assertThat(student.replyKeyboard().getFirst()).containsExactly("📚 Мои уроки", "🗓️ Расписание");
        parent.send(code("PAR", parentId));
        assertThat(parent.awaitBotMessage(WAIT).text()).contains("👨‍👩‍👧‍👦 Главное меню родителя");
        assertThat(parent.replyKeyboard()).containsExactly(List.of("👨‍👩‍👧‍👦 Мои дети", "💬 Связь с репетитором"),
                List.of("🔔 Уведомления"));
        admin.send(code("ADM", adminId));
        assertThat(admin.awaitBotMessage(WAIT).text()).contains("Главное меню администратора");
        assertThat(admin.replyKeyboard().getFirst()).contains("➕ Создать репетитора");

        // A section not built yet says so honestly; a tutor's key typed by a student is refused.
        student.press("🗂️ Библиотека");
        assertThat(student.awaitBotMessage(WAIT).text()).contains("скоро появится");
        student.send("🎓 Список учеников");
        assertThat(student.awaitBotMessage(WAIT).text()).contains("нет доступа");
    }

    @Test
    void aWrongCodeIsExplained() {
        ChatDriver chat = newChat("Гость");
        GATEWAY.stubFor(post(urlPathEqualTo("/api/v1/auth/login"))
                .withRequestBody(matchingJsonPath("$.access_code", equalTo("WRONG123")))
                .willReturn(problem(401, "wrong access code")));

        chat.send("WRONG123");

        assertThat(chat.awaitBotMessage(WAIT).text()).contains("Неверный код доступа");
        assertThat(sessions.login(chat.userId())).isEmpty();
    }

    @Test
    void aLockOutSaysHowLongToWaitInMinutes() {
        ChatDriver chat = newChat("Гость");
        GATEWAY.stubFor(post(urlPathEqualTo("/api/v1/auth/login"))
                .withRequestBody(matchingJsonPath("$.access_code", equalTo("LOCKED12")))
                .willReturn(problem(429, "too many wrong codes").withHeader("Retry-After", "90")));

        chat.send("LOCKED12");

        assertThat(chat.awaitBotMessage(WAIT).text()).isEqualTo("⏳ Слишком много попыток, подождите 2 мин.");
    }

    @Test
    void aCodeBoundToAnotherTelegramAccountNeedsAReset() {
        ChatDriver chat = newChat("Гость");
        GATEWAY.stubFor(post(urlPathEqualTo("/api/v1/auth/login"))
                .withRequestBody(matchingJsonPath("$.access_code", equalTo("BOUND123")))
                .willReturn(problem(409, "bound to another Telegram account")));

        chat.send("BOUND123");

        assertThat(chat.awaitBotMessage(WAIT).text()).contains("привязан к другому аккаунту", "сбросить код");
    }

    @Test
    void anUnreachableServiceIsSaidPlainly() {
        ChatDriver chat = newChat("Гость");
        GATEWAY.stubFor(post(urlPathEqualTo("/api/v1/auth/login"))
                .withRequestBody(matchingJsonPath("$.access_code", equalTo("DOWN1234")))
                .willReturn(problem(503, "user-service is unavailable")));

        chat.send("DOWN1234");

        assertThat(chat.awaitBotMessage(WAIT).text()).isEqualTo("🛠 Сервис временно недоступен, попробуйте позже.");
    }

    @Test
    void somethingThatIsNoCodeIsNotSentToTheServer() {
        ChatDriver chat = newChat("Гость");
        int before = GATEWAY.findAll(postRequestedFor(urlPathEqualTo("/api/v1/auth/login"))).size();

        chat.send("привет!");

        assertThat(chat.awaitBotMessage(WAIT).text()).contains("Неверный формат кода");
        assertThat(GATEWAY.findAll(postRequestedFor(urlPathEqualTo("/api/v1/auth/login")))).hasSize(before);
    }

    @Test
    void logoutEndsTheLoginAtAuthServiceAndForgetsTheTokens() {
        ChatDriver chat = newChat("Анна");
        long userId = nextId();
        loginAs(chat, Role.TUTOR, userId, "Анна");
        GATEWAY.stubFor(post(urlPathEqualTo("/api/v1/auth/logout"))
                .willReturn(aResponse().withStatus(204)));

        chat.send("/logout");

        assertThat(chat.awaitBotMessage(WAIT).text()).contains("Вы вышли");
        GATEWAY.verify(postRequestedFor(urlPathEqualTo("/api/v1/auth/logout"))
                .withRequestBody(equalToJson("{\"refresh_token\":\"refresh-" + userId + "\"}")));
        assertThat(sessions.login(chat.userId())).isEmpty();
        chat.send("🎓 Список учеников");
        assertThat(chat.awaitBotMessage(WAIT).text()).contains("Сначала войдите");
    }

    @Test
    void anExpiredAccessTokenIsRefreshedOnceAndTheNewPairKept() {
        ChatDriver chat = newChat("Анна");
        long userId = nextId();
        sessions.saveLogin(chat.userId(), new Login(userId, Role.TUTOR, "Анна", "stale-" + userId,
                "refresh-old-" + userId, Instant.now().minusSeconds(5), Instant.now().plus(Duration.ofDays(7))));
        GATEWAY.stubFor(post(urlPathEqualTo("/api/v1/auth/refresh"))
                .withRequestBody(matchingJsonPath("$.refresh_token", equalTo("refresh-old-" + userId)))
                .willReturn(okJson("""
                        {"access_token":"%s","refresh_token":"refresh-new-%d","token_type":"bearer","expires_in":1800,
                         "refresh_expires_in":604800,"user_id":%d,"user_role":"tutor","full_name":"Анна"}"""
                        .formatted(accessToken(userId), userId, userId))));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/users/" + userId + "/students"))
                .withHeader("Authorization", bearer(userId))
                .willReturn(okJson("{\"items\":[],\"total\":0,\"page\":1,\"size\":10,\"pages\":0}")));

        chat.send("🎓 Список учеников");

        assertThat(chat.awaitBotMessage(WAIT).text()).contains("У вас пока нет учеников");
        Login renewed = sessions.login(chat.userId()).orElseThrow();
        assertThat(renewed.accessToken()).isEqualTo(accessToken(userId));
        assertThat(renewed.refreshToken()).isEqualTo("refresh-new-" + userId);
        GATEWAY.verify(postRequestedFor(urlPathEqualTo("/api/v1/auth/refresh"))
                .withHeader("Authorization", equalTo("Bearer " + SERVICE_TOKEN)));
    }

    @Test
    void aLoginTheServerEndedAsksForStartAgain() {
        ChatDriver chat = newChat("Анна");
        long userId = nextId();
        sessions.saveLogin(chat.userId(), new Login(userId, Role.TUTOR, "Анна", "revoked-" + userId,
                "refresh-revoked-" + userId, Instant.now().plusSeconds(600), Instant.now().plus(Duration.ofDays(7))));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/users/" + userId + "/students"))
                .willReturn(problem(401, "token revoked")));
        GATEWAY.stubFor(post(urlPathEqualTo("/api/v1/auth/refresh"))
                .withRequestBody(matchingJsonPath("$.refresh_token", equalTo("refresh-revoked-" + userId)))
                .willReturn(problem(401, "the access code was reset; log in again")));

        chat.send("🎓 Список учеников");

        assertThat(chat.awaitBotMessage(WAIT).text()).contains("вход больше не действует", "/start");
        assertThat(sessions.login(chat.userId())).isEmpty();
    }
}
