package ru.repitbot.bot.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import ru.repitbot.models.Role;
import ru.repitbot.standin.CallbackAnswer;
import ru.repitbot.standin.ChatDriver;
import ru.repitbot.standin.ChatMessage;

/**
 * The tutor's homework (docs/domain/bot.md#tutor-homework): the list "to check" first, the card, the answer sent on by file_id,
 * accept/return with a comment, delete, assigning to a lesson — against a WireMock gateway shaped like
 * homework-service and the Telegram stand-in.
 */
class TutorHomeworkFlowTest extends BotIntegrationTest {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");


    /** A homework as homework-service shows it (every field, nulls present). */
    private static String homeworkJson(long id, long studentId, long tutorId, String topic, String description,
            String status, boolean overdue, String submission, String comment) {
        return """
                {"id":%d,"lesson_id":%d,"student_id":%d,"tutor_id":%d,"lesson_topic":"%s",
                 "lesson_date":"2026-12-20T15:00:00+03:00","description":"%s","deadline":"2026-12-25T18:00:00+03:00",
                 "link":null,"photo_file_ids":[],"documents":[],
                 "status":"%s","overdue":%s,"submission":%s,"tutor_comment":%s,
                 "checked_at":null,"returned_at":null,"attachments":[],"created_at":"2026-12-20T16:00:00+03:00",
                 "updated_at":"2026-12-20T16:00:00+03:00","version":1}"""
                .formatted(id, id + 1, studentId, tutorId, topic, description, status, overdue,
                        submission == null ? "null" : submission, comment == null ? "null" : "\"" + comment + "\"");
    }


