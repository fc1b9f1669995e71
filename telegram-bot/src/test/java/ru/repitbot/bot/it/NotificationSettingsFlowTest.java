package ru.repitbot.bot.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import ru.repitbot.models.Role;
import ru.repitbot.standin.ChatDriver;
import ru.repitbot.standin.ChatMessage;

/**
 * "🔔 Уведомления" for every role (docs/domain/notifications.md#switches-and-their-defaults): the kinds with their
 * switches and urgency, quiet hours, language and time zone — each change a PATCH, the screen the service's answer.
 */
class NotificationSettingsFlowTest extends BotIntegrationTest {

    private static final String PREFERENCES = "/api/v1/notifications/preferences";

    private ChatDriver person(Role role, long userId, String quiet) {
        ChatDriver chat = newChat("Петя");
        loginAs(chat, role, userId, "Петя Иванов");
        GATEWAY.stubFor(get(urlPathEqualTo(PREFERENCES)).withHeader("Authorization", bearer(userId))
                .willReturn(okJson(NotifyJson.preferences(userId, quiet, true))));
        return chat;
    }

    @Test
    void everyRoleHasTheSettingsAndAKindIsSwitchedOffWithTheAnswerShown() {
        long me = nextId();
        ChatDriver parent = person(Role.PARENT, me, "22:00-08:00");
        GATEWAY.stubFor(patch(urlPathEqualTo(PREFERENCES)).withHeader("Authorization", bearer(me))
                .withRequestBody(equalToJson("""
                        {"kinds":{"lesson_reminder_24h":{"enabled":false}}}"""))
                .willReturn(okJson(NotifyJson.preferences(me, "22:00-08:00", false))));

        parent.send("/menu");
        assertThat(parent.awaitBotMessage(WAIT).text()).contains("Главное меню родителя");
        assertThat(parent.replyKeyboard()).contains(List.of("🔔 Уведомления"));
        parent.press("🔔 Уведомления");
        ChatMessage settings = parent.awaitBotMessage(m -> text(m).contains("Уведомления"), WAIT);
        assertThat(settings.text()).contains("Тихие часы: 22:00–08:00", "Часовой пояс: Europe/Moscow",
                "Язык: Русский");
        assertThat(settings.buttonTexts()).contains("✅ Напоминание за 24 ч", "💤", "✅ Напоминание за 1 ч", "⚡",
                "🔒 Сообщения", "🌙 Тихие часы", "🌐 Язык", "🕒 Часовой пояс");

        String query = parent.press("✅ Напоминание за 24 ч");
        ChatMessage after = parent.awaitBotMessage(m -> m.hasButton("❌ Напоминание за 24 ч"), WAIT);
        assertThat(after.messageId()).as("edited in place").isEqualTo(settings.messageId());
        assertThat(parent.awaitCallbackAnswer(query, WAIT).text()).contains("Сохранено");
        GATEWAY.verify(1, patchRequestedFor(urlPathEqualTo(PREFERENCES)).withHeader("Authorization", bearer(me)));

        // Messages cannot be switched off: said, nothing sent.
        String locked = parent.press("🔒 Сообщения");
        assertThat(parent.awaitCallbackAnswer(locked, WAIT).text()).contains("нельзя выключить");
        GATEWAY.verify(1, patchRequestedFor(urlPathEqualTo(PREFERENCES)).withHeader("Authorization", bearer(me)));
    }

    @Test
    void anUrgentMarkIsSwitchedAndARefusalIsShownAsItsReason() {
        long me = nextId();
        ChatDriver tutor = person(Role.TUTOR, me, null);
        GATEWAY.stubFor(patch(urlPathEqualTo(PREFERENCES)).withHeader("Authorization", bearer(me))
                .withRequestBody(equalToJson("""
                        {"kinds":{"lesson_reminder_1h":{"urgent":false}}}"""))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/problem+json")
                        .withBody("""
                                {"type":"about:blank","title":"Bad Request","status":400,"detail":"Invalid input",
                                 "errors":[{"field":"kinds.lesson_reminder_1h","reason":"unknown notice kind"}]}""")));

        tutor.send("🔔 Уведомления");
        ChatMessage settings = tutor.awaitBotMessage(m -> text(m).contains("Тихие часы: нет"), WAIT);
        String query = tutor.press(settings.messageId(), 1, 1);

