package ru.repitbot.bot.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import ru.repitbot.models.Role;
import ru.repitbot.standin.CallbackAnswer;
import ru.repitbot.standin.ChatDriver;
import ru.repitbot.standin.ChatMessage;

/** The student's own screens and homework answers (docs/domain/bot.md#student-screens) against a WireMock gateway and the Telegram stand-in. */
class StudentFlowTest extends BotIntegrationTest {

    private static final String DEADLINE = "2026-03-10T23:59:00+03:00";

    static byte[] png() {
        BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Photos the stand-in holds (sent by a stranger to the bot), so the bot can send them on by file id. */
    static List<String> storedPhotos(int count) {
        ChatDriver stranger = newChat("Фотограф");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(stranger.sendPhoto(png()).photo().fileId());
        }
        return ids;
    }

    /** Documents the stand-in holds (sent by a stranger to the bot), named as given, to be sent on by file id. */
    static List<String> storedDocuments(String... names) {
        ChatDriver stranger = newChat("Архивариус");
        List<String> ids = new ArrayList<>();
        for (String name : names) {
            ids.add(stranger.sendDocument(name, ("%PDF-1.4 " + name).getBytes()).document().fileId());
        }
        return ids;
    }

    private ChatDriver student(long studentId) {
        ChatDriver chat = newChat("Петя");
        loginAs(chat, Role.STUDENT, studentId, "Петя Иванов");
        return chat;
    }