    /** The student's homework by status, as homework-service pages it (10 a page). */
    private static void stubStatus(long tutorId, long studentId, String status, List<String> homework) {
        int pages = Math.max(1, (homework.size() + 9) / 10);
        for (int p = 1; p <= pages; p++) {
            List<String> items = homework.subList((p - 1) * 10, Math.min(homework.size(), p * 10));
            GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/homework")).withHeader("Authorization", bearer(tutorId))
                    .withQueryParam("student_id", equalTo(Long.toString(studentId)))
                    .withQueryParam("status", equalTo(status))
                    .withQueryParam("page", equalTo(Integer.toString(p)))
                    .willReturn(okJson(pageAnswer(items, homework.size(), p, homework.isEmpty() ? 0 : pages))));
        }
    }

    /** A tutor with one student whose profile is open (no balance yet). */
    private static long openProfile(ChatDriver tutor, long tutorId, String name) {
        return openStudentProfile(tutor, tutorId, name, studentId -> GATEWAY.stubFor(
                get(urlPathEqualTo("/api/v1/balances/" + studentId)).willReturn(okJson("""
                        {"student_id":%d,"balances":[]}""".formatted(studentId)))));
    }

    /** The lesson picker's two lists: the next lessons (ascending) and the past ones (most recent first). */
    private static void stubPicker(long studentId, List<String> upcoming, List<String> past) {
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/lessons")).withQueryParam("student_id",
                equalTo(Long.toString(studentId))).withQueryParam("order", equalTo("asc"))
                .withQueryParam("page", equalTo("1")).withQueryParam("from", matching(".+Z"))
                .willReturn(okJson(pageAnswer(upcoming, upcoming.size(), 1, upcoming.isEmpty() ? 0 : 1))));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/lessons")).withQueryParam("student_id",
                equalTo(Long.toString(studentId))).withQueryParam("order", equalTo("desc"))
                .withQueryParam("page", equalTo("1")).withQueryParam("to", matching(".+Z"))
                .willReturn(okJson(pageAnswer(past, past.size(), 1, past.isEmpty() ? 0 : 1))));
    }


    private static byte[] png(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, (int) (nextId() & 0xFFFFFF));
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theListShowsWhatIsToCheckFirstAndPagesInPlace() {
        ChatDriver tutor = newChat("Марина");
        long tutorId = nextId();
        loginAs(tutor, Role.TUTOR, tutorId, "Марина");
        long studentId = openProfile(tutor, tutorId, "Иван Петров");
        stubStatus(tutorId, studentId, "submitted", List.of(
                homeworkJson(nextId(), studentId, tutorId, "Дроби", "Задачи 1–5", "submitted", false, null, null)));
        stubStatus(tutorId, studentId, "pending", IntStream.range(0, 9).mapToObj(i -> homeworkJson(nextId(),
                studentId, tutorId, "Тема " + i, "Упражнение " + i, "pending", i == 0, null, null)).toList());
        stubStatus(tutorId, studentId, "checked", IntStream.range(0, 4).mapToObj(i -> homeworkJson(nextId(),
                studentId, tutorId, "Пройдено " + i, "Старое " + i, "checked", false, null, null)).toList());

        tutor.press("📝 Домашние задания");
        ChatMessage list = tutor.awaitBotMessage(m -> text(m).contains("Домашние задания: Иван Петров"), WAIT);

        assertThat(list.text()).contains("Всего: 14 · на проверку: 1");
        List<String> buttons = list.buttonTexts();
        assertThat(buttons.getFirst()).isEqualTo("📤 Дроби · до 25.12");
        assertThat(buttons).contains("🔴 Тема 0 · до 25.12", "⏳ Тема 8 · до 25.12", "1/2", "▶️", "➕ Задать ДЗ")
                .doesNotContain("✅ Пройдено 0 · до 25.12");
        assertThat(buttons.indexOf("🔴 Тема 0 · до 25.12")).isLessThan(buttons.indexOf("⏳ Тема 8 · до 25.12"));

        tutor.press("▶️");
        ChatMessage second = tutor.awaitBotMessage(m -> m.hasButton("✅ Пройдено 3 · до 25.12"), WAIT);
        assertThat(second.messageId()).isEqualTo(list.messageId());
        assertThat(second.buttonTexts()).contains("◀️", "2/2", "✅ Пройдено 0 · до 25.12")
                .doesNotContain("📤 Дроби · до 25.12", "▶️");
    }

    @Test
    void aSubmissionWithThreePhotosAndADocumentIsShownByFileIdAndAcceptedWithAComment() {
        // The student's files are ones Telegram already holds: sent to the bot by a student, kept by file id.
        ChatDriver pupil = newChat("Иван");
        List<String> photos = IntStream.range(0, 3)
                .mapToObj(i -> pupil.sendPhoto(png(20 + i, 20)).photo().fileId()).toList();
        String document = pupil.sendDocument("решение.pdf", "application/pdf", "%PDF-1.4 ответ".getBytes(), null)
                .document().fileId();

        ChatDriver tutor = newChat("Марина");
        long tutorId = nextId();
        loginAs(tutor, Role.TUTOR, tutorId, "Марина");
        long studentId = openProfile(tutor, tutorId, "Иван Петров");
        long homeworkId = nextId();
        String submission = """
                {"text":"Ответ: 42","photo_file_ids":["%s","%s","%s"],"document_file_id":"%s",
                 "submitted_at":"2026-12-22T19:30:00+03:00"}""".formatted(photos.get(0), photos.get(1), photos.get(2),
                document);
        String submitted = homeworkJson(homeworkId, studentId, tutorId, "Дроби", "Решить задачи 1–5", "submitted",
                false, submission, null);
        stubStatus(tutorId, studentId, "submitted", List.of(submitted));
        stubStatus(tutorId, studentId, "pending", List.of());
        stubStatus(tutorId, studentId, "checked", List.of());
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/homework/" + homeworkId)).withHeader("Authorization",
                bearer(tutorId)).willReturn(okJson(submitted)));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/homework/" + homeworkId + "/submission")).willReturn(okJson("""
                {"homework_id":%d,"student_id":%d,"status":"submitted","text":"Ответ: 42",
                 "photo_file_ids":["%s","%s","%s"],"document_file_id":"%s",
                 "submitted_at":"2026-12-22T19:30:00+03:00","files":[],"withdrawable":true}"""
                .formatted(homeworkId, studentId, photos.get(0), photos.get(1), photos.get(2), document))));

        tutor.press("📝 Домашние задания");
        tutor.awaitBotMessage(m -> m.hasButton("📤 Дроби · до 25.12"), WAIT);
        tutor.press("📤 Дроби · до 25.12");
        ChatMessage card = tutor.awaitBotMessage(m -> text(m).contains("Домашнее задание"), WAIT);
        assertThat(card.text()).contains("Урок: Дроби (20.12.2026 15:00)", "Статус: 📤 Сдано, на проверке",
                "Срок: 25.12.2026 18:00", "Решить задачи 1–5", "Ответ ученика (22.12.2026 19:30)", "Ответ: 42",
                "Фото: 3 · файл: есть");
        assertThat(card.buttonTexts()).contains("👀 Ответ ученика", "✅ Принять", "↩️ Вернуть на доработку",
                "🗑️ Удалить", "⬅️ К списку ДЗ");

        int before = tutor.botMessages().size();
        tutor.press("👀 Ответ ученика");
        tutor.awaitBotMessage(m -> text(m).contains("Домашнее задание")
                && m.messageId() != card.messageId(), WAIT);
        List<ChatMessage> sent = tutor.botMessages().subList(before, tutor.botMessages().size());
        assertThat(sent.stream().map(ChatMessage::photo).filter(Objects::nonNull).map(p -> p.fileId()))
                .as("the three photos, sent on by their file ids").containsExactlyElementsOf(photos);
        assertThat(sent.stream().map(ChatMessage::document).filter(Objects::nonNull).map(d -> d.fileId()))
                .containsExactly(document);
        assertThat(sent.stream().map(ChatMessage::caption).filter(Objects::nonNull))
                .contains("📤 Ответ: фото 1/3", "📤 Ответ: фото 3/3", "📤 Ответ: файл");
        assertThat(sent.getFirst().text()).contains("Ответ ученика:", "Ответ: 42");
        assertThat(sent.getLast().buttonTexts()).as("the card again, below the answer").contains("✅ Принять");
        GATEWAY.verify(getRequestedFor(urlPathEqualTo("/api/v1/homework/" + homeworkId + "/submission")));

        GATEWAY.stubFor(post(urlPathEqualTo("/api/v1/homework/" + homeworkId + "/accept")).willReturn(okJson(
                homeworkJson(homeworkId, studentId, tutorId, "Дроби", "Решить задачи 1–5", "checked", false,
                        submission, "Отлично!"))));
        tutor.press("✅ Принять");
        assertThat(tutor.awaitBotMessage(m -> text(m).contains("Принять ДЗ «Дроби»"), WAIT).text())
                .contains("комментарий для ученика или /skip");
        tutor.send("Отлично!");
        ChatMessage accepted = tutor.awaitBotMessage(m -> text(m).contains("ДЗ принято"), WAIT);
        assertThat(accepted.text()).contains("Статус: ✅ Проверено", "Комментарий репетитора: Отлично!");
        assertThat(accepted.buttonTexts()).doesNotContain("✅ Принять");
        GATEWAY.verify(postRequestedFor(urlPathEqualTo("/api/v1/homework/" + homeworkId + "/accept"))
                .withRequestBody(equalToJson("{\"comment\":\"Отлично!\"}")));
        assertThat(dialogOf(tutor)).isEmpty();
    }

    @Test
    void theTasksPhotosAndDocumentsAreListedOnTheCardAndSentOnByFileId() {
        // Files Telegram already holds: sent to the bot by the tutor while assigning, kept by file id.
        ChatDriver author = newChat("Марина");
        String photo = author.sendPhoto(png(25, 25)).photo().fileId();
        String conditions = author.sendDocument("условие.pdf", "application/pdf", "%PDF-1.4 условие".getBytes(), null)
                .document().fileId();
        String table = author.sendDocument("таблица.xlsx", "%XLSX".getBytes()).document().fileId();

        ChatDriver tutor = newChat("Марина");
        long tutorId = nextId();
        loginAs(tutor, Role.TUTOR, tutorId, "Марина");
        long studentId = openProfile(tutor, tutorId, "Иван Петров");
        long homeworkId = nextId();
        String pending = homeworkJson(homeworkId, studentId, tutorId, "Проценты", "Решить по условию", "pending",
                false, null, null).replace("\"photo_file_ids\":[],\"documents\":[]", """
                "photo_file_ids":["%s"],"documents":[{"file_id":"%s","file_name":"условие.pdf"},
                 {"file_id":"%s","file_name":null}]""".formatted(photo, conditions, table));
        stubStatus(tutorId, studentId, "submitted", List.of());
        stubStatus(tutorId, studentId, "pending", List.of(pending));
        stubStatus(tutorId, studentId, "checked", List.of());
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/homework/" + homeworkId)).withHeader("Authorization",
                bearer(tutorId)).willReturn(okJson(pending)));

        tutor.press("📝 Домашние задания");
        tutor.awaitBotMessage(m -> m.hasButton("⏳ Проценты · до 25.12"), WAIT);
        tutor.press("⏳ Проценты · до 25.12");
        ChatMessage card = tutor.awaitBotMessage(m -> text(m).contains("Домашнее задание"), WAIT);
        assertThat(card.text()).contains("Фото к заданию: 1", "Файлы к заданию: условие.pdf, файл 2");
        assertThat(card.buttonTexts()).contains("🖼 Фото и файлы задания (3)");

        int before = tutor.botMessages().size();
        tutor.press("🖼 Фото и файлы задания (3)");
        tutor.awaitBotMessage(m -> text(m).contains("Домашнее задание") && m.messageId() != card.messageId(), WAIT);
        List<ChatMessage> sent = tutor.botMessages().subList(before, tutor.botMessages().size());
        assertThat(sent.stream().map(ChatMessage::photo).filter(Objects::nonNull).map(p -> p.fileId()))
                .containsExactly(photo);
        assertThat(sent.stream().map(ChatMessage::document).filter(Objects::nonNull).map(d -> d.fileId()))
                .as("the documents, in order, sent on by their file ids").containsExactly(conditions, table);
        assertThat(sent.stream().map(ChatMessage::caption).filter(Objects::nonNull))
                .containsExactly("🖼 Задание: фото 1/1", "📄 Задание: файл 1/2", "📄 Задание: файл 2/2");
        assertThat(sent.getLast().buttonTexts()).as("the card again, below the files").contains("🗑️ Удалить");

        // Documents alone: the button says files.
        String documentsOnly = pending.replace("\"photo_file_ids\":[\"" + photo + "\"]", "\"photo_file_ids\":[]");
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/homework/" + homeworkId)).withHeader("Authorization",
                bearer(tutorId)).willReturn(okJson(documentsOnly)));
        tutor.press("⬅️ К списку ДЗ");
        tutor.awaitBotMessage(m -> m.hasButton("⏳ Проценты · до 25.12"), WAIT);
        tutor.press("⏳ Проценты · до 25.12");
        assertThat(tutor.awaitBotMessage(m -> text(m).contains("Домашнее задание"), WAIT).buttonTexts())
                .contains("📄 Файлы задания (2)").doesNotContain("🖼 Фото и файлы задания (3)");
    }

    @Test
    void aTaskTakesAtMostTenDocuments() {
        ChatDriver tutor = newChat("Марина");
        long tutorId = nextId();
        loginAs(tutor, Role.TUTOR, tutorId, "Марина");
        long studentId = openProfile(tutor, tutorId, "Иван Петров");
        long lessonId = nextId();
        stubStatus(tutorId, studentId, "submitted", List.of());
        stubStatus(tutorId, studentId, "pending", List.of());
        stubStatus(tutorId, studentId, "checked", List.of());
        String lesson = """
                {"id":%d,"tutor_id":%d,"student_id":%d,"topic":"Векторы","start_at":"2026-12-18T10:00:00+03:00",
                 "duration_minutes":60,"time_zone":"Europe/Moscow","attendance_status":"attended","charged":true,
                 "is_makeup":false}""".formatted(lessonId, tutorId, studentId);
        stubPicker(studentId, List.of(), List.of(lesson));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/lessons/" + lessonId)).willReturn(okJson(lesson)));
        GATEWAY.stubFor(post(urlPathEqualTo("/api/v1/homework")).withHeader("Authorization", bearer(tutorId))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody(homeworkJson(nextId(), studentId, tutorId, "Векторы", "Сборник", "pending", false,
                                null, null))));

        tutor.press("📝 Домашние задания");
        tutor.awaitBotMessage(m -> m.hasButton("➕ Задать ДЗ"), WAIT);
        tutor.press("➕ Задать ДЗ");
        tutor.awaitBotMessage(m -> m.hasButton("18.12.26 10:00 — Векторы"), WAIT);
        tutor.press("18.12.26 10:00 — Векторы");
        tutor.awaitBotMessage(m -> text(m).contains("Введите текст задания"), WAIT);
        tutor.send("Сборник");
        tutor.awaitBotMessage(WAIT);
        tutor.send("завтра 20:00");
        tutor.awaitBotMessage(m -> m.hasButton("⏭ Пропустить"), WAIT);
        tutor.press("⏭ Пропустить");
        tutor.awaitBotMessage(m -> text(m).contains("Пришлите фото или файлы"), WAIT);
        for (int i = 1; i <= 10; i++) {
            tutor.sendDocument("часть " + i + ".pdf", ("%PDF-1.4 " + i).getBytes());
            int n = i;
            tutor.awaitBotMessage(m -> text(m).startsWith("📎 Файл " + n + " добавлен"), WAIT);
        }
        tutor.sendDocument("лишний.pdf", "%PDF-1.4 11".getBytes());
        assertThat(tutor.awaitBotMessage(WAIT).text()).isEqualTo("❌ К одному заданию — не больше 10 файлов. "
                + "Отправьте /done.");

        tutor.send("/done");
        assertThat(tutor.awaitBotMessage(m -> text(m).contains("ДЗ задано"), WAIT).text())
                .contains("Фото: 0 · файлов: 10");
        GATEWAY.verify(postRequestedFor(urlPathEqualTo("/api/v1/homework"))
                .withRequestBody(matching(".*\"file_name\":\"часть 10\\.pdf\".*"))
                .withRequestBody(matching("^(?!.*лишний).*$")));
    }

    @Test
    void returningWithSkipSendsNoCommentAndAConflictBecomesASentence() {
        ChatDriver tutor = newChat("Марина");
        long tutorId = nextId();
        loginAs(tutor, Role.TUTOR, tutorId, "Марина");
        long studentId = openProfile(tutor, tutorId, "Иван Петров");
        long homeworkId = nextId();
        String submitted = homeworkJson(homeworkId, studentId, tutorId, "Степени", "Задачи", "submitted", false,
                """
                {"text":"Готово","photo_file_ids":[],"document_file_id":null,
                 "submitted_at":"2026-12-22T19:30:00+03:00"}""",
                null);
        stubStatus(tutorId, studentId, "submitted", List.of(submitted));
        stubStatus(tutorId, studentId, "pending", List.of());
        stubStatus(tutorId, studentId, "checked", List.of());
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/homework/" + homeworkId)).willReturn(okJson(submitted)));
        GATEWAY.stubFor(post(urlPathEqualTo("/api/v1/homework/" + homeworkId + "/return")).willReturn(okJson(
                homeworkJson(homeworkId, studentId, tutorId, "Степени", "Задачи", "pending", false, null, null)
                        .replace("\"returned_at\":null", "\"returned_at\":\"2026-12-23T10:00:00+03:00\""))));

        tutor.press("📝 Домашние задания");
        tutor.awaitBotMessage(m -> m.hasButton("📤 Степени · до 25.12"), WAIT);
        tutor.press("📤 Степени · до 25.12");
        tutor.awaitBotMessage(m -> m.hasButton("↩️ Вернуть на доработку"), WAIT);
        tutor.press("↩️ Вернуть на доработку");
        tutor.awaitBotMessage(m -> text(m).contains("на доработку") && text(m).contains("/skip"), WAIT);
        tutor.send("/skip");
        ChatMessage returned = tutor.awaitBotMessage(m -> text(m).contains("ДЗ возвращено на доработку"), WAIT);
        assertThat(returned.text()).contains("Статус: ↩️ На доработке");
        GATEWAY.verify(postRequestedFor(urlPathEqualTo("/api/v1/homework/" + homeworkId + "/return"))
                .withRequestBody(equalToJson("{}")));

        // Accepting what another device has just checked: the server's 409 becomes one sentence.
        GATEWAY.stubFor(post(urlPathEqualTo("/api/v1/homework/" + homeworkId + "/accept"))
                .willReturn(problem(409, "Домашнее задание уже проверено")));
        tutor.press("⬅️ К списку ДЗ");
        tutor.awaitBotMessage(m -> m.hasButton("📤 Степени · до 25.12"), WAIT);
        tutor.press("📤 Степени · до 25.12");
        tutor.awaitBotMessage(m -> m.hasButton("✅ Принять"), WAIT);
        tutor.press("✅ Принять");
        tutor.awaitBotMessage(m -> m.hasButton("⏭ Без комментария"), WAIT);
        String skip = tutor.press("⏭ Без комментария");
        CallbackAnswer refused = tutor.awaitCallbackAnswer(skip, WAIT);
        assertThat(refused.text()).isEqualTo("⚠️ Не получилось: Домашнее задание уже проверено");
        assertThat(refused.showAlert()).isTrue();
    }

    @Test
    void anOldButtonOnADeletedHomeworkSaysItIsGoneAndDeletingAsksFirst() {
        ChatDriver tutor = newChat("Марина");
        long tutorId = nextId();
        loginAs(tutor, Role.TUTOR, tutorId, "Марина");
        long studentId = openProfile(tutor, tutorId, "Иван Петров");
        long homeworkId = nextId();
        String pending = homeworkJson(homeworkId, studentId, tutorId, "Корни", "Задачи", "pending", false, null, null);
        stubStatus(tutorId, studentId, "submitted", List.of());
        stubStatus(tutorId, studentId, "pending", List.of(pending));
        stubStatus(tutorId, studentId, "checked", List.of());
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/homework/" + homeworkId)).willReturn(okJson(pending)));
        GATEWAY.stubFor(delete(urlPathEqualTo("/api/v1/homework/" + homeworkId)).willReturn(aResponse()
                .withStatus(204)));

        tutor.press("📝 Домашние задания");
        tutor.awaitBotMessage(m -> m.hasButton("⏳ Корни · до 25.12"), WAIT);
        tutor.press("⏳ Корни · до 25.12");
        ChatMessage card = tutor.awaitBotMessage(m -> m.hasButton("🗑️ Удалить"), WAIT);
        assertThat(card.text()).contains("Статус: ⏳ В работе", "Ответа пока нет");
        assertThat(card.buttonTexts()).doesNotContain("✅ Принять", "👀 Ответ ученика");

        tutor.press("🗑️ Удалить");
        assertThat(tutor.awaitBotMessage(m -> text(m).contains("Удалить ДЗ «Корни»"), WAIT).text())
                .contains("необратимо");
        GATEWAY.verify(0, deleteRequestedFor(urlPathEqualTo("/api/v1/homework/" + homeworkId)));
        tutor.press("❌ Отмена");
        tutor.awaitBotMessage(m -> m.hasButton("🗑️ Удалить"), WAIT);

        // Deleted meanwhile (on the website, say): the old card's button says so and changes nothing.
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/homework/" + homeworkId)).willReturn(problem(404, "not found")));
        ChatMessage old = tutor.lastBotMessage();
        String press = tutor.press("🗑️ Удалить");
        CallbackAnswer gone = tutor.awaitCallbackAnswer(press, WAIT);
        assertThat(gone.text()).isEqualTo("❌ Этого ДЗ больше нет — оно удалено.");
        assertThat(gone.showAlert()).isTrue();
        assertThat(tutor.lastBotMessage().text()).isEqualTo(old.text());
        GATEWAY.verify(0, deleteRequestedFor(urlPathEqualTo("/api/v1/homework/" + homeworkId)));

        // Back again: delete, confirmed.
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/homework/" + homeworkId)).willReturn(okJson(pending)));
        tutor.press("🗑️ Удалить");
        tutor.awaitBotMessage(m -> m.hasButton("✅ Да, удалить"), WAIT);
        stubStatus(tutorId, studentId, "pending", List.of());
        tutor.press("✅ Да, удалить");
        ChatMessage list = tutor.awaitBotMessage(m -> text(m).contains("ДЗ удалено"), WAIT);
        assertThat(list.text()).contains("Домашних заданий пока нет");
        GATEWAY.verify(deleteRequestedFor(urlPathEqualTo("/api/v1/homework/" + homeworkId)));
    }

    @Test
    void assigningHomeworkToALessonReadsDatesAsTypedAndCollectsPhotosAndDocumentsUntilDone() {
        ChatDriver tutor = newChat("Марина");
        long tutorId = nextId();
        loginAs(tutor, Role.TUTOR, tutorId, "Марина");
        long studentId = openProfile(tutor, tutorId, "Иван Петров");
        long lessonId = nextId();
        long upcomingId = nextId();
        stubStatus(tutorId, studentId, "submitted", List.of());
        stubStatus(tutorId, studentId, "pending", List.of());
        stubStatus(tutorId, studentId, "checked", List.of());
        String lesson = """
                {"id":%d,"tutor_id":%d,"student_id":%d,"topic":"Дроби","start_at":"2026-12-20T15:00:00+03:00",
                 "duration_minutes":60,"time_zone":"Europe/Moscow","attendance_status":"attended","charged":true,
                 "is_makeup":false}""".formatted(lessonId, tutorId, studentId);
        String upcoming = """
                {"id":%d,"tutor_id":%d,"student_id":%d,"topic":"Степени","start_at":"2026-12-27T15:00:00+03:00",
                 "duration_minutes":60,"time_zone":"Europe/Moscow","attendance_status":"scheduled","charged":false,
                 "is_makeup":false}""".formatted(upcomingId, tutorId, studentId);
        stubPicker(studentId, List.of(upcoming), List.of(lesson));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/lessons/" + lessonId)).willReturn(okJson(lesson)));
        long homeworkId = nextId();
        GATEWAY.stubFor(post(urlPathEqualTo("/api/v1/homework")).withHeader("Authorization", bearer(tutorId))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody(homeworkJson(homeworkId, studentId, tutorId, "Дроби", "Решить задачи 1–5",
                                "pending", false, null, null))));

        tutor.press("📝 Домашние задания");
        tutor.awaitBotMessage(m -> text(m).contains("Домашних заданий пока нет"), WAIT);
        tutor.press("➕ Задать ДЗ");
        ChatMessage picker = tutor.awaitBotMessage(m -> text(m).contains("Выберите урок"), WAIT);
        assertThat(picker.buttonTexts()).containsSequence("🔜 27.12.26 15:00 — Степени", "20.12.26 15:00 — Дроби");
        GATEWAY.verify(getRequestedFor(urlPathEqualTo("/api/v1/lessons")).withHeader("Authorization", bearer(tutorId))
                .withQueryParam("to", matching("\\d{4}-\\d\\d-\\d\\dT[0-9:]+Z"))
                .withQueryParam("order", equalTo("desc")));
        tutor.press("20.12.26 15:00 — Дроби");
        assertThat(tutor.awaitBotMessage(m -> text(m).contains("Введите текст задания"), WAIT).text())
                .contains("к уроку «Дроби» (20.12.2026 15:00)");

        tutor.send("Решить задачи 1–5");
        assertThat(tutor.awaitBotMessage(WAIT).text()).contains("Срок сдачи?");
        tutor.send("32.13 25:00");
        assertThat(tutor.awaitBotMessage(WAIT).text()).contains("Не удалось прочитать срок");
        tutor.send("01.01.2020");
        assertThat(tutor.awaitBotMessage(WAIT).text()).contains("Этот срок уже прошёл");
        tutor.send("/skip");
        assertThat(tutor.awaitBotMessage(WAIT).text()).contains("Срок сдачи обязателен");
        tutor.send("завтра 18:00");
        assertThat(tutor.awaitBotMessage(WAIT).text()).contains("Ссылка на задание");
        tutor.send("сайт с задачами");
        assertThat(tutor.awaitBotMessage(WAIT).text()).contains("должна начинаться с http");
        tutor.send("https://example.com/tasks?n=5");
        assertThat(tutor.awaitBotMessage(WAIT).text()).contains("Пришлите фото или файлы к заданию");

        // Photos and documents in any mix, each acknowledged.
        String first = tutor.sendPhoto(png(30, 30)).photo().fileId();
        assertThat(tutor.awaitBotMessage(WAIT).text())
                .isEqualTo("📷 Фото 1 добавлено! Пришлите ещё или отправьте /done.");
        String tasks = tutor.sendDocument("задачи <1–5>.pdf", "application/pdf", "%PDF-1.4 задачи".getBytes(), null)
                .document().fileId();
        ChatMessage documentAdded = tutor.awaitBotMessage(WAIT);
        assertThat(documentAdded.text())
                .isEqualTo("📎 Файл 1 добавлен: задачи <1–5>.pdf\nПришлите ещё или отправьте /done.");
        assertThat(documentAdded.buttonTexts()).containsExactly("✅ Готово");
        String second = tutor.sendPhoto(png(31, 30)).photo().fileId();
        assertThat(tutor.awaitBotMessage(WAIT).text()).startsWith("📷 Фото 2 добавлено!");
        tutor.send("а это что?");
        assertThat(tutor.awaitBotMessage(WAIT).text())
                .contains("Пришлите фото или файлы к заданию или отправьте /done");
        String theory = tutor.sendDocument("теория.docx", "%DOCX".getBytes()).document().fileId();
        assertThat(tutor.awaitBotMessage(WAIT).text()).startsWith("📎 Файл 2 добавлен: теория.docx");
        GATEWAY.verify(0, postRequestedFor(urlPathEqualTo("/api/v1/homework")).withHeader("Authorization",
                bearer(tutorId)));

        tutor.send("/done");
        ChatMessage done = tutor.awaitBotMessage(m -> text(m).contains("ДЗ задано"), WAIT);
        assertThat(done.text()).contains("✅ ДЗ задано! Фото: 2 · файлов: 2", "📚 Дроби",
                "Срок: 25.12.2026 18:00");
        assertThat(done.buttonTexts()).contains("📝 Открыть ДЗ", "⬅️ К списку ДЗ");
        String tomorrow = ZonedDateTime.of(LocalDate.now(MOSCOW).plusDays(1), LocalTime.of(18, 0), MOSCOW)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        GATEWAY.verify(postRequestedFor(urlPathEqualTo("/api/v1/homework")).withRequestBody(equalToJson("""
                {"lesson_id":%d,"description":"Решить задачи 1–5","deadline":"%s",
                 "link":"https://example.com/tasks?n=5","photo_file_ids":["%s","%s"],
                 "documents":[{"file_id":"%s","file_name":"задачи <1–5>.pdf"},
                              {"file_id":"%s","file_name":"теория.docx"}]}"""
                .formatted(lessonId, tomorrow, first, second, tasks, theory))));
        assertThat(dialogOf(tutor)).isEmpty();
    }

    @Test
    void aDeadlineTheServiceRefusesIsAskedForAgainAndNothingElse() {
        ChatDriver tutor = newChat("Марина");
        long tutorId = nextId();
        loginAs(tutor, Role.TUTOR, tutorId, "Марина");
        long studentId = openProfile(tutor, tutorId, "Иван Петров");
        long lessonId = nextId();
        stubStatus(tutorId, studentId, "submitted", List.of());
        stubStatus(tutorId, studentId, "pending", List.of());
        stubStatus(tutorId, studentId, "checked", List.of());
        String lesson = """
                {"id":%d,"tutor_id":%d,"student_id":%d,"topic":null,"start_at":"2026-12-19T10:00:00+03:00",
                 "duration_minutes":60,"time_zone":"Europe/Moscow","attendance_status":"attended","charged":true,
                 "is_makeup":false}""".formatted(lessonId, tutorId, studentId);
        stubPicker(studentId, List.of(), List.of(lesson));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/lessons/" + lessonId)).willReturn(okJson(lesson)));
        GATEWAY.stubFor(post(urlPathEqualTo("/api/v1/homework")).inScenario("deadline " + lessonId)
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("refused")
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/problem+json")
                        .withBody("""
                                {"type":"about:blank","title":"Bad Request","status":400,"detail":"Invalid input",
                                 "errors":[{"field":"deadline","reason":"must be at most 5 years ahead"}]}""")));
        GATEWAY.stubFor(post(urlPathEqualTo("/api/v1/homework")).inScenario("deadline " + lessonId)
                .whenScenarioStateIs("refused")
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody(homeworkJson(nextId(), studentId, tutorId, "", "Читать", "pending", false, null,
                                null))));

        tutor.press("📝 Домашние задания");
        tutor.awaitBotMessage(m -> m.hasButton("➕ Задать ДЗ"), WAIT);
        tutor.press("➕ Задать ДЗ");
        tutor.awaitBotMessage(m -> m.hasButton("19.12.26 10:00 — без темы"), WAIT);
        tutor.press("19.12.26 10:00 — без темы");
        tutor.awaitBotMessage(m -> text(m).contains("Введите текст задания"), WAIT);
        tutor.send("Читать");
        tutor.awaitBotMessage(WAIT);
        tutor.send("25.12.2035");
        tutor.awaitBotMessage(m -> m.hasButton("⏭ Пропустить"), WAIT);
        tutor.press("⏭ Пропустить");
        tutor.awaitBotMessage(m -> text(m).contains("Пришлите фото"), WAIT);
        String document = tutor.sendDocument("план.pdf", "%PDF-1.4".getBytes()).document().fileId();
        tutor.awaitBotMessage(m -> text(m).contains("Файл 1 добавлен"), WAIT);
        tutor.send("/skip");
        assertThat(tutor.awaitBotMessage(m -> text(m).contains("не принял"), WAIT).text())
                .contains("Введите другой срок");

        tutor.send("послезавтра");
        assertThat(tutor.awaitBotMessage(m -> text(m).contains("ДЗ задано"), WAIT).text())
                .contains("✅ ДЗ задано! Фото: 0 · файлов: 1");
        String dayAfter = ZonedDateTime.of(LocalDate.now(MOSCOW).plusDays(2), LocalTime.of(23, 59), MOSCOW)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        GATEWAY.verify(postRequestedFor(urlPathEqualTo("/api/v1/homework")).withRequestBody(equalToJson("""
                {"lesson_id":%d,"description":"Читать","deadline":"%s",
                 "documents":[{"file_id":"%s","file_name":"план.pdf"}]}"""
                .formatted(lessonId, dayAfter, document)))); // the document kept while the deadline was asked again
    }

    @Test
    void aStudentCannotUseTheTutorsHomeworkButtons() {
        ChatDriver chat = newChat("Иван");
        long tutorId = nextId();
        loginAs(chat, Role.TUTOR, tutorId, "Марина");
        long studentId = openProfile(chat, tutorId, "Иван Петров");
        stubStatus(tutorId, studentId, "submitted", List.of());
        stubStatus(tutorId, studentId, "pending", List.of());
        stubStatus(tutorId, studentId, "checked", List.of());
        chat.press("📝 Домашние задания");
        chat.awaitBotMessage(m -> m.hasButton("➕ Задать ДЗ"), WAIT);

        // The same chat now belongs to a student (another login): the tutor's old buttons are refused.
        long pupilId = nextId();
        loginAs(chat, Role.STUDENT, pupilId, "Иван Петров");
        String press = chat.press("➕ Задать ДЗ");
        CallbackAnswer refused = chat.awaitCallbackAnswer(press, WAIT);
        assertThat(refused.text()).isEqualTo("⛔ У вас нет доступа к этой функции.");
        GATEWAY.verify(0, anyRequestedFor(urlPathMatching("/api/v1/.*")).withHeader("Authorization",
                bearer(pupilId)));
    }
}
