package ru.repitbot.bot.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import ru.repitbot.models.Role;
import ru.repitbot.standin.ChatDriver;
import ru.repitbot.standin.ChatMessage;

/** The weekly template (docs/domain/bot.md#tutor-weekly-template, docs/domain/schedule.md#q5-templates-make-lessons) against a WireMock gateway. */
class TutorScheduleFlowTest extends LessonsTestSupport {

    private static String template(long studentId, long tutorId, String slotsJson) {
        return """
                {"student_id":%d,"tutor_id":%d,"time_zone":null,"effective_time_zone":"Europe/Moscow",
                 "slots":[%s],"updated_at":"2030-01-01T10:00:00+03:00"}""".formatted(studentId, tutorId, slotsJson);
    }

    private static void stubTemplate(long studentId, long tutorId, String slotsJson) {
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/schedules/" + studentId)).withHeader("Authorization",
                bearer(tutorId)).willReturn(okJson(template(studentId, tutorId, slotsJson))));
    }

    @Test
    void aSlotIsAddedByWeekdayTypedTimeAndLengthAndTheWholeListIsSaved() {
        ChatDriver tutor = newChat("Марина");
        long tutorId = nextId();
        long studentId = nextId();
        loginAs(tutor, Role.TUTOR, tutorId, "Марина");
        stubStudent(tutorId, studentId, "Иван Петров");
        String monday = """
                {"weekday":"monday","time":"16:00","duration_minutes":60,"note":"Алгебра"}""";
        stubTemplate(studentId, tutorId, monday);
        GATEWAY.stubFor(put(urlPathEqualTo("/api/v1/schedules/" + studentId)).willReturn(okJson(template(studentId,
                tutorId, monday))));

        openProfile(tutor, "Иван Петров");
        tutor.press("📅 Настроить расписание");
        ChatMessage screen = tutor.awaitBotMessage(m -> m.text().contains("Шаблон расписания: Иван Петров"), WAIT);
        assertThat(screen.text()).contains("• Пн 16:00, 60 мин — Алгебра", "часовому поясу Europe/Moscow");
        assertThat(screen.buttonTexts()).contains("❌ Пн 16:00", "➕ Добавить время", "🗓 Заполнить уроками",
                "🗑 Очистить шаблон", "⬅️ К ученику");

        tutor.press("➕ Добавить время");
        assertThat(tutor.awaitBotMessage(m -> m.text().contains("Выберите день недели"), WAIT).buttonTexts())
                .contains("Пн", "Вт", "Ср", "Чт", "Пт", "Сб", "Вс", "❌ Отмена");
        tutor.press("Чт");
        assertThat(tutor.awaitBotMessage(m -> m.text().contains("Во сколько урок"), WAIT).text())
                .contains("в четверг", "Europe/Moscow");
        tutor.send("25:99");
        assertThat(tutor.awaitBotMessage(WAIT).text()).contains("Введите время в виде");
        tutor.send("18.30");
        assertThat(tutor.awaitBotMessage(m -> m.text().contains("Сколько длится"), WAIT).buttonTexts())
                .containsExactly("45 мин", "60 мин", "90 мин", "120 мин");
        tutor.send("много");
        assertThat(tutor.awaitBotMessage(WAIT).text()).contains("числом минут");
        tutor.press("90 мин");
        assertThat(tutor.awaitBotMessage(m -> m.text().contains("заметка"), WAIT).buttonTexts())
                .contains("⏭ Без заметки");
        tutor.press("⏭ Без заметки");

        assertThat(tutor.awaitBotMessage(m -> m.text().contains("Добавлено: Чт 18:30"), WAIT).text())
                .contains("Шаблон расписания");
        GATEWAY.verify(putRequestedFor(urlPathEqualTo("/api/v1/schedules/" + studentId)).withRequestBody(equalToJson("""
                {"slots":[{"weekday":"monday","time":"16:00","duration_minutes":60,"note":"Алгебра"},
                          {"weekday":"thursday","time":"18:30","duration_minutes":90}]}""")));
        assertThat(dialogOf(tutor)).isEmpty();
    }

    @Test
    void anOverlappingSlotIsSaidAndTheTimeAskedAgain() {
        ChatDriver tutor = newChat("Марина");
        long tutorId = nextId();
        long studentId = nextId();
        loginAs(tutor, Role.TUTOR, tutorId, "Марина");
        stubStudent(tutorId, studentId, "Иван Петров");
        stubTemplate(studentId, tutorId, """
                {"weekday":"monday","time":"16:00","duration_minutes":60,"note":null}""");
        GATEWAY.stubFor(put(urlPathEqualTo("/api/v1/schedules/" + studentId)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/problem+json").withBody("""
                        {"type":"about:blank","title":"Bad Request","status":400,"detail":"Invalid request",
                         "errors":[{"field":"slots[1]","reason":"overlaps slots[0]"}]}""")));

        openProfile(tutor, "Иван Петров");
        tutor.press("📅 Настроить расписание");
        tutor.awaitBotMessage(m -> m.text().contains("Шаблон расписания"), WAIT);
        tutor.press("➕ Добавить время");
        tutor.awaitBotMessage(m -> m.text().contains("Выберите день недели"), WAIT);
        tutor.press("Пн");
        tutor.awaitBotMessage(m -> m.text().contains("Во сколько урок"), WAIT);
        tutor.send("16:30");
        tutor.awaitBotMessage(m -> m.text().contains("Сколько длится"), WAIT);
        tutor.send("60");
        tutor.awaitBotMessage(m -> m.text().contains("заметка"), WAIT);
        tutor.send("Геометрия");

        assertThat(tutor.awaitBotMessage(m -> m.text().contains("пересекается"), WAIT).text())
                .contains("Пн 16:30", "Введите другое время");
        assertThat(dialogOf(tutor).orElseThrow().step()).isEqualTo("time");
        GATEWAY.stubFor(put(urlPathEqualTo("/api/v1/schedules/" + studentId)).willReturn(okJson(template(studentId,
                tutorId, ""))));
        tutor.send("17:00");
        tutor.awaitBotMessage(m -> m.text().contains("Добавлено: Пн 17:00"), WAIT);
        GATEWAY.verify(putRequestedFor(urlPathEqualTo("/api/v1/schedules/" + studentId)).withRequestBody(equalToJson("""
                {"slots":[{"weekday":"monday","time":"16:00","duration_minutes":60},
                          {"weekday":"monday","time":"17:00","duration_minutes":60,"note":"Геометрия"}]}""")));
    }

    @Test
    void aSlotIsRemovedFillingMakesLessonsForTheWeeksChosenAndClearingAsksFirst() {
        ChatDriver tutor = newChat("Марина");
        long tutorId = nextId();
        long studentId = nextId();
        loginAs(tutor, Role.TUTOR, tutorId, "Марина");
        stubStudent(tutorId, studentId, "Иван Петров");
        stubTemplate(studentId, tutorId, """
                {"weekday":"wednesday","time":"18:00","duration_minutes":60,"note":null},
                {"weekday":"monday","time":"16:00","duration_minutes":45,"note":null}""");
        GATEWAY.stubFor(put(urlPathEqualTo("/api/v1/schedules/" + studentId)).willReturn(okJson(template(studentId,
                tutorId, ""))));
        GATEWAY.stubFor(post(urlPathEqualTo("/api/v1/schedules/" + studentId + "/materialise"))
                .withQueryParam("weeks", equalTo("4")).willReturn(okJson("""
                        {"templates":1,"created":6,"skipped_existing":1,"skipped_conflicts":1,
                         "lesson_ids":[1,2,3,4,5,6]}""")));
        GATEWAY.stubFor(delete(urlPathEqualTo("/api/v1/schedules/" + studentId))
                .willReturn(aResponse().withStatus(204)));

        openProfile(tutor, "Иван Петров");
        tutor.press("📅 Настроить расписание");
        ChatMessage screen = tutor.awaitBotMessage(m -> m.text().contains("Шаблон расписания"), WAIT);
        assertThat(screen.text().indexOf("Пн 16:00")).as("by weekday").isLessThan(screen.text().indexOf("Ср 18:00"));

        tutor.press("❌ Ср 18:00");
        assertThat(tutor.awaitBotMessage(m -> m.text().contains("Убрано из шаблона: Ср 18:00"), WAIT).messageId())
                .isEqualTo(screen.messageId());
        GATEWAY.verify(putRequestedFor(urlPathEqualTo("/api/v1/schedules/" + studentId)).withRequestBody(equalToJson(
                "{\"slots\":[{\"weekday\":\"monday\",\"time\":\"16:00\",\"duration_minutes\":45}]}")));

        tutor.press("🗓 Заполнить уроками");
        assertThat(tutor.awaitBotMessage(m -> m.text().contains("На сколько недель"), WAIT).buttonTexts())
                .contains("1 нед.", "2 нед.", "4 нед.", "8 нед.");
        tutor.press("4 нед.");
        ChatMessage filled = tutor.awaitBotMessage(m -> m.text().contains("Уроки по шаблону на 4 нед."), WAIT);
        assertThat(filled.text()).contains("создано: 6", "уже были (или время освобождено намеренно): 1",
                "время занято другим уроком: 1");
        GATEWAY.verify(postRequestedFor(urlPathEqualTo("/api/v1/schedules/" + studentId + "/materialise"))
                .withQueryParam("weeks", equalTo("4")));

        tutor.press("📅 К шаблону");
        tutor.awaitBotMessage(m -> m.text().contains("Шаблон расписания"), WAIT);
        tutor.press("🗑 Очистить шаблон");
        assertThat(tutor.awaitBotMessage(m -> m.text().contains("Очистить шаблон расписания"), WAIT).text())
                .contains("Уже созданные уроки останутся");
        GATEWAY.verify(0, deleteRequestedFor(urlPathEqualTo("/api/v1/schedules/" + studentId)));
        stubTemplate(studentId, tutorId, "");
        tutor.press("✅ Да, очистить");
        ChatMessage cleared = tutor.awaitBotMessage(m -> m.text().contains("Шаблон очищен"), WAIT);
        assertThat(cleared.text()).contains("Уроки по шаблону не запланированы");
        assertThat(cleared.buttonTexts()).doesNotContain("🗓 Заполнить уроками", "🗑 Очистить шаблон");
        GATEWAY.verify(1, deleteRequestedFor(urlPathEqualTo("/api/v1/schedules/" + studentId)));
    }

    @Test
    void removingASlotThatIsGoneAlreadyChangesNothing() {
        ChatDriver tutor = newChat("Марина");
        long tutorId = nextId();
        long studentId = nextId();
        loginAs(tutor, Role.TUTOR, tutorId, "Марина");
        stubStudent(tutorId, studentId, "Иван Петров");
        stubTemplate(studentId, tutorId, """
                {"weekday":"friday","time":"10:00","duration_minutes":60,"note":null}""");

        openProfile(tutor, "Иван Петров");
        tutor.press("📅 Настроить расписание");
        tutor.awaitBotMessage(m -> m.text().contains("Шаблон расписания"), WAIT);
        stubTemplate(studentId, tutorId, "");
        String press = tutor.press("❌ Пт 10:00");
        assertThat(tutor.awaitCallbackAnswer(press, WAIT).text()).contains("уже убрано");
        GATEWAY.verify(0, putRequestedFor(urlPathEqualTo("/api/v1/schedules/" + studentId)));
    }
}
