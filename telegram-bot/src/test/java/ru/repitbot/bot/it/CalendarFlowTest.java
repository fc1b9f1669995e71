package ru.repitbot.bot.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import ru.repitbot.models.Role;
import ru.repitbot.standin.CallbackAnswer;
import ru.repitbot.standin.ChatDriver;
import ru.repitbot.standin.ChatMessage;

/** Calendar feed links for every role (lesson-service "Calendar feeds") against a WireMock gateway. */
class CalendarFlowTest extends LessonsTestSupport {

    private static final String URL = "https://repitbot.example/api/v1/calendar/AbCdEf0123456789.ics";

    private static String link(long id, Long studentId) {
        return """
                {"id":%d,"url":"%s","student_id":%s}""".formatted(id, URL, studentId);
    }

    @Test
    void aTutorGetsALinkForAllLessonsOnceWithHowToAddItAndRevokesIt() {
        ChatDriver tutor = newChat("Марина");
        long tutorId = nextId();
        long feedId = nextId();
        loginAs(tutor, Role.TUTOR, tutorId, "Марина");
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/calendar/feeds")).withHeader("Authorization", bearer(tutorId))
                .willReturn(okJson("[]")));
        GATEWAY.stubFor(post(urlPathEqualTo("/api/v1/calendar/feeds")).withHeader("Authorization", bearer(tutorId))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody(link(feedId, null))));

        tutor.send("/calendar");
        ChatMessage screen = tutor.awaitBotMessage(m -> m.text().contains("Календарь: все ваши уроки"), WAIT);
        assertThat(screen.text()).contains("Ссылки пока нет", "Google Календаре");
        tutor.press("🔗 Получить ссылку");
        ChatMessage shown = tutor.awaitBotMessage(m -> m.text().contains("Ваша ссылка"), WAIT);
        assertThat(shown.text()).contains(URL, "Добавить по URL", "Подписной календарь", "только сейчас");
        assertThat(shown.button("📅 Добавить в Google Календарь").orElseThrow().url())
                .startsWith("https://calendar.google.com/calendar/r?cid=webcal%3A%2F%2Frepitbot.example");
        GATEWAY.verify(postRequestedFor(urlPathEqualTo("/api/v1/calendar/feeds")).withRequestBody(equalToJson("{}")));

        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/calendar/feeds")).withHeader("Authorization", bearer(tutorId))
                .willReturn(okJson("""
                        [{"id":%d,"student_id":null,"created_at":"2030-03-01T12:00:00+03:00"}]""".formatted(feedId))));
        GATEWAY.stubFor(delete(urlPathEqualTo("/api/v1/calendar/feeds/" + feedId))
                .willReturn(aResponse().withStatus(204)));
        tutor.press("⬅️ Назад");
        ChatMessage again = tutor.awaitBotMessage(m -> m.text().contains("Ссылка выдана 01.03.2030"), WAIT);
        assertThat(again.text()).doesNotContain(URL);
        assertThat(again.buttonTexts()).contains("🔄 Новая ссылка", "🚫 Отозвать ссылку", "📋 Все мои ссылки");

        tutor.press("📋 Все мои ссылки");
        assertThat(tutor.awaitBotMessage(m -> m.text().contains("Ваши ссылки на календарь"), WAIT).text())
                .contains("• все ваши уроки — выдана 01.03.2030");
        tutor.press("🚫 Отозвать: все ваши уроки");
        tutor.awaitBotMessage(m -> m.text().contains("Ссылка отозвана"), WAIT);
        GATEWAY.verify(1, deleteRequestedFor(urlPathEqualTo("/api/v1/calendar/feeds/" + feedId)));

        // The same revoke button pressed again on an old message: already gone, nothing changes.
        GATEWAY.stubFor(delete(urlPathEqualTo("/api/v1/calendar/feeds/" + feedId))
                .willReturn(problem(404, "calendar feed not found")));
        ChatMessage before = tutor.lastBotMessage();
        String old = tutor.press(before.messageId(), 0, 0);
        CallbackAnswer gone = tutor.awaitCallbackAnswer(old, WAIT);
        assertThat(gone.text()).contains("уже отозвана");
    }

    @Test
    void theProfileButtonGivesALinkForThatStudent() {
        ChatDriver tutor = newChat("Марина");
        long tutorId = nextId();
        long studentId = nextId();
        loginAs(tutor, Role.TUTOR, tutorId, "Марина");
        stubStudent(tutorId, studentId, "Иван Петров");
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/calendar/feeds")).withHeader("Authorization", bearer(tutorId))
                .willReturn(okJson("[]")));
        GATEWAY.stubFor(post(urlPathEqualTo("/api/v1/calendar/feeds")).withHeader("Authorization", bearer(tutorId))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody(link(nextId(), studentId))));

        openProfile(tutor, "Иван Петров");
        tutor.press("🗓 Ссылка на календарь");
        ChatMessage screen = tutor.awaitBotMessage(m -> m.text().contains("Календарь уроков: Иван Петров"), WAIT);
        assertThat(screen.buttonTexts()).contains("🔗 Получить ссылку", "⬅️ К ученику");
        tutor.press("🔗 Получить ссылку");
        assertThat(tutor.awaitBotMessage(m -> m.text().contains("Ваша ссылка"), WAIT).text())
                .contains("Календарь уроков: Иван Петров", URL);
        GATEWAY.verify(postRequestedFor(urlPathEqualTo("/api/v1/calendar/feeds"))
                .withRequestBody(equalToJson("{\"student_id\":" + studentId + "}")));
    }

    @Test
    void aStudentGetsTheirOwnAndAParentAllChildrenOrOne() {
        ChatDriver student = newChat("Петя");
        long studentId = nextId();
        loginAs(student, Role.STUDENT, studentId, "Петя");
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/calendar/feeds")).withHeader("Authorization", bearer(studentId))
                .willReturn(okJson("[]")));
        GATEWAY.stubFor(post(urlPathEqualTo("/api/v1/calendar/feeds")).withHeader("Authorization", bearer(studentId))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody(link(nextId(), null))));

        student.send("/calendar");
        student.awaitBotMessage(m -> m.text().contains("Календарь ваших уроков"), WAIT);
        student.press("🔗 Получить ссылку");
        student.awaitBotMessage(m -> m.text().contains(URL), WAIT);
        GATEWAY.verify(postRequestedFor(urlPathEqualTo("/api/v1/calendar/feeds"))
                .withHeader("Authorization", bearer(studentId)).withRequestBody(equalToJson("{}")));

        ChatDriver parent = newChat("Ольга");
        long parentId = nextId();
        long childId = nextId();
        loginAs(parent, Role.PARENT, parentId, "Ольга");
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/calendar/feeds")).withHeader("Authorization", bearer(parentId))
                .willReturn(okJson("[]")));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/users/me/children")).withHeader("Authorization", bearer(parentId))
                .willReturn(okJson("[" + userJson(childId, "student", "Катя Смирнова") + "]")));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/users/" + childId)).withHeader("Authorization", bearer(parentId))
                .willReturn(okJson(userJson(childId, "student", "Катя Смирнова"))));
        GATEWAY.stubFor(post(urlPathEqualTo("/api/v1/calendar/feeds")).withHeader("Authorization", bearer(parentId))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody(link(nextId(), childId))));

        parent.send("/calendar");
        ChatMessage all = parent.awaitBotMessage(m -> m.text().contains("уроки всех ваших детей"), WAIT);
        assertThat(all.buttonTexts()).contains("🔗 Получить ссылку", "👤 Катя Смирнова");
        parent.press("👤 Катя Смирнова");
        assertThat(parent.awaitBotMessage(m -> m.text().contains("Календарь уроков: Катя Смирнова"), WAIT)
                .buttonTexts()).contains("⬅️ Все дети");
        parent.press("🔗 Получить ссылку");
        parent.awaitBotMessage(m -> m.text().contains(URL), WAIT);
        GATEWAY.verify(postRequestedFor(urlPathEqualTo("/api/v1/calendar/feeds"))
                .withHeader("Authorization", bearer(parentId))
                .withRequestBody(equalToJson("{\"student_id\":" + childId + "}")));
    }

    @Test
    void withoutALoginCalendarAsksToLogIn() {
        ChatDriver stranger = newChat("Гость");
        stranger.send("/calendar");
        assertThat(stranger.awaitBotMessage(WAIT).text()).contains("Сначала войдите");
    }
}
