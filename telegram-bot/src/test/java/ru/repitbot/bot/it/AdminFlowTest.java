package ru.repitbot.bot.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import ru.repitbot.models.Role;
import ru.repitbot.standin.ChatDriver;
import ru.repitbot.standin.ChatMessage;

/** The admin's menu (docs/domain/users-and-access.md#roles) against a WireMock gateway and the Telegram stand-in. */
class AdminFlowTest extends BotIntegrationTest {

    private static String withCode(long id, String role, String name, String code) {
        return FamilyJson.user(id, role, name).replaceFirst("}$", ",\"access_code\":\"" + code + "\"}");
    }

    private ChatDriver admin(long adminId) {
        ChatDriver chat = newChat("Админ");
        loginAs(chat, Role.ADMIN, adminId, "Администратор");
        return chat;
    }

    @Test
    void anAdminCreatesATutorAndSeesTheCodeOnce() {
        long adminId = nextId();
        long tutorId = nextId();
        ChatDriver admin = admin(adminId);
        GATEWAY.stubFor(post(urlPathEqualTo("/api/v1/users")).withHeader("Authorization", bearer(adminId))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withHeader("Location", "/api/v1/users/" + tutorId)
                        .withBody(withCode(tutorId, "tutor", "Ирина Смирнова", "TUT0R7QX"))));

        admin.send("➕ Создать репетитора");
        assertThat(admin.awaitBotMessage(WAIT).text()).contains("ФИО репетитора");
        admin.send("И");
        assertThat(admin.awaitBotMessage(WAIT).text()).contains("от 2 до 100 символов");
        admin.send("Ирина   Смирнова");

