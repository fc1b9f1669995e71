package ru.repitbot.bot.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import ru.repitbot.models.Role;
import ru.repitbot.standin.CallbackAnswer;
import ru.repitbot.standin.ChatDriver;
import ru.repitbot.standin.ChatMessage;

/** The tutor's students (docs/domain/bot.md#tutor-students) against a WireMock gateway and the Telegram stand-in. */
class TutorStudentsFlowTest extends BotIntegrationTest {


    /** The tutor's students, {@code count} of them, served 10 a page like user-service. */
    private static List<Long> stubStudents(long tutorId, int count) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(nextId());
        }
        int pages = (count + 9) / 10;
        for (int page = 1; page <= Math.max(1, pages); page++) {
            int from = (page - 1) * 10;
            String items = IntStream.range(from, Math.min(count, from + 10))
                    .mapToObj(i -> userAnswer(ids.get(i), "student", "Ученик %02d".formatted(i + 1)))
                    .collect(Collectors.joining(","));
            GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/users/" + tutorId + "/students"))
                    .withQueryParam("page", equalTo(Integer.toString(page)))
                    .withQueryParam("size", equalTo("10"))
                    .withHeader("Authorization", bearer(tutorId))
                    .willReturn(okJson("""
                            {"items":[%s],"total":%d,"page":%d,"size":10,"pages":%d}"""
                            .formatted(items, count, page, pages))));
        }
        return ids;
    }

    /** What a profile reads: the student, their parents, the balance, the next lessons. */
    private static void stubProfile(long tutorId, long studentId, String name, String parentsJson) {
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/users/" + studentId)).withHeader("Authorization", bearer(tutorId))
                .willReturn(okJson(userAnswer(studentId, "student", name))));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/users/" + studentId + "/parents"))
                .willReturn(okJson(parentsJson)));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/balances/" + studentId)).willReturn(okJson("""
                {"student_id":%d,"balances":[{"tutor_id":%d,"balance_lessons":4,"paid_lessons":10,
                 "charged_lessons":6,"lesson_price":"1500.00","currency":"RUB","balance_money":"6000.00"}]}"""
                .formatted(studentId, tutorId))));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/lessons")).withQueryParam("student_id",
                equalTo(Long.toString(studentId))).willReturn(okJson("""
                {"items":[{"id":1,"tutor_id":%d,"student_id":%d,"topic":"Дроби","start_at":"2026-12-24T15:30:00+03:00",
                 "duration_minutes":60,"time_zone":"Europe/Moscow","attendance_status":"scheduled","charged":false,
                 "is_makeup":false}],"total":1,"page":1,"size":3,"pages":1}""".formatted(tutorId, studentId))));
    }

    @Test
    void theListPagesTenAtATimeEditingTheSameMessage() {
        ChatDriver tutor = newChat("Марина");
        long tutorId = nextId();
        loginAs(tutor, Role.TUTOR, tutorId, "Марина");
        stubStudents(tutorId, 25);

        tutor.send("🎓 Список учеников");
        ChatMessage list = tutor.awaitBotMessage(m -> m.text().contains("всего: 25"), WAIT);
        assertThat(list.buttonTexts()).contains("👤 Ученик 01", "👤 Ученик 10", "1/3", "▶️", "➕ Добавить ученика")
                .doesNotContain("👤 Ученик 11", "◀️");
        int botMessages = tutor.botMessages().size();

        String next = tutor.press("▶️");
        ChatMessage second = tutor.awaitBotMessage(m -> m.buttonTexts().contains("👤 Ученик 11"), WAIT);
        assertThat(second.messageId()).isEqualTo(list.messageId());
        assertThat(second.edited()).isTrue();
        assertThat(second.buttonTexts()).contains("◀️", "2/3", "▶️", "👤 Ученик 20").doesNotContain("👤 Ученик 01");
        assertThat(tutor.awaitCallbackAnswer(next, WAIT).answered()).isTrue();

        tutor.press("▶️");
        ChatMessage third = tutor.awaitBotMessage(m -> m.buttonTexts().contains("👤 Ученик 25"), WAIT);
        assertThat(third.messageId()).isEqualTo(list.messageId());
        assertThat(third.buttonTexts()).contains("◀️", "3/3").doesNotContain("▶️", "👤 Ученик 20");

        tutor.press("◀️");
        assertThat(tutor.awaitBotMessage(m -> m.buttonTexts().contains("👤 Ученик 20"), WAIT).messageId())
                .isEqualTo(list.messageId());
        assertThat(tutor.botMessages()).as("paging sends no new messages").hasSize(botMessages);
    }

    @Test
    void addingAStudentWithTwoParentsShowsThreeCodesInTheOrderTyped() {
        ChatDriver tutor = newChat("Марина");
        long tutorId = nextId();
        loginAs(tutor, Role.TUTOR, tutorId, "Марина");
        long studentId = nextId();
        long mumId = nextId();
        long dadId = nextId();
        stubCreate(tutorId, "student", "Иван Сидоров", studentId, "STUD0001");
        stubCreate(tutorId, "parent", "Мария Сидорова", mumId, "MUM00001");
        stubCreate(tutorId, "parent", "Пётр Сидоров", dadId, "DAD00001");

        // Typed quickly, one after another: the chat's updates are handled in order.
        tutor.send("➕ Добавить ученика");
        tutor.send("Иван Сидоров");
        tutor.send("Мария Сидорова");
        tutor.send("Пётр Сидоров");

        ChatMessage done = tutor.awaitBotMessage(m -> m.text().contains("Ученик добавлен"), WAIT);
        assertThat(done.text()).contains(
                "Ученик: Иван Сидоров\n🔑 Код доступа: STUD0001",
                "Родитель: Мария Сидорова\n🔑 Код доступа: MUM00001",
                "Родитель: Пётр Сидоров\n🔑 Код доступа: DAD00001");
        assertThat(done.text().indexOf("MUM00001")).isLessThan(done.text().indexOf("DAD00001"));
        assertThat(done.buttonTexts()).contains("👤 Открыть профиль");
        GATEWAY.verify(postRequestedFor(urlPathEqualTo("/api/v1/users")).withHeader("Authorization", bearer(tutorId))
                .withRequestBody(equalToJson("""
                        {"role":"parent","full_name":"Мария Сидорова","student_ids":[%d]}""".formatted(studentId))));
        assertThat(dialogOf(tutor)).as("the dialog is over").isEmpty();
    }

    @Test
    void addingAStudentWithoutParentsTakesSkip() {
        ChatDriver tutor = newChat("Марина");
        long tutorId = nextId();
        loginAs(tutor, Role.TUTOR, tutorId, "Марина");
        stubCreate(tutorId, "student", "Олег Орлов", nextId(), "OLEG0001");

        tutor.send("➕ Добавить ученика");
        assertThat(tutor.awaitBotMessage(WAIT).text()).contains("ФИО нового ученика");
        tutor.send("О");
        assertThat(tutor.awaitBotMessage(WAIT).text()).contains("от 2 до 100 символов");
        tutor.send("Олег Орлов");
        assertThat(tutor.awaitBotMessage(WAIT).text()).contains("ФИО родителя или /skip");
        String skip = tutor.press("⏭ Пропустить");

        ChatMessage done = tutor.awaitBotMessage(m -> m.text().contains("Ученик добавлен"), WAIT);
        assertThat(done.text()).contains("OLEG0001").doesNotContain("Родитель:");
        assertThat(tutor.awaitCallbackAnswer(skip, WAIT).answered()).isTrue();
    }

    private static void stubCreate(long tutorId, String role, String name, long id, String code) {
        GATEWAY.stubFor(post(urlPathEqualTo("/api/v1/users")).withHeader("Authorization", bearer(tutorId))
                .withRequestBody(matchingJsonPath("$.full_name", equalTo(name)))
                .withRequestBody(matchingJsonPath("$.role", equalTo(role)))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("""
                        {"id":%d,"role":"%s","full_name":"%s","telegram_id":null,"username":null,
                         "time_zone":"Europe/Moscow","grade":null,"access_code":"%s"}"""
                        .formatted(id, role, name, code))));
    }

    @Test
    void theProfileShowsBalanceParentsAndNextLessonsAndItsButtonsWork() {
        ChatDriver tutor = newChat("Марина");
        long tutorId = nextId();
        loginAs(tutor, Role.TUTOR, tutorId, "Марина");
        long studentId = stubStudents(tutorId, 1).getFirst();
        stubProfile(tutorId, studentId, "Ученик 01", "[" + userAnswer(nextId(), "parent", "Ольга Петрова") + "]");

        tutor.send("🎓 Список учеников");
        tutor.awaitBotMessage(WAIT);
        tutor.press("👤 Ученик 01");
        ChatMessage profile = tutor.awaitBotMessage(m -> m.text().contains("Профиль ученика"), WAIT);

        assertThat(profile.text()).contains("Профиль ученика: Ученик 01", "Класс: 7", "Баллы: —",
                "Остаток занятий: 4 ур. (6000.00 RUB)", "Родители: Ольга Петрова", "чт 24.12.2026 15:30 — Дроби");
        assertThat(profile.buttonTexts()).contains("📚 Уроки ученика", "➕ Добавить урок", "💰 Добавить оплату",
                "📅 Настроить расписание", "📝 Домашние задания", "🗓 Ссылка на календарь", "✏️ Редактировать ФИО",
                "👨‍👩‍👧‍👦 Родители", "❌ Удалить ученика", "⬅️ К списку учеников");

        // The lessons button opens the student's lessons (the lessons flow), and back leads to the profile.
        String lessons = tutor.press("📚 Уроки ученика");
        assertThat(tutor.awaitBotMessage(m -> m.text().contains("Уроки ученика Ученик 01"), WAIT).messageId())
                .isEqualTo(profile.messageId());
        assertThat(tutor.awaitCallbackAnswer(lessons, WAIT).answered()).isTrue();
        tutor.press("⬅️ Назад к профилю");
        tutor.awaitBotMessage(m -> m.text().contains("Профиль ученика"), WAIT);

        tutor.press("✏️ Редактировать ФИО");
        assertThat(tutor.awaitBotMessage(m -> m.text().contains("Текущее ФИО"), WAIT).text()).contains("Ученик 01");
        GATEWAY.stubFor(patch(urlPathEqualTo("/api/v1/users/" + studentId))
                .willReturn(okJson(userAnswer(studentId, "student", "Иван Новый"))));
        tutor.send("Иван Новый");
        assertThat(tutor.awaitBotMessage(m -> m.text().contains("ФИО ученика обновлено"), WAIT).text())
                .contains("Профиль ученика");
        GATEWAY.verify(patchRequestedFor(urlPathEqualTo("/api/v1/users/" + studentId))
                .withRequestBody(equalToJson("{\"full_name\":\"Иван Новый\"}")));
    }

    @Test
    void deletingAsksFirstThenShowsTheListAgain() {
        ChatDriver tutor = newChat("Марина");
        long tutorId = nextId();
        loginAs(tutor, Role.TUTOR, tutorId, "Марина");
        long studentId = stubStudents(tutorId, 1).getFirst();
        stubProfile(tutorId, studentId, "Ученик 01", "[]");
        GATEWAY.stubFor(delete(urlPathEqualTo("/api/v1/users/" + studentId)).willReturn(aResponse().withStatus(204)));

        tutor.send("🎓 Список учеников");
        tutor.awaitBotMessage(WAIT);
        tutor.press("👤 Ученик 01");
        tutor.awaitBotMessage(m -> m.text().contains("Профиль ученика"), WAIT);
        tutor.press("❌ Удалить ученика");
        assertThat(tutor.awaitBotMessage(m -> m.text().contains("Удалить ученика"), WAIT).text())
                .contains("необратимо");
        GATEWAY.verify(0, deleteRequestedFor(urlPathEqualTo("/api/v1/users/" + studentId)));

        tutor.press("✅ Да, удалить");
        assertThat(tutor.awaitBotMessage(m -> m.text().contains("удалён"), WAIT).text()).contains("Ученик 01");
        GATEWAY.verify(deleteRequestedFor(urlPathEqualTo("/api/v1/users/" + studentId)));
    }

    @Test
    void aButtonOnAnOldMessageAboutADeletedStudentSaysNotFound() {
        ChatDriver tutor = newChat("Марина");
        long tutorId = nextId();
        loginAs(tutor, Role.TUTOR, tutorId, "Марина");
        long studentId = stubStudents(tutorId, 1).getFirst();
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/users/" + studentId)).willReturn(problem(404, "not found")));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/users/" + studentId + "/parents"))
                .willReturn(problem(404, "not found")));

        tutor.send("🎓 Список учеников");
        ChatMessage list = tutor.awaitBotMessage(WAIT);
        String press = tutor.press("👤 Ученик 01");

        CallbackAnswer answer = tutor.awaitCallbackAnswer(press, WAIT);
        assertThat(answer.text()).contains("Не найдено (возможно, удалено)");
        assertThat(answer.showAlert()).isTrue();
        assertThat(tutor.lastBotMessage().messageId()).isEqualTo(list.messageId());
        assertThat(tutor.lastBotMessage().edited()).as("the old message stays as it was").isFalse();
    }

    @Test
    void parentsAreListedCreatedLinkedAndRemoved() {
        ChatDriver tutor = newChat("Марина");
        long tutorId = nextId();
        loginAs(tutor, Role.TUTOR, tutorId, "Марина");
        long studentId = stubStudents(tutorId, 1).getFirst();
        long sisterParentId = nextId();
        stubProfile(tutorId, studentId, "Ученик 01", "[]");
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/users")).withQueryParam("role", equalTo("parent"))
                .withHeader("Authorization", bearer(tutorId))
                .willReturn(okJson("""
                        {"items":[%s],"total":1,"page":1,"size":10,"pages":1}"""
                        .formatted(userAnswer(sisterParentId, "parent", "Анна Сестрина")))));
        GATEWAY.stubFor(put(urlPathEqualTo("/api/v1/users/" + studentId + "/parents/" + sisterParentId))
                .willReturn(aResponse().withStatus(204)));
        stubCreate(tutorId, "parent", "Новый Родитель", nextId(), "NEWPAR01");

        tutor.send("🎓 Список учеников");
        tutor.awaitBotMessage(WAIT);
        tutor.press("👤 Ученик 01");
        tutor.awaitBotMessage(m -> m.text().contains("Профиль ученика"), WAIT);
        tutor.press("👨‍👩‍👧‍👦 Родители");
        assertThat(tutor.awaitBotMessage(m -> m.text().contains("Родители ученика"), WAIT).text())
                .contains("Родители не привязаны");

        tutor.press("👥 Выбрать существующего");
        tutor.awaitBotMessage(m -> m.text().contains("Выберите родителя"), WAIT);
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/users/" + studentId + "/parents"))
                .willReturn(okJson("[" + userAnswer(sisterParentId, "parent", "Анна Сестрина") + "]")));
        tutor.press("👤 Анна Сестрина");
        ChatMessage linked = tutor.awaitBotMessage(m -> m.text().contains("Родитель привязан"), WAIT);
        assertThat(linked.text()).contains("• Анна Сестрина");
        assertThat(linked.buttonTexts()).contains("❌ Отвязать: Анна Сестрина");
        GATEWAY.verify(putRequestedFor(urlPathEqualTo("/api/v1/users/" + studentId + "/parents/" + sisterParentId)));

        GATEWAY.stubFor(WireMock.delete(urlPathEqualTo("/api/v1/users/" + studentId + "/parents/" + sisterParentId))
                .willReturn(aResponse().withStatus(204)));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/users/" + studentId + "/parents")).willReturn(okJson("[]")));
        tutor.press("❌ Отвязать: Анна Сестрина");
        assertThat(tutor.awaitBotMessage(m -> m.text().contains("Родитель отвязан"), WAIT).text())
                .contains("Родители не привязаны");

        tutor.press("👤 Создать нового");
        tutor.awaitBotMessage(m -> m.text().contains("ФИО нового родителя"), WAIT);
        tutor.send("Новый Родитель");
        assertThat(tutor.awaitBotMessage(m -> m.text().contains("Родитель добавлен"), WAIT).text())
                .contains("NEWPAR01");
        GATEWAY.verify(postRequestedFor(urlPathEqualTo("/api/v1/users")).withRequestBody(equalToJson("""
                {"role":"parent","full_name":"Новый Родитель","student_ids":[%d]}""".formatted(studentId))));
    }
}