    private static void stubPastLessons(long studentId, List<String> lessons, int page, long total) {
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/lessons")).withHeader("Authorization", bearer(studentId))
                .withQueryParam("to", matching(".+")).withQueryParam("order", equalTo("desc"))
                .withQueryParam("page", equalTo(Integer.toString(page))).withQueryParam("size", equalTo("10"))
                .willReturn(okJson(FamilyJson.page(lessons, total, page, 10))));
    }

    @Test
    void myLessonsPageTenAtATimeAndALessonShowsEverythingWithItsHomework() {
        long me = nextId();
        long tutor = nextId();
        ChatDriver student = student(me);
        List<Long> ids = IntStream.range(0, 12).mapToObj(i -> nextId()).toList();
        List<String> first = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            first.add(FamilyJson.lesson(ids.get(i), tutor, me, "Тема %02d".formatted(i + 1),
                    "2026-02-%02dT15:30:00+03:00".formatted(20 - i), "attended", "learned"));
        }
        stubPastLessons(me, first, 1, 12);
        long lessonId = ids.get(10);
        String dividing = FamilyJson.lesson(lessonId, tutor, me, "Дроби", "2026-03-02T15:30:00+03:00", "attended",
                "mastered");
        stubPastLessons(me, List.of(dividing, FamilyJson.lesson(ids.get(11), tutor, me, "Степени",
                "2026-01-05T15:30:00+03:00", "excused_absence", null)), 2, 12);
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/lessons/" + lessonId)).withHeader("Authorization", bearer(me))
                .willReturn(okJson(dividing)));
        long pendingId = nextId();
        long checkedId = nextId();
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/homework")).withQueryParam("lesson_id",
                equalTo(Long.toString(lessonId))).willReturn(okJson(FamilyJson.page(List.of(
                FamilyJson.homework(pendingId, lessonId, me, tutor, "Дроби", "Решить №1–5", DEADLINE, List.of(),
                        "pending", false, null, null),
                FamilyJson.homework(checkedId, lessonId, me, tutor, "Дроби", "Прочитать §3", DEADLINE, List.of(),
                        "checked", false, FamilyJson.answer("Прочитал", List.of(), null), "Отлично")), 2, 1, 20))));

        student.send("📚 Мои уроки");
        ChatMessage list = student.awaitBotMessage(m -> m.text().contains("Мои уроки"), WAIT);
        assertThat(list.text()).contains("всего: 12");
        assertThat(list.buttonTexts()).contains("20.02.26 ✅🟡 Тема 01", "1/2", "▶️").doesNotContain("◀️");

        student.press("▶️");
        ChatMessage second = student.awaitBotMessage(m -> m.buttonTexts().contains("02.03.26 ✅🟢 Дроби"), WAIT);
        assertThat(second.messageId()).isEqualTo(list.messageId());
        assertThat(second.buttonTexts()).contains("05.01.26 😷 Степени", "◀️", "2/2");

        student.press("02.03.26 ✅🟢 Дроби");
        ChatMessage lesson = student.awaitBotMessage(m -> m.text().contains("Тема: Дроби"), WAIT);
        assertThat(lesson.text()).contains("Дата: пн 02.03.2026 15:30", "Посещение: ✅ Проведён",
                "Усвоение: 🟢 Закреплено", "Навыки: Счёт в уме", "Комментарий: Молодец", "Домашних заданий к уроку: 2");
        assertThat(lesson.buttonTexts()).contains("📝 Сдать ДЗ: Решить №1–5", "👁️ Посмотреть ДЗ: Прочитать §3",
                "⬅️ К урокам");
        assertThat(lesson.messageId()).isEqualTo(list.messageId());
    }

    @Test
    void theScheduleShowsACancelledLessonAsCancelledAtItsOwnDate() {
        long me = nextId();
        long tutor = nextId();
        ChatDriver student = student(me);
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/lessons")).withHeader("Authorization", bearer(me))
                .withQueryParam("from", matching(".+")).withQueryParam("order", equalTo("asc"))
                .withQueryParam("size", equalTo("10"))
                .willReturn(okJson(FamilyJson.page(List.of(
                        FamilyJson.lesson(nextId(), tutor, me, "Дроби", "2026-03-02T15:30:00+03:00", "scheduled", null),
                        FamilyJson.lesson(nextId(), tutor, me, "Степени", "2026-03-04T15:30:00+03:00",
                                "excused_absence", null),
                        FamilyJson.lesson(nextId(), tutor, me, "Корни", "2026-03-06T15:30:00+03:00", "scheduled",
                                null)), 3, 1, 10))));

        student.send("🗓️ Расписание");
        ChatMessage schedule = student.awaitBotMessage(m -> m.text().contains("Ближайшие уроки"), WAIT);

        assertThat(schedule.text()).contains("1. пн 02.03.2026 15:30 — Дроби\n",
                "2. ср 04.03.2026 15:30 — Степени — 🚫 Отменён (уваж. причина)\n",
                "3. пт 06.03.2026 15:30 — Корни");
        assertThat(schedule.text()).doesNotContain("Дроби — 🚫", "Корни — 🚫");
        assertThat(schedule.buttonTexts()).contains("🗓 Ссылка на календарь", "⬅️ Назад в главное меню");
    }

    private static void stubHomeworkList(long me, String... items) {
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/homework")).withHeader("Authorization", bearer(me))
                .withQueryParam("page", equalTo("1")).withQueryParam("size", equalTo("10"))
                .willReturn(okJson(FamilyJson.page(List.of(items), items.length, 1, 10))));
    }

    @Test
    void anAlbumOfThreePhotosAndATextBecomeOneAnswer() {
        long me = nextId();
        long tutor = nextId();
        long lessonId = nextId();
        long hw = nextId();
        ChatDriver student = student(me);
        String pending = FamilyJson.homework(hw, lessonId, me, tutor, "Дроби", "Решить №1–5", DEADLINE, List.of(),
                "pending", false, null, null);
        stubHomeworkList(me, pending);
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/homework/" + hw)).willReturn(okJson(pending)));
        GATEWAY.stubFor(post(urlPathEqualTo("/api/v1/homework/" + hw + "/submission"))
                .withHeader("Authorization", bearer(me))
                .willReturn(okJson(FamilyJson.homework(hw, lessonId, me, tutor, "Дроби", "Решить №1–5", DEADLINE,
                        List.of(), "submitted", false, FamilyJson.answer("x", List.of(), null), null))));

        student.send("📝 Домашние задания");
        ChatMessage list = student.awaitBotMessage(m -> m.text().contains("Домашние задания"), WAIT);
        assertThat(list.buttonTexts()).contains("⏳ 10.03 Дроби");
        student.press("⏳ 10.03 Дроби");
        student.awaitBotMessage(m -> m.text().contains("Пришлите ваш ответ (текст, фото или файл)"), WAIT);
        assertThat(student.botMessages()).anyMatch(m -> m.text() != null && m.text().contains("Задание: Решить №1–5"));

        // An album: three photo messages in a row, then a text.
        List<String> photos = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            photos.add(student.sendPhoto(png()).photo().fileId());
        }
        student.send("Ответ: x = 5");
        student.awaitBotMessage(m -> m.text().contains("Текст добавлен"), WAIT);
        assertThat(student.botMessages()).anyMatch(m -> m.text() != null && m.text().contains("📷 Фото 1 добавлено"))
                .anyMatch(m -> m.text() != null && m.text().contains("📷 Фото 3 добавлено"));
        GATEWAY.verify(0, postRequestedFor(urlPathEqualTo("/api/v1/homework/" + hw + "/submission")));
        // A menu key pressed mid-answer is not part of the answer.
        student.send("📚 Мои уроки");
        assertThat(student.awaitBotMessage(WAIT).text()).contains("жду ваш ответ");

        student.send("/done");
        ChatMessage done = student.awaitBotMessage(m -> m.text().contains("Ответ отправлен"), WAIT);
        assertThat(done.text()).contains("Фото: 3", "без файла", "с текстом");
        GATEWAY.verify(1, postRequestedFor(urlPathEqualTo("/api/v1/homework/" + hw + "/submission"))
                .withRequestBody(equalToJson("""
                        {"text":"Ответ: x = 5","photo_file_ids":["%s","%s","%s"]}"""
                        .formatted(photos.get(0), photos.get(1), photos.get(2)))));
        assertThat(dialogOf(student)).as("the dialog is over").isEmpty();
    }

    @Test
    void aDocumentIsSentWithTheButtonAndAnAnswerNoLongerWantedIsExplained() {
        long me = nextId();
        long tutor = nextId();
        long hw = nextId();
        ChatDriver student = student(me);
        String pending = FamilyJson.homework(hw, nextId(), me, tutor, "Дроби", "Решить №1–5", DEADLINE, List.of(),
                "pending", true, null, null);
        stubHomeworkList(me, pending);
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/homework/" + hw)).willReturn(okJson(pending)));
        GATEWAY.stubFor(post(urlPathEqualTo("/api/v1/homework/" + hw + "/submission"))
                .willReturn(problem(409, "This homework is not pending")));

        student.send("📝 Домашние задания");
        student.awaitBotMessage(m -> m.text().contains("Домашние задания"), WAIT);
        student.press("🔴⏳ 10.03 Дроби");
        student.awaitBotMessage(m -> m.text().contains("Пришлите ваш ответ"), WAIT);

        student.send("/done");
        assertThat(student.awaitBotMessage(WAIT).text()).contains("Сначала пришлите ответ");
        student.send("/skip");
        assertThat(student.awaitBotMessage(WAIT).text()).contains("Пришлите текст, фото или файл");

        String fileId = student.sendDocument("решение.pdf", "application/pdf", "%PDF-1.4".getBytes(), null)
                .document().fileId();
        student.awaitBotMessage(m -> m.text().contains("Файл решение.pdf добавлен"), WAIT);
        String press = student.press("✅ Отправить");
        assertThat(student.awaitBotMessage(m -> m.text().contains("Ответ не принят"), WAIT).text())
                .contains("уже сдано или проверено");
        assertThat(student.awaitCallbackAnswer(press, WAIT).answered()).isTrue();
        GATEWAY.verify(postRequestedFor(urlPathEqualTo("/api/v1/homework/" + hw + "/submission"))
                .withRequestBody(equalToJson("{\"document_file_id\":\"" + fileId + "\"}")));
        assertThat(dialogOf(student)).isEmpty();
    }

    @Test
    void aHandedInAnswerIsShownWithTheTutorsPhotosAndDocumentsAndCanBeWithdrawn() {
        long me = nextId();
        long tutor = nextId();
        long hw = nextId();
        long lessonId = nextId();
        ChatDriver student = student(me);
        List<String> tutorPhotos = storedPhotos(2);
        List<String> tutorDocuments = storedDocuments("условие.pdf", "document");
        List<String> names = java.util.Arrays.asList("условие.pdf", null);
        String submitted = FamilyJson.withDocuments(FamilyJson.homework(hw, lessonId, me, tutor, "Дроби",
                "Решить №1–5", DEADLINE, tutorPhotos, "submitted", false, FamilyJson.answer("Мой ответ", List.of(),
                        null), null), tutorDocuments, names);
        String pendingAgain = FamilyJson.withDocuments(FamilyJson.homework(hw, lessonId, me, tutor, "Дроби",
                "Решить №1–5", DEADLINE, tutorPhotos, "pending", false, null, null), tutorDocuments, names);
        stubHomeworkList(me, submitted);
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/homework/" + hw)).willReturn(okJson(submitted)));

        student.send("📝 Домашние задания");
        student.awaitBotMessage(m -> m.text().contains("Домашние задания"), WAIT);
        student.press("📤 10.03 Дроби");
        ChatMessage view = student.awaitBotMessage(m -> m.text() != null && m.text().contains("Ваш ответ"), WAIT);
        assertThat(view.text()).contains("Задание: Решить №1–5", "Срок: 10.03.2026 23:59",
                "Ссылка: https://example.org/task", "Статус: 📤 Сдано, на проверке", "«Мой ответ»",
                "Фото к заданию: 2", "Файлы к заданию: условие.pdf, файл 2 (ниже)");
        ChatMessage lastPhoto = student.awaitBotMessage(m -> m.photo() != null
                && "🖼 Фото к заданию 2/2".equals(m.caption()), WAIT);
        assertThat(lastPhoto.buttonTexts()).isEmpty();
        ChatMessage lastDocument = student.awaitBotMessage(m -> m.document() != null
                && "📄 Файл к заданию 2/2".equals(m.caption()), WAIT);
        assertThat(student.botMessages().stream().map(ChatMessage::document).filter(java.util.Objects::nonNull)
                .map(d -> d.fileId())).as("the tutor's documents, sent on by file id, in order")
                .containsExactlyElementsOf(tutorDocuments);
        assertThat(lastDocument.buttonTexts()).as("the keyboard under the last message")
                .contains("↩️ Забрать ответ", "⬅️ К домашним заданиям");
        GATEWAY.verify(0, anyRequestedFor(urlPathEqualTo("/api/v1/homework/" + hw + "/submission")));

        student.press("↩️ Забрать ответ");
        assertThat(student.awaitBotMessage(m -> m.text() != null && m.text().contains("Забрать ответ на задание"),
                WAIT).text()).contains("будут удалены");
        GATEWAY.verify(0, deleteRequestedFor(urlPathEqualTo("/api/v1/homework/" + hw + "/submission")));

        GATEWAY.stubFor(delete(urlPathEqualTo("/api/v1/homework/" + hw + "/submission"))
                .willReturn(okJson(pendingAgain)));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/homework/" + hw)).willReturn(okJson(pendingAgain)));
        String yes = student.press("✅ Да, забрать");
        ChatMessage after = student.awaitBotMessage(m -> m.text() != null && m.text().contains("Ответ забран"), WAIT);
        assertThat(after.text()).contains("Статус: ⏳ В работе", "Ваш ответ: ещё не сдан");
        assertThat(student.awaitCallbackAnswer(yes, WAIT).text()).isEqualTo("Ответ забран");
        GATEWAY.verify(1, deleteRequestedFor(urlPathEqualTo("/api/v1/homework/" + hw + "/submission"))
                .withHeader("Authorization", bearer(me)));
    }

    @Test
    void anAnswerTheTutorAcceptedMeanwhileCannotBeWithdrawnAndSaysWhy() {
        long me = nextId();
        long tutor = nextId();
        long hw = nextId();
        ChatDriver student = student(me);
        String submitted = FamilyJson.homework(hw, nextId(), me, tutor, "Дроби", "Решить №1–5", DEADLINE, List.of(),
                "submitted", false, FamilyJson.answer("Мой ответ", List.of(), null), null);
        stubHomeworkList(me, submitted);
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/homework/" + hw)).willReturn(okJson(submitted)));

        student.send("📝 Домашние задания");
        student.awaitBotMessage(m -> m.text().contains("Домашние задания"), WAIT);
        student.press("📤 10.03 Дроби");
        student.awaitBotMessage(m -> m.text() != null && m.text().contains("Ваш ответ"), WAIT);
        student.press("↩️ Забрать ответ");
        student.awaitBotMessage(m -> m.text() != null && m.text().contains("Забрать ответ на задание"), WAIT);

        GATEWAY.stubFor(delete(urlPathEqualTo("/api/v1/homework/" + hw + "/submission")).willReturn(problem(409,
                "The tutor has already accepted this answer, so it can no longer be withdrawn")));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/homework/" + hw)).willReturn(okJson(FamilyJson.homework(hw,
                nextId(), me, tutor, "Дроби", "Решить №1–5", DEADLINE, List.of(), "checked", false,
                FamilyJson.answer("Мой ответ", List.of(), null), "Отлично"))));
        student.press("✅ Да, забрать");
        ChatMessage refused = student.awaitBotMessage(m -> m.text() != null && m.text().contains("уже принял"), WAIT);
        assertThat(refused.text()).contains("забрать его нельзя", "Комментарий репетитора: Отлично")
                .doesNotContain("withdrawn");
        assertThat(refused.buttonTexts()).doesNotContain("↩️ Забрать ответ", "📝 Сдать ДЗ");
    }

    @Test
    void theBalanceShowsEachTutorWithMoneyAndTheLastPaymentsWithVoidedOnesMarked() {
        long me = nextId();
        long marina = nextId();
        long oleg = nextId();
        ChatDriver student = student(me);
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/balances/" + me)).withHeader("Authorization", bearer(me))
                .willReturn(okJson(FamilyJson.balances(me, FamilyJson.balanceLine(marina, 4, "1500.00", "6000.00"),
                        FamilyJson.balanceLine(oleg, -1, null, null)))));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/users/me/tutors")).withHeader("Authorization", bearer(me))
                .willReturn(okJson("[" + FamilyJson.summary(marina, "tutor", "Марина Петровна") + ","
                        + FamilyJson.summary(oleg, "tutor", "Олег Иванович") + "]")));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/payments")).withQueryParam("student_id", equalTo(Long.toString(me)))
                .withQueryParam("size", equalTo("5")).willReturn(okJson(FamilyJson.page(List.of(
                        FamilyJson.payment(nextId(), marina, me, 8, "12000.00", "2026-02-20T12:00:00+03:00", false),
                        FamilyJson.payment(nextId(), marina, me, 4, null, "2026-02-10T12:00:00+03:00", true)),
                        2, 1, 5))));

        student.send("💰 Баланс уроков");
        ChatMessage balance = student.awaitBotMessage(m -> m.text().contains("Баланс уроков"), WAIT);

        assertThat(balance.text()).contains("👨‍🏫 Марина Петровна: 4 ур. (6000.00 RUB)",
                "👨‍🏫 Олег Иванович: -1 ур. ⚠️ долг", "• 20.02.2026: +8 ур. (12000.00 RUB)",
                "• 10.02.2026: +4 ур. — аннулирована");
    }

    @Test
    void sectionsOfLaterServicesSayHonestlyWhenTheyCome() {
        ChatDriver student = student(nextId());

        student.send("📊 Мой прогресс");
        assertThat(student.awaitBotMessage(WAIT).text()).contains("сервис достижений");
        student.send("🗂️ Библиотека");
        assertThat(student.awaitBotMessage(WAIT).text()).contains("сервис материалов");
        student.send("💬 Связь с репетитором");
        assertThat(student.awaitBotMessage(WAIT).buttonTexts()).contains("✉️ Написать репетитору", "💬 Переписка");
    }

    @Test
    void aButtonOfADeletedLessonSaysNotFoundAndTheMessageStays() {
        long me = nextId();
        long lessonId = nextId();
        ChatDriver student = student(me);
        stubPastLessons(me, List.of(FamilyJson.lesson(lessonId, nextId(), me, "Дроби", "2026-03-02T15:30:00+03:00",
                "attended", null)), 1, 1);
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/lessons/" + lessonId)).willReturn(problem(404, "not found")));

        student.send("📚 Мои уроки");
        ChatMessage list = student.awaitBotMessage(WAIT);
        String press = student.press("02.03.26 ✅ Дроби");

        CallbackAnswer answer = student.awaitCallbackAnswer(press, WAIT);
        assertThat(answer.text()).contains("Не найдено");
        assertThat(answer.showAlert()).isTrue();
        assertThat(student.lastBotMessage().messageId()).isEqualTo(list.messageId());
        assertThat(student.lastBotMessage().edited()).isFalse();
    }

    @Test
    void anotherRoleTypingAStudentsKeyIsRefusedAndNothingIsAsked() {
        long parentId = nextId();
        ChatDriver parent = newChat("Мама");
        loginAs(parent, Role.PARENT, parentId, "Мама");

        parent.send("📚 Мои уроки");

        assertThat(parent.awaitBotMessage(WAIT).text()).contains("нет доступа");
        GATEWAY.verify(0, anyRequestedFor(urlPathMatching("/api/v1/.*")).withHeader("Authorization",
                bearer(parentId)));
    }

    @Test
    void theServiceDownKeepsTheAnswerToSendAgain() {
        long me = nextId();
        long hw = nextId();
        ChatDriver student = student(me);
        String pending = FamilyJson.homework(hw, nextId(), me, nextId(), "Дроби", "Решить №1–5", DEADLINE, List.of(),
                "pending", false, null, null);
        stubHomeworkList(me, pending);
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/homework/" + hw)).willReturn(okJson(pending)));
        GATEWAY.stubFor(post(urlPathEqualTo("/api/v1/homework/" + hw + "/submission"))
                .willReturn(aResponse().withStatus(503)));

        student.send("📝 Домашние задания");
        student.awaitBotMessage(m -> m.text().contains("Домашние задания"), WAIT);
        student.press("⏳ 10.03 Дроби");
        student.awaitBotMessage(m -> m.text().contains("Пришлите ваш ответ"), WAIT);
        student.send("Ответ");
        student.awaitBotMessage(m -> m.text().contains("Текст добавлен"), WAIT);
        student.send("/done");
        assertThat(student.awaitBotMessage(WAIT).text()).contains("временно недоступен", "ответ сохранён");
        assertThat(dialogOf(student)).isPresent();

        GATEWAY.stubFor(post(urlPathEqualTo("/api/v1/homework/" + hw + "/submission")).willReturn(okJson(pending
                .replace("\"pending\"", "\"submitted\""))));
        student.send("/done");
        assertThat(student.awaitBotMessage(WAIT).text()).contains("Ответ отправлен");
        GATEWAY.verify(2, postRequestedFor(urlPathEqualTo("/api/v1/homework/" + hw + "/submission"))
                .withRequestBody(equalToJson("{\"text\":\"Ответ\"}")));
    }
}