        ChatMessage done = admin.awaitBotMessage(m -> m.text().contains("Репетитор создан"), WAIT);
        assertThat(done.text()).contains("Ирина Смирнова", "Код доступа: TUT0R7QX", "только сейчас");
        GATEWAY.verify(1, postRequestedFor(urlPathEqualTo("/api/v1/users")).withHeader("Authorization",
                bearer(adminId)).withRequestBody(equalToJson("""
                {"role":"tutor","full_name":"Ирина Смирнова"}""")));
        assertThat(admin.botMessages().stream().filter(m -> m.text() != null && m.text().contains("TUT0R7QX")))
                .as("the code is shown once").hasSize(1);
        assertThat(dialogOf(admin)).isEmpty();
    }

    @Test
    void aRefusedCreationBecomesASentence() {
        long adminId = nextId();
        ChatDriver admin = admin(adminId);
        GATEWAY.stubFor(post(urlPathEqualTo("/api/v1/users")).withHeader("Authorization", bearer(adminId))
                .willReturn(problem(409, "a tutor with this name exists")));

        admin.send("➕ Создать репетитора");
        admin.awaitBotMessage(WAIT);
        admin.send("Ирина Смирнова");

        assertThat(admin.awaitBotMessage(WAIT).text()).contains("Не получилось: a tutor with this name exists");
    }

    @Test
    void resettingACodeFindsThePersonAsksAndShowsTheNewCodeOnce() {
        long adminId = nextId();
        long ivanId = nextId();
        ChatDriver admin = admin(adminId);
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/users")).withHeader("Authorization", bearer(adminId))
                .withQueryParam("search", equalTo("Сидор")).willReturn(okJson(FamilyJson.page(List.of(
                        FamilyJson.user(ivanId, "student", "Иван Сидоров"),
                        FamilyJson.user(nextId(), "parent", "Мария Сидорова")), 2, 1, 10))));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/users")).withHeader("Authorization", bearer(adminId))
                .withQueryParam("search", equalTo("Никто")).willReturn(okJson(FamilyJson.page(List.of(), 0, 1, 10))));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/users/" + ivanId))
                .willReturn(okJson(FamilyJson.user(ivanId, "student", "Иван Сидоров"))));
        GATEWAY.stubFor(post(urlPathEqualTo("/api/v1/users/" + ivanId + "/access-code"))
                .willReturn(okJson(withCode(ivanId, "student", "Иван Сидоров", "NEWC0DE1"))));
        long missing = nextId();
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/users/" + missing)).willReturn(problem(404, "not found")));

        admin.send("🔑 Сбросить код пользователя");
        assertThat(admin.awaitBotMessage(WAIT).text()).contains("имя (или часть имени)");
        admin.send("Никто");
        assertThat(admin.awaitBotMessage(WAIT).text()).contains("Никого не нашлось");
        admin.send(Long.toString(missing));
        assertThat(admin.awaitBotMessage(WAIT).text()).contains("Пользователя с id " + missing + " нет");
        admin.send("Сидор");
        ChatMessage found = admin.awaitBotMessage(m -> m.text().contains("Найдено: 2"), WAIT);
        assertThat(found.buttonTexts()).contains("👤 Иван Сидоров — ученик", "👤 Мария Сидорова — родитель");

        admin.press("👤 Иван Сидоров — ученик");
        ChatMessage confirm = admin.awaitBotMessage(m -> m.text().contains("Сбросить код пользователя"), WAIT);
        assertThat(confirm.text()).contains("Иван Сидоров", "привязка к аккаунту Telegram будет снята");
        GATEWAY.verify(0, postRequestedFor(urlPathMatching("/api/v1/users/.*/access-code")));

        String yes = admin.press("✅ Да, сбросить");
        ChatMessage done = admin.awaitBotMessage(m -> m.text().contains("Код сброшен"), WAIT);
        assertThat(done.text()).contains("Новый код доступа: NEWC0DE1", "привязка к Telegram снята");
        assertThat(admin.awaitCallbackAnswer(yes, WAIT).text()).isEqualTo("Код сброшен");
        GATEWAY.verify(1, postRequestedFor(urlPathEqualTo("/api/v1/users/" + ivanId + "/access-code"))
                .withHeader("Authorization", bearer(adminId)));
        assertThat(admin.botMessages().stream().filter(m -> m.text() != null && m.text().contains("NEWC0DE1")))
                .hasSize(1);
    }

    @Test
    void theCountsComeFromTheListsTotalsAndAServiceDownShowsADash() {
        long adminId = nextId();
        ChatDriver admin = admin(adminId);
        for (String[] role : new String[][] {{"tutor", "3"}, {"student", "41"}, {"parent", "37"}}) {
            GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/users")).withHeader("Authorization", bearer(adminId))
                    .withQueryParam("role", equalTo(role[0])).withQueryParam("size", equalTo("1"))
                    .willReturn(okJson(FamilyJson.page(List.of(FamilyJson.user(nextId(), role[0], "Кто-то")),
                            Long.parseLong(role[1]), 1, 1))));
        }
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/lessons")).withHeader("Authorization", bearer(adminId))
                .withQueryParam("size", equalTo("1")).willReturn(okJson(FamilyJson.page(List.of(FamilyJson.lesson(
                        nextId(), nextId(), nextId(), "Дроби", "2026-03-02T15:30:00+03:00", "attended", null)),
                        512, 1, 1))));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/homework")).withHeader("Authorization", bearer(adminId))
                .willReturn(aResponse().withStatus(503)));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/payments")).withHeader("Authorization", bearer(adminId))
                .willReturn(okJson(FamilyJson.page(List.of(), 0, 1, 1))));

        admin.send("📊 Пользователи и уроки");
        ChatMessage stats = admin.awaitBotMessage(m -> m.text().contains("Пользователи и уроки"), WAIT);

        assertThat(stats.text()).contains("Репетиторов: 3", "Учеников: 41", "Родителей: 37", "Уроков: 512",
                "Домашних заданий: —", "Оплат: 0");
    }

    @Test
    void aTutorCannotUseTheAdminsKeys() {
        long tutorId = nextId();
        ChatDriver tutor = newChat("Марина");
        loginAs(tutor, Role.TUTOR, tutorId, "Марина");

        tutor.send("➕ Создать репетитора");

        assertThat(tutor.awaitBotMessage(WAIT).text()).contains("нет доступа");
        GATEWAY.verify(0, anyRequestedFor(urlPathMatching("/api/v1/.*")).withHeader("Authorization",
                bearer(tutorId)));
        assertThat(dialogOf(tutor)).isEmpty();
    }
}
