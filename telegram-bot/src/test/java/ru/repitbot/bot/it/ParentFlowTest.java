package ru.repitbot.bot.it;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import ru.repitbot.bot.flows.parent.ParentRoutes;
import ru.repitbot.models.Role;
import ru.repitbot.standin.CallbackAnswer;
import ru.repitbot.standin.ChatDriver;
import ru.repitbot.standin.ChatMessage;

/** The parent's screens (docs/domain/bot.md#parent-screens) against a WireMock gateway and the Telegram stand-in. */
class ParentFlowTest extends BotIntegrationTest {

    private static final AtomicLong UPDATE_IDS = new AtomicLong(3_000_000_000L + System.nanoTime() % 1_000_000_000L);
    private static final String DEADLINE = "2026-03-10T23:59:00+03:00";
    private final HttpClient http = HttpClient.newHttpClient();

    private record Family(ChatDriver chat, long parentId, long anya, long misha, long tutor) {
    }

    /** A parent with two children, Аня (balance 4 with a price) and Миша (balance 1). */
    private Family family() {
        ChatDriver chat = newChat("Ольга");
        long parentId = nextId();
        loginAs(chat, Role.PARENT, parentId, "Ольга Петрова");
        long anya = nextId();
        long misha = nextId();
        long tutor = nextId();
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/users/me/children")).withHeader("Authorization", bearer(parentId))
                .willReturn(okJson("[" + FamilyJson.user(anya, "student", "Аня Петрова") + ","
                        + FamilyJson.user(misha, "student", "Миша Петров") + "]")));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/users/" + anya)).withHeader("Authorization", bearer(parentId))
                .willReturn(okJson(FamilyJson.user(anya, "student", "Аня Петрова"))));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/users/" + misha)).withHeader("Authorization", bearer(parentId))
                .willReturn(okJson(FamilyJson.user(misha, "student", "Миша Петров"))));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/balances/" + anya)).willReturn(okJson(FamilyJson.balances(anya,
                FamilyJson.balanceLine(tutor, 4, "1500.00", "6000.00")))));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/balances/" + misha)).willReturn(okJson(FamilyJson.balances(misha,
                FamilyJson.balanceLine(tutor, 1, null, null)))));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/users/" + anya + "/tutors"))
                .willReturn(okJson("[" + FamilyJson.summary(tutor, "tutor", "Марина Петровна") + "]")));
        return new Family(chat, parentId, anya, misha, tutor);
    }

    private static void stubChildMenu(Family f) {
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/lessons")).withQueryParam("student_id",
                equalTo(Long.toString(f.anya()))).withQueryParam("to", matching(".+"))
                .withQueryParam("size", equalTo("1")).willReturn(okJson(FamilyJson.page(List.of(FamilyJson.lesson(
                        nextId(), f.tutor(), f.anya(), "Дроби", "2026-03-02T15:30:00+03:00", "attended", "learned")),
                        1, 1, 1))));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/homework")).withQueryParam("student_id",
                equalTo(Long.toString(f.anya()))).withQueryParam("status", equalTo("pending"))
                .willReturn(okJson(FamilyJson.page(List.of(), 2, 1, 1).replace("\"items\":[]", "\"items\":[]"))));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/homework")).withQueryParam("student_id",
                equalTo(Long.toString(f.anya()))).withQueryParam("status", equalTo("submitted"))
                .willReturn(okJson(FamilyJson.page(List.of(), 1, 1, 1))));
    }

    @Test
    void aParentSeesBothChildrenAndAChildsMenu() {
        Family f = family();
        stubChildMenu(f);

        f.chat().send("👨‍👩‍👧‍👦 Мои дети");
        ChatMessage list = f.chat().awaitBotMessage(m -> m.text().contains("Родительская панель"), WAIT);
        assertThat(list.text()).contains("Детей: 2", "👤 Аня Петрова — Баланс: 4 ур.", "👤 Миша Петров — Баланс: 1 ур.");
        assertThat(list.buttonTexts()).contains("👤 Аня Петрова", "👤 Миша Петров");

        f.chat().press("👤 Аня Петрова");
        ChatMessage menu = f.chat().awaitBotMessage(m -> m.text().contains("Последний урок"), WAIT);
        assertThat(menu.messageId()).isEqualTo(list.messageId());
        assertThat(menu.text()).contains("Аня Петрова", "👨‍🏫 Марина Петровна: 4 ур. (6000.00 RUB)",
                "Последний урок: пн 02.03.2026 15:30 — Дроби", "Активных домашних заданий: 3");
        assertThat(menu.buttonTexts()).contains("🗓️ Расписание", "📚 История уроков", "📝 Домашние задания",
                "💰 Оплаты", "📊 Прогресс", "🏆 Достижения", "🗓 Ссылка на календарь", "⬅️ К списку детей");

        String progress = f.chat().press("📊 Прогресс");
        assertThat(f.chat().awaitCallbackAnswer(progress, WAIT).text()).contains("сервис достижений");
        f.chat().press("⬅️ К списку детей");
        assertThat(f.chat().awaitBotMessage(m -> m.text().contains("Родительская панель"), WAIT).messageId())
                .isEqualTo(list.messageId());
    }

    @Test
    void aThirdChildsIdTypedIntoCallbackDataIsNotFoundAndNothingElseIsAsked() throws Exception {
        Family f = family();
        long stranger = nextId();
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/users/" + stranger)).willReturn(problem(404, "not found")));
        f.chat().send("👨‍👩‍👧‍👦 Мои дети");
        ChatMessage list = f.chat().awaitBotMessage(m -> m.text().contains("Родительская панель"), WAIT);
        int answersBefore = TELEGRAM.bot().calls("answerCallbackQuery");

        for (String data : List.of(ParentRoutes.CHILD.data(stranger), ParentRoutes.PAYMENTS.data(stranger),
                ParentRoutes.HOMEWORK.data(stranger, 12345))) {
            String forged = """
                    {"update_id":%d,"callback_query":{"id":"forged-%d","chat_instance":"1",
                     "from":{"id":%d,"is_bot":false,"first_name":"Ольга"},
                     "message":{"message_id":%d,"date":1767225600,"chat":{"id":%d,"type":"private"},"text":"x"},
                     "data":"%s"}}""".formatted(UPDATE_IDS.incrementAndGet(), nextId(), f.chat().userId(),
                    list.messageId(), f.chat().chatId(), data);
            assertThat(webhook(forged).statusCode()).isEqualTo(200);
        }

        org.awaitility.Awaitility.await().atMost(WAIT)
                .until(() -> TELEGRAM.bot().calls("answerCallbackQuery") >= answersBefore + 3);
        assertThat(GATEWAY.findAll(anyRequestedFor(urlMatching(".*" + stranger + ".*"))))
                .as("only the check of the child").hasSize(3)
                .allMatch(request -> request.getUrl().equals("/api/v1/users/" + stranger));
        GATEWAY.verify(0, anyRequestedFor(urlMatching("/api/v1/homework/12345.*")));
        assertThat(f.chat().lastBotMessage().messageId()).isEqualTo(list.messageId());
        assertThat(f.chat().lastBotMessage().edited()).as("the list stays as it was").isFalse();
    }

    @Test
    void aChildNoLongerLinkedSaysChildNotFoundOnItsOldButton() {
        Family f = family();
        f.chat().send("👨‍👩‍👧‍👦 Мои дети");
        ChatMessage list = f.chat().awaitBotMessage(m -> m.text().contains("Родительская панель"), WAIT);
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/users/" + f.misha())).willReturn(problem(404, "not found")));

        String press = f.chat().press("👤 Миша Петров");

        CallbackAnswer answer = f.chat().awaitCallbackAnswer(press, WAIT);
        assertThat(answer.text()).isEqualTo("❌ Ребёнок не найден.");
        assertThat(answer.showAlert()).isTrue();
        assertThat(f.chat().lastBotMessage().messageId()).isEqualTo(list.messageId());
        assertThat(f.chat().lastBotMessage().edited()).isFalse();
        GATEWAY.verify(0, anyRequestedFor(urlMatching(".*student_id=" + f.misha() + ".*")));
    }

    @Test
    void homeworkListsOverdueAndEachOpensAReadOnlyDetail() {
        Family f = family();
        stubChildMenu(f);
        long overdueId = nextId();
        long doneId = nextId();
        List<String> answerPhotos = StudentFlowTest.storedPhotos(1);
        List<String> tutorDocuments = StudentFlowTest.storedDocuments("§3.pdf");
        String done = FamilyJson.withDocuments(FamilyJson.homework(doneId, nextId(), f.anya(), f.tutor(), "Степени",
                "Прочитать §3", DEADLINE, List.of(), "submitted", false, FamilyJson.answer("Прочитала", answerPhotos,
                        null), null), tutorDocuments, List.of("§3.pdf"));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/homework")).withQueryParam("student_id",
                equalTo(Long.toString(f.anya()))).withQueryParam("size", equalTo("10"))
                .willReturn(okJson(FamilyJson.page(List.of(
                        FamilyJson.homework(overdueId, nextId(), f.anya(), f.tutor(), "Дроби", "Решить №1–5",
                                "2026-02-10T23:59:00+03:00", List.of(), "pending", true, null, null), done),
                        2, 1, 10))));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/homework/" + doneId)).willReturn(okJson(done)));

        f.chat().send("👨‍👩‍👧‍👦 Мои дети");
        f.chat().awaitBotMessage(m -> m.text().contains("Родительская панель"), WAIT);
        f.chat().press("👤 Аня Петрова");
        f.chat().awaitBotMessage(m -> m.text().contains("Последний урок"), WAIT);
        f.chat().press("📝 Домашние задания");
        ChatMessage list = f.chat().awaitBotMessage(m -> m.text().contains("Домашние задания: Аня Петрова"), WAIT);
        assertThat(list.text()).contains("🔴⏳ Дроби", "└ 📅 10.02 | В работе", "└ Решить №1–5", "📤 Степени",
                "Сдано, на проверке");
        assertThat(list.buttonTexts()).contains("🔴⏳ 10.02 Дроби", "📤 10.03 Степени", "⬅️ К ребёнку");

        f.chat().press("📤 10.03 Степени");
        ChatMessage detail = f.chat().awaitBotMessage(m -> m.text() != null && m.text().contains("Ответ ученика"),
                WAIT);
        assertThat(detail.text()).contains("👤 Аня Петрова", "Задание: Прочитать §3", "«Прочитала»", "Фото: 1",
                "Файлы к заданию: §3.pdf (ниже)");
        ChatMessage document = f.chat().awaitBotMessage(m -> m.document() != null, WAIT);
        assertThat(document.document().fileId()).isEqualTo(tutorDocuments.getFirst());
        assertThat(document.caption()).isEqualTo("📄 Файл к заданию 1/1");
        ChatMessage photo = f.chat().awaitBotMessage(m -> m.photo() != null, WAIT);
        assertThat(photo.messageId()).as("the task's document first, then the answer").isGreaterThan(
                document.messageId());
        assertThat(photo.caption()).isEqualTo("📷 Фото ответа 1/1");
        assertThat(photo.buttonTexts()).containsExactly("⬅️ К заданиям", "⬅️ К ребёнку");
    }

    @Test
    void scheduleHistoryAndPaymentsOfAChild() {
        Family f = family();
        stubChildMenu(f);
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/lessons")).withQueryParam("student_id",
                equalTo(Long.toString(f.anya()))).withQueryParam("from", matching(".+"))
                .withQueryParam("order", equalTo("asc")).willReturn(okJson(FamilyJson.page(List.of(
                        FamilyJson.lesson(nextId(), f.tutor(), f.anya(), "Степени", "2026-03-04T15:30:00+03:00",
                                "unexcused_absence", null)), 1, 1, 10))));
        List<String> history = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            history.add(FamilyJson.lesson(nextId(), f.tutor(), f.anya(), "Урок %02d".formatted(i + 1),
                    "2026-02-%02dT15:30:00+03:00".formatted(20 - i), "attended", "mastered"));
        }
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/lessons")).withQueryParam("student_id",
                equalTo(Long.toString(f.anya()))).withQueryParam("to", matching(".+"))
                .withQueryParam("size", equalTo("15")).withQueryParam("page", equalTo("1"))
                .willReturn(okJson(FamilyJson.page(history, 17, 1, 15))));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/payments")).withQueryParam("student_id",
                equalTo(Long.toString(f.anya()))).withQueryParam("size", equalTo("10"))
                .willReturn(okJson(FamilyJson.page(List.of(
                        FamilyJson.payment(nextId(), f.tutor(), f.anya(), 8, "12000.00", "2026-02-20T12:00:00+03:00",
                                false),
                        FamilyJson.payment(nextId(), f.tutor(), f.anya(), 4, null, "2026-02-10T12:00:00+03:00",
                                true)), 2, 1, 10))));

        f.chat().send("👨‍👩‍👧‍👦 Мои дети");
        f.chat().awaitBotMessage(m -> m.text().contains("Родительская панель"), WAIT);
        f.chat().press("👤 Аня Петрова");
        f.chat().awaitBotMessage(m -> m.text().contains("Последний урок"), WAIT);

        f.chat().press("🗓️ Расписание");
        assertThat(f.chat().awaitBotMessage(m -> m.text().contains("Ближайшие уроки"), WAIT).text())
                .contains("1. ср 04.03.2026 15:30 — Степени — 🚫 Отменён (неуваж. причина)");
        f.chat().press("⬅️ К ребёнку");
        f.chat().awaitBotMessage(m -> m.text().contains("Последний урок"), WAIT);

        f.chat().press("📚 История уроков");
        ChatMessage lessons = f.chat().awaitBotMessage(m -> m.text().contains("История уроков"), WAIT);
        assertThat(lessons.text()).contains("всего: 17", "20.02.2026 ✅🟢 Урок 01", "└ 👍 Счёт в уме", "Урок 15")
                .doesNotContain("Урок 16");
        assertThat(lessons.buttonTexts()).contains("1/2", "▶️");
        f.chat().press("⬅️ К ребёнку");
        f.chat().awaitBotMessage(m -> m.text().contains("Последний урок"), WAIT);

        f.chat().press("💰 Оплаты");
        assertThat(f.chat().awaitBotMessage(m -> m.text().contains("Оплаты: Аня Петрова"), WAIT).text())
                .contains("Марина Петровна: 4 ур.", "• 20.02.2026: +8 ур. (12000.00 RUB)",
                        "• 10.02.2026: +4 ур. — аннулирована");
    }

    @Test
    void aStudentCannotUseTheParentsKeyAndTheChatKeyOpensContactWithTheTutor() {
        ChatDriver student = newChat("Петя");
        long studentId = nextId();
        loginAs(student, Role.STUDENT, studentId, "Петя");
        student.send("👨‍👩‍👧‍👦 Мои дети");
        assertThat(student.awaitBotMessage(WAIT).text()).contains("нет доступа");
        GATEWAY.verify(0, anyRequestedFor(urlMatching("/api/v1/users/me/children.*"))
                .withHeader("Authorization", bearer(studentId)));

        Family f = family();
        f.chat().send("💬 Связь с репетитором");
        assertThat(f.chat().awaitBotMessage(WAIT).buttonTexts()).contains("✉️ Написать репетитору", "💬 Переписка");
    }

    private HttpResponse<String> webhook(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/telegram/webhook"))
                .header("Content-Type", "application/json").header("X-Telegram-Bot-Api-Secret-Token", WEBHOOK_SECRET)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