        assertThat(tutor.awaitCallbackAnswer(query, WAIT).text())
                .contains("kinds.lesson_reminder_1h", "unknown notice kind");
        assertThat(tutor.lastBotMessage().text()).contains("Тихие часы: нет");
    }

    @Test
    void quietHoursAreTypedOrRemovedAndBadTimesAskAgain() {
        long me = nextId();
        ChatDriver student = person(Role.STUDENT, me, "22:00-08:00");
        GATEWAY.stubFor(patch(urlPathEqualTo(PREFERENCES)).withHeader("Authorization", bearer(me))
                .withRequestBody(equalToJson("""
                        {"quiet_hours":{"start":"23:00","end":"07:00"}}"""))
                .willReturn(okJson(NotifyJson.preferences(me, "23:00-07:00", true))));
        GATEWAY.stubFor(patch(urlPathEqualTo(PREFERENCES)).withHeader("Authorization", bearer(me))
                .withRequestBody(equalToJson("""
                        {"quiet_hours":null}"""))
                .willReturn(okJson(NotifyJson.preferences(me, null, true))));
        GATEWAY.stubFor(patch(urlPathEqualTo(PREFERENCES)).withHeader("Authorization", bearer(me))
                .withRequestBody(equalToJson("""
                        {"quiet_hours":{"start":"10:00","end":"10:00"}}"""))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/problem+json")
                        .withBody("""
                                {"type":"about:blank","title":"Bad Request","status":400,"detail":"Invalid input",
                                 "errors":[{"field":"quiet_hours.start","reason":"must differ from the end"}]}""")));

        student.send("🔔 Уведомления");
        student.awaitBotMessage(m -> text(m).contains("22:00–08:00"), WAIT);
        student.press("🌙 Тихие часы");
        student.awaitBotMessage(m -> text(m).contains("Введите тихие часы"), WAIT);
        student.send("ночью");
        assertThat(student.awaitBotMessage(WAIT).text()).contains("Не понял время");
        student.send("10:00-10:00");
        assertThat(student.awaitBotMessage(WAIT).text()).contains("quiet_hours.start", "must differ from the end");
        student.send("23-7");
        assertThat(student.awaitBotMessage(m -> text(m).contains("Тихие часы: 23:00–07:00"), WAIT).text())
                .contains("Сохранено");
        assertThat(dialogOf(student)).isEmpty();

        student.press("🌙 Тихие часы");
        student.awaitBotMessage(m -> text(m).contains("Введите тихие часы"), WAIT);
        String none = student.press("🔕 Без тихих часов");
        student.awaitCallbackAnswer(none, WAIT);
        assertThat(student.awaitBotMessage(m -> text(m).contains("Тихие часы: нет"), WAIT)).isNotNull();
        GATEWAY.verify(patchRequestedFor(urlPathEqualTo(PREFERENCES)).withRequestBody(equalToJson("""
                {"quiet_hours":null}""")));
    }

    @Test
    void theLanguageSwitchesTheNoticesAndTheBot() {
        long me = nextId();
        ChatDriver student = person(Role.STUDENT, me, null);
        GATEWAY.stubFor(patch(urlPathEqualTo(PREFERENCES)).withHeader("Authorization", bearer(me))
                .withRequestBody(equalToJson("""
                        {"language":"en"}"""))
                .willReturn(okJson(NotifyJson.preferences(me, "en", null, List.of(
                        NotifyJson.kind("lesson_reminder_24h", true, true, false))))));

        student.send("🔔 Уведомления");
        student.awaitBotMessage(m -> text(m).contains("Уведомления"), WAIT);
        student.press("🌐 Язык");
        student.awaitBotMessage(m -> m.hasButton("🇬🇧 English"), WAIT);
        student.press("🇬🇧 English");

        ChatMessage settings = student.awaitBotMessage(m -> text(m).contains("Language: English"), WAIT);
        assertThat(settings.buttonTexts()).contains("✅ Reminder 24 h ahead");
        student.awaitBotMessage(m -> text(m).contains("Student"), WAIT);
        assertThat(student.replyKeyboard().getFirst()).contains("📚 My lessons");
        assertThat(sessions.preferences(student.userId()).language()).isEqualTo("en");
    }

    @Test
    void theTimeZoneIsPickedOrTypedAndSavedAtUserService() {
        long me = nextId();
        ChatDriver parent = person(Role.PARENT, me, null);
        GATEWAY.stubFor(patch(urlPathEqualTo("/api/v1/users/" + me)).withHeader("Authorization", bearer(me))
                .withRequestBody(equalToJson("""
                        {"time_zone":"Asia/Novosibirsk"}"""))
                .willReturn(okJson(FamilyJson.user(me, "parent", "Петя Иванов")
                        .replace("Europe/Moscow", "Asia/Novosibirsk"))));
        GATEWAY.stubFor(patch(urlPathEqualTo("/api/v1/users/" + me)).withHeader("Authorization", bearer(me))
                .withRequestBody(equalToJson("""
                        {"time_zone":"Europe/Berlin"}"""))
                .willReturn(okJson(FamilyJson.user(me, "parent", "Петя Иванов")
                        .replace("Europe/Moscow", "Europe/Berlin"))));

        parent.send("🔔 Уведомления");
        parent.awaitBotMessage(m -> text(m).contains("Уведомления"), WAIT);
        parent.press("🕒 Часовой пояс");
        parent.awaitBotMessage(m -> m.hasButton("Asia/Novosibirsk"), WAIT);
        parent.press("Asia/Novosibirsk");
        assertThat(parent.awaitBotMessage(m -> text(m).contains("Часовой пояс: Asia/Novosibirsk"), WAIT)).isNotNull();
        assertThat(sessions.preferences(parent.userId()).timeZone()).isEqualTo("Asia/Novosibirsk");

        parent.press("🕒 Часовой пояс");
        parent.awaitBotMessage(m -> text(m).contains("Выберите его из списка"), WAIT);
        parent.send("Berlin");
        assertThat(parent.awaitBotMessage(WAIT).text()).contains("Такого часового пояса нет");
        parent.send("europe/berlin");
        assertThat(parent.awaitBotMessage(m -> text(m).contains("Часовой пояс: Europe/Berlin"), WAIT)).isNotNull();
        assertThat(sessions.preferences(parent.userId()).timeZone()).isEqualTo("Europe/Berlin");
    }

    @Test
    void theServiceDownIsSaidPolitely() {
        long me = nextId();
        ChatDriver admin = newChat("Админ");
        loginAs(admin, Role.ADMIN, me, "Администратор");
        GATEWAY.stubFor(get(urlPathEqualTo(PREFERENCES)).withHeader("Authorization", bearer(me))
                .willReturn(aResponse().withStatus(503)));

        admin.send("🔔 Уведомления");

        assertThat(admin.awaitBotMessage(WAIT).text()).contains("Сервис временно недоступен");
    }
}
