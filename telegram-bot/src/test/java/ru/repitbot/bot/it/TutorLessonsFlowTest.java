package ru.repitbot.bot.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.repitbot.bot.flows.tutor.lessons.LessonRoutes;
import ru.repitbot.models.Role;
import ru.repitbot.standin.CallbackAnswer;
import ru.repitbot.standin.ChatDriver;
import ru.repitbot.standin.ChatMessage;

/** The tutor's lessons (docs/domain/bot.md#tutor-lessons) against a WireMock gateway. */
class TutorLessonsFlowTest extends LessonsTestSupport {

    @Test
    void theListIsNewestFirstPagedWithMarksAndCancelledAndUndatedLessonsShowAsSuch() {
        ChatDriver tutor = newChat("Марина");
        long tutorId = nextId();
        long studentId = nextId();
        loginAs(tutor, Role.TUTOR, tutorId, "Марина");
        stubStudent(tutorId, studentId, "Иван Петров");
        List<Map<String, Object>> lessons = new ArrayList<>();
        lessons.add(lesson(nextId(), tutorId, studentId, "Дроби", "2030-12-24T15:30:00+03:00",
                "attendance_status", "attended", "charged", true));
        lessons.add(lesson(nextId(), tutorId, studentId, "Проценты", "2030-12-17T15:30:00+03:00",
                "attendance_status", "excused_absence"));
        for (int i = 0; i < 9; i++) {
            lessons.add(lesson(nextId(), tutorId, studentId, "Тема " + i, "2030-11-%02dT10:00:00+03:00"
                    .formatted(20 - i)));
        }
        lessons.add(lesson(nextId(), tutorId, studentId, "Уравнения", null, "is_makeup", true));
        stubLessonList(studentId, lessons);

        openProfile(tutor, "Иван Петров");
        tutor.press("📚 Уроки ученика");
        ChatMessage list = tutor.awaitBotMessage(m -> m.text().contains("Уроки ученика Иван Петров"), WAIT);
        assertThat(list.text()).contains("всего: 12", "😷 отменён (уваж.)");
        assertThat(list.buttonTexts()).containsSequence("✅ 24.12.30 15:30 — Дроби", "😷 17.12.30 15:30 — Проценты")
                .contains("🕓 20.11.30 10:00 — Тема 0", "1/2", "▶️", "➕ Добавить урок", "⬅️ Назад к профилю")
                .doesNotContain("◀️", "📌 отработка без даты — Уравнения");

        tutor.press("▶️");
        ChatMessage second = tutor.awaitBotMessage(m -> m.buttonTexts().contains("2/2"), WAIT);
        assertThat(second.messageId()).as("paging edits the same message").isEqualTo(list.messageId());
        assertThat(second.buttonTexts()).contains("📌 отработка без даты — Уравнения", "◀️")
                .doesNotContain("▶️", "✅ 24.12.30 15:30 — Дроби");

        tutor.press("⬅️ Назад к профилю");
        tutor.awaitBotMessage(m -> m.text().contains("Профиль ученика: Иван Петров"), WAIT);
    }

    @Test
    void addingALessonAsksAgainOnTyposRefusesThePastAndPostsItOnce() {
        ChatDriver tutor = newChat("Марина");
        long tutorId = nextId();
        long studentId = nextId();
        long lessonId = nextId();
        loginAs(tutor, Role.TUTOR, tutorId, "Марина");
        stubStudent(tutorId, studentId, "Иван Петров");
        GATEWAY.stubFor(post(urlPathEqualTo("/api/v1/lessons")).withHeader("Authorization", bearer(tutorId))
                .withRequestBody(matchingJsonPath("$.student_id", equalTo(Long.toString(studentId))))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody(json(lesson(lessonId, tutorId, studentId, "Квадратные уравнения",
                                "2030-12-25T15:30:00+03:00", "duration_minutes", 90,
                                "skills_developed", "решение задач")))));

        openProfile(tutor, "Иван Петров");
        tutor.press("➕ Добавить урок");
        assertThat(tutor.awaitBotMessage(m -> m.text().contains("Новый урок"), WAIT).text())
                .contains("Иван Петров", "тему урока");
        tutor.send("Квадратные уравнения");
        assertThat(tutor.awaitBotMessage(WAIT).text()).contains("Когда урок?", "25.12.2026 15:30");
        tutor.send("32.13 25:00");
        assertThat(tutor.awaitBotMessage(WAIT).text()).contains("Не получилось понять дату", "завтра 15:00");
        tutor.send("01.01.2020 10:00");
        assertThat(tutor.awaitBotMessage(WAIT).text()).contains("уже прошло");
        tutor.send("25.12.2030 15:30");
        ChatMessage duration = tutor.awaitBotMessage(m -> m.text().contains("Сколько длится урок"), WAIT);
        assertThat(duration.buttonTexts()).containsExactly("45 мин", "60 мин", "90 мин", "120 мин");
        tutor.send("полтора часа");
        assertThat(tutor.awaitBotMessage(WAIT).text()).contains("числом минут от 15 до 600");
        tutor.send("5");
        assertThat(tutor.awaitBotMessage(WAIT).text()).contains("числом минут от 15 до 600");
        String ninety = tutor.press("90 мин");
        assertThat(tutor.awaitBotMessage(m -> m.text().contains("Какие навыки"), WAIT).buttonTexts())
                .contains("⏭ Пропустить");
        assertThat(tutor.awaitCallbackAnswer(ninety, WAIT).answered()).isTrue();
        tutor.send("решение задач");

        ChatMessage card = tutor.awaitBotMessage(m -> m.text().contains("Урок добавлен"), WAIT);
        assertThat(card.text()).contains("Тема: Квадратные уравнения", "ср 25.12.2030 15:30–17:00",
                "Длительность: 90 мин", "Навыки: решение задач", "Посещаемость: 🕓 Запланирован");
        assertThat(card.buttonTexts()).contains("✅ Проведен", "Отмена (уваж.)", "Отмена (неуваж.)", "📅 Перенести",
                "🕓 Сменить время", "✏️ Изменить статус", "🗑️ Удалить урок", "⬅️ К списку уроков");
        GATEWAY.verify(1, postRequestedFor(urlPathEqualTo("/api/v1/lessons"))
                .withHeader("Idempotency-Key", matching("tg-\\d+"))
                .withRequestBody(equalToJson("""
                        {"student_id":%d,"topic":"Квадратные уравнения","start_at":"2030-12-25T15:30:00+03:00",
                         "duration_minutes":90,"skills_developed":"решение задач"}""".formatted(studentId))));
        assertThat(dialogOf(tutor)).as("the dialog is over").isEmpty();
    }

    @Test
    void aTimeTheTutorHoldsAlreadyNamesThatLessonAndAsksForAnotherTime() {
        ChatDriver tutor = newChat("Марина");
        long tutorId = nextId();
        long studentId = nextId();
        long otherStudentId = nextId();
        long busyLessonId = nextId();
        loginAs(tutor, Role.TUTOR, tutorId, "Марина");
        stubStudent(tutorId, studentId, "Иван Петров");
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/users/" + otherStudentId))
                .willReturn(okJson(userJson(otherStudentId, "student", "Оля Смирнова"))));
        stubLesson(lesson(busyLessonId, tutorId, otherStudentId, "Алгебра", "2030-12-25T15:00:00+03:00"));
        GATEWAY.stubFor(post(urlPathEqualTo("/api/v1/lessons")).withHeader("Authorization", bearer(tutorId))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody(json(lesson(nextId(), tutorId, studentId, "Дроби", "2030-12-26T18:00:00+03:00")))));
        GATEWAY.stubFor(post(urlPathEqualTo("/api/v1/lessons"))
                .withRequestBody(matchingJsonPath("$.start_at", equalTo("2030-12-25T15:30:00+03:00")))
                .willReturn(overlapProblem(busyLessonId, "2030-12-25T15:00+03:00")));

        openProfile(tutor, "Иван Петров");
        tutor.press("➕ Добавить урок");
        tutor.awaitBotMessage(m -> m.text().contains("Новый урок"), WAIT);
        tutor.send("Дроби");
        tutor.send("25.12.2030 15:30");
        tutor.send("60");
        tutor.send("/skip");

        ChatMessage busy = tutor.awaitBotMessage(m -> m.text().contains("Это время занято"), WAIT);
        assertThat(busy.text()).contains("ср 25.12.2030 15:00 — «Алгебра» (ученик: Оля Смирнова)",
                "Введите другую дату и время");
        assertThat(dialogOf(tutor).orElseThrow().step()).isEqualTo("when");

        tutor.send("26.12.2030 18:00");
        assertThat(tutor.awaitBotMessage(m -> m.text().contains("Урок добавлен"), WAIT).text())
                .contains("Тема: Дроби");
        GATEWAY.verify(postRequestedFor(urlPathEqualTo("/api/v1/lessons")).withRequestBody(equalToJson("""
                {"student_id":%d,"topic":"Дроби","start_at":"2030-12-26T18:00:00+03:00","duration_minutes":60}"""
                .formatted(studentId))));
        GATEWAY.verify(2, postRequestedFor(urlPathEqualTo("/api/v1/lessons")).withHeader("Authorization",
                bearer(tutorId)));
    }

    @Test
    void theCardShowsEverythingAndAttendedIsAppliedDirectly() {
        ChatDriver tutor = newChat("Марина");
        long tutorId = nextId();
        long studentId = nextId();
        long lessonId = nextId();
        loginAs(tutor, Role.TUTOR, tutorId, "Марина");
        stubStudent(tutorId, studentId, "Иван Петров");
        Map<String, Object> scheduled = lesson(lessonId, tutorId, studentId, "Дроби", "2030-12-24T15:30:00+03:00",
                "skills_developed", "счёт", "mastery_level", "learned", "mastery_comment", "почти",
                "is_rescheduled", true, "original_start_at", "2030-12-23T15:30:00+03:00");
        stubLessonList(studentId, List.of(scheduled));
        stubLesson(scheduled);
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/homework")).withQueryParam("lesson_id",
                equalTo(Long.toString(lessonId))).willReturn(okJson(page(List.of(), 2, 1, 1))));
        GATEWAY.stubFor(put(urlPathEqualTo("/api/v1/lessons/" + lessonId + "/attendance"))
                .willReturn(okJson(json(lesson(lessonId, tutorId, studentId, "Дроби", "2030-12-24T15:30:00+03:00",
                        "attendance_status", "attended", "charged", true)))));

        openProfile(tutor, "Иван Петров");
        tutor.press("📚 Уроки ученика");
        tutor.awaitBotMessage(m -> m.text().contains("Уроки ученика"), WAIT);
        tutor.press("🕓 24.12.30 15:30 — Дроби");
        ChatMessage card = tutor.awaitBotMessage(m -> m.text().contains("Тема: Дроби"), WAIT);
        assertThat(card.text()).contains("Ученик: Иван Петров", "вт 24.12.2030 15:30–16:30", "Длительность: 60 мин",
                "Навыки: счёт", "Посещаемость: 🕓 Запланирован", "Проведение: ⚪️ Не проведен",
                "Усвоение: 🟡 Усвоено", "Комментарий: почти", "Списан с баланса: нет",
                "Перенесён с 23.12.2030 15:30", "Домашних заданий: 2");
        assertThat(card.buttonTexts()).contains("📝 Проверить ДЗ (2)");

        String press = tutor.press("✅ Проведен");
        ChatMessage marked = tutor.awaitBotMessage(m -> m.text().contains("Статус изменен: ✅ Проведен"), WAIT);
        assertThat(marked.messageId()).isEqualTo(card.messageId());
        assertThat(marked.text()).contains("Списан с баланса: да");
        assertThat(marked.buttonTexts()).doesNotContain("✅ Проведен", "🕓 Сменить время").contains("📅 Перенести");
        assertThat(tutor.awaitCallbackAnswer(press, WAIT).text()).contains("Статус изменен");
        GATEWAY.verify(putRequestedFor(urlPathEqualTo("/api/v1/lessons/" + lessonId + "/attendance"))
                .withRequestBody(equalToJson("{\"status\":\"attended\"}")));
    }

    @Test
    void aCancellationIsConfirmedFirstWithTheTopicShiftExplainedThenShowsWhereEachTopicWent() {
        ChatDriver tutor = newChat("Марина");
        long tutorId = nextId();
        long studentId = nextId();
        long lessonId = nextId();
        long nextLessonId = nextId();
        long makeupId = nextId();
        loginAs(tutor, Role.TUTOR, tutorId, "Марина");
        stubStudent(tutorId, studentId, "Иван Петров");
        Map<String, Object> first = lesson(lessonId, tutorId, studentId, "Дроби", "2030-12-24T15:30:00+03:00");
        Map<String, Object> next = lesson(nextLessonId, tutorId, studentId, "Дроби", "2030-12-31T15:30:00+03:00");
        stubLesson(first);
        stubLessonList(studentId, List.of(first));
        Map<String, Object> cancelled = lesson(lessonId, tutorId, studentId, "Дроби", "2030-12-24T15:30:00+03:00",
                "attendance_status", "excused_absence", "topic_moved_to_lesson_id", nextLessonId);
        GATEWAY.stubFor(post(urlPathEqualTo("/api/v1/lessons/" + lessonId + "/cancel")).willReturn(okJson(json(Map.of(
                "lesson", cancelled,
                "topic_moves", List.of(
                        Map.of("from_lesson_id", lessonId, "to_lesson_id", nextLessonId, "topic", "Дроби"),
                        Map.of("from_lesson_id", nextLessonId, "to_lesson_id", makeupId, "topic", "Проценты")),
                "makeup_lesson_id", makeupId)))));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/lessons")).withQueryParam("order", equalTo("asc"))
                .withQueryParam("student_id", equalTo(Long.toString(studentId)))
                .willReturn(okJson(page(List.of(cancelled, next), 2, 1, 100))));
        stubLesson(next);

        openProfile(tutor, "Иван Петров");
        tutor.press("📚 Уроки ученика");
        tutor.awaitBotMessage(m -> m.text().contains("Уроки ученика"), WAIT);
        tutor.press("🕓 24.12.30 15:30 — Дроби");
        tutor.awaitBotMessage(m -> m.text().contains("Тема: Дроби"), WAIT);
        tutor.press("Отмена (уваж.)");
        ChatMessage confirm = tutor.awaitBotMessage(m -> m.text().contains("по уважительной причине?"), WAIT);
        assertThat(confirm.text()).contains("вт 24.12.2030 15:30 — «Дроби»", "останется в расписании на своей дате",
                "тема и домашнее задание перейдут на следующий урок", "отработкой без даты",
                "С баланса урок не списывается");
        GATEWAY.verify(0, postRequestedFor(urlPathMatching("/api/v1/lessons/.*/cancel")));
        assertThat(confirm.buttonTexts()).containsExactly("✅ Да, отменить по уважительной причине",
                "❌ Нет, вернуться к уроку");

        tutor.press("✅ Да, отменить по уважительной причине");
        ChatMessage outcome = tutor.awaitBotMessage(m -> m.text().contains("Темы перенесены"), WAIT);
        assertThat(outcome.text()).contains("Статус изменен: 😷 Отменен (уваж. причина)",
                "«Дроби» → урок 31.12.30 15:30", "«Проценты» → 📌 новая отработка без даты",
                "Посещаемость: 😷 Отменен (уваж. причина)", "остаётся в истории на своей дате",
                "Тема перенесена на урок 31.12");
        assertThat(outcome.buttonTexts()).contains("✅ Проведен", "Отмена (неуваж.)", "📅 Перенести")
                .doesNotContain("Отмена (уваж.)", "🕓 Сменить время");
        GATEWAY.verify(1, postRequestedFor(urlPathEqualTo("/api/v1/lessons/" + lessonId + "/cancel"))
                .withRequestBody(equalToJson("{\"attendance_status\":\"excused_absence\"}")));
    }

    @Test
    void anUndatedMakeUpOffersADateNotAttendanceAndTheDateDialogReadsWhatPeopleType() {
        ChatDriver tutor = newChat("Марина");
        long tutorId = nextId();
        long studentId = nextId();
        long makeupId = nextId();
        loginAs(tutor, Role.TUTOR, tutorId, "Марина");
        stubStudent(tutorId, studentId, "Иван Петров");
        Map<String, Object> makeup = lesson(makeupId, tutorId, studentId, "Проценты", null, "is_makeup", true);
        stubLesson(makeup);
        stubLessonList(studentId, List.of(makeup));
        GATEWAY.stubFor(post(urlPathEqualTo("/api/v1/lessons/" + makeupId + "/reschedule"))
                .willReturn(okJson(json(lesson(makeupId, tutorId, studentId, "Проценты",
                        "2030-12-27T16:00:00+03:00", "is_makeup", true)))));

        openProfile(tutor, "Иван Петров");
        tutor.press("📚 Уроки ученика");
        tutor.awaitBotMessage(m -> m.text().contains("Уроки ученика"), WAIT);
        tutor.press("📌 отработка без даты — Проценты");
        ChatMessage card = tutor.awaitBotMessage(m -> m.text().contains("Тема: Проценты"), WAIT);
        assertThat(card.text()).contains("отработка без даты — назначьте ей дату");
        assertThat(card.buttonTexts()).contains("📅 Назначить дату", "✏️ Изменить статус")
                .doesNotContain("✅ Проведен", "Отмена (уваж.)", "📅 Перенести");

        tutor.press("📅 Назначить дату");
        assertThat(tutor.awaitBotMessage(m -> m.text().contains("Дата для отработки"), WAIT).text())
                .contains("Проценты");
        tutor.send("в пятницу полшестого");
        assertThat(tutor.awaitBotMessage(WAIT).text()).contains("Не получилось понять дату");
        tutor.send("27.12.2030 16:00");
        ChatMessage moved = tutor.awaitBotMessage(m -> m.text().contains("Урок перенесён на"), WAIT);
        assertThat(moved.text()).contains("пт 27.12.2030 16:00", "Отработка");
        assertThat(moved.buttonTexts()).contains("✅ Проведен", "🕓 Сменить время");
        GATEWAY.verify(postRequestedFor(urlPathEqualTo("/api/v1/lessons/" + makeupId + "/reschedule"))
                .withRequestBody(equalToJson("{\"start_at\":\"2030-12-27T16:00:00+03:00\"}")));
    }

    @Test
    void aLessonMarkedMeanwhileKeepsItsDateAndTheRefusalIsASentence() {
        ChatDriver tutor = newChat("Марина");
        long tutorId = nextId();
        long studentId = nextId();
        long lessonId = nextId();
        loginAs(tutor, Role.TUTOR, tutorId, "Марина");
        stubStudent(tutorId, studentId, "Иван Петров");
        Map<String, Object> scheduled = lesson(lessonId, tutorId, studentId, "Дроби", "2030-12-24T15:30:00+03:00");
        stubLesson(scheduled);
        stubLessonList(studentId, List.of(scheduled));
        GATEWAY.stubFor(post(urlPathEqualTo("/api/v1/lessons/" + lessonId + "/reschedule"))
                .willReturn(problem(409, "This lesson is already marked attended and keeps its date; only a lesson "
                        + "not yet marked can be rescheduled")));

        openProfile(tutor, "Иван Петров");
        tutor.press("📚 Уроки ученика");
        tutor.awaitBotMessage(m -> m.text().contains("Уроки ученика"), WAIT);
        tutor.press("🕓 24.12.30 15:30 — Дроби");
        tutor.awaitBotMessage(m -> m.text().contains("Тема: Дроби"), WAIT);
        tutor.press("🕓 Сменить время");
        assertThat(tutor.awaitBotMessage(m -> m.text().contains("Новое время урока"), WAIT).text())
                .contains("Сейчас: вт 24.12.2030 15:30 — Дроби");
        tutor.send("28.12.2030 12:00");
        ChatMessage refused = tutor.awaitBotMessage(m -> m.text().contains("Урок уже отмечен"), WAIT);
        assertThat(refused.text()).doesNotContain("already");
        assertThat(refused.buttonTexts()).contains("⬅️ Назад к уроку");
        assertThat(dialogOf(tutor)).isEmpty();
    }

    @Test
    void theEditMenuChangesConductAndMasteryWithACommentOrWithout() {
        ChatDriver tutor = newChat("Марина");
        long tutorId = nextId();
        long studentId = nextId();
        long lessonId = nextId();
        loginAs(tutor, Role.TUTOR, tutorId, "Марина");
        stubStudent(tutorId, studentId, "Иван Петров");
        Map<String, Object> scheduled = lesson(lessonId, tutorId, studentId, "Дроби", "2030-12-24T15:30:00+03:00");
        stubLesson(scheduled);
        stubLessonList(studentId, List.of(scheduled));
        GATEWAY.stubFor(patch(urlPathEqualTo("/api/v1/lessons/" + lessonId)).willReturn(okJson(json(lesson(lessonId,
                tutorId, studentId, "Дроби", "2030-12-24T15:30:00+03:00", "lesson_status", "conducted")))));
        GATEWAY.stubFor(put(urlPathEqualTo("/api/v1/lessons/" + lessonId + "/mastery")).willReturn(okJson(json(
                lesson(lessonId, tutorId, studentId, "Дроби", "2030-12-24T15:30:00+03:00", "mastery_level", "mastered",
                        "mastery_comment", "Отлично решает")))));

        openProfile(tutor, "Иван Петров");
        tutor.press("📚 Уроки ученика");
        tutor.awaitBotMessage(m -> m.text().contains("Уроки ученика"), WAIT);
        tutor.press("🕓 24.12.30 15:30 — Дроби");
        tutor.awaitBotMessage(m -> m.text().contains("Тема: Дроби"), WAIT);
        tutor.press("✏️ Изменить статус");
        assertThat(tutor.awaitBotMessage(m -> m.text().contains("Изменить статус урока"), WAIT).buttonTexts())
                .containsExactly("👥 Изменить посещаемость", "🎯 Изменить статус проведения",
                        "📚 Изменить усвоение темы", "⬅️ Назад к уроку");

        tutor.press("🎯 Изменить статус проведения");
        assertThat(tutor.awaitBotMessage(m -> m.text().contains("Статус проведения"), WAIT).buttonTexts())
                .contains("🔘 ⚪️ Не проведен (текущий)", "✅ Проведен");
        tutor.press("✅ Проведен");
        assertThat(tutor.awaitBotMessage(m -> m.text().contains("Статус изменен на: ✅ Проведен"), WAIT).text())
                .contains("Проведение: ✅ Проведен");
        GATEWAY.verify(patchRequestedFor(urlPathEqualTo("/api/v1/lessons/" + lessonId))
                .withRequestBody(equalToJson("{\"lesson_status\":\"conducted\"}")));

        tutor.press("✏️ Изменить статус");
        tutor.awaitBotMessage(m -> m.text().contains("Изменить статус урока"), WAIT);
        tutor.press("📚 Изменить усвоение темы");
        tutor.awaitBotMessage(m -> m.text().contains("Усвоение темы"), WAIT);
        tutor.press("🟢 Закреплено");
        assertThat(tutor.awaitBotMessage(m -> m.text().contains("комментарий"), WAIT).buttonTexts())
                .contains("⏭ Без комментария");
        tutor.send("Отлично решает");
        assertThat(tutor.awaitBotMessage(m -> m.text().contains("Статус и комментарий обновлены"), WAIT).text())
                .contains("Усвоение: 🟢 Закреплено", "Комментарий: Отлично решает");
        GATEWAY.verify(putRequestedFor(urlPathEqualTo("/api/v1/lessons/" + lessonId + "/mastery"))
                .withRequestBody(equalToJson("{\"level\":\"mastered\",\"comment\":\"Отлично решает\"}")));

        tutor.press("✏️ Изменить статус");
        tutor.awaitBotMessage(m -> m.text().contains("Изменить статус урока"), WAIT);
        tutor.press("📚 Изменить усвоение темы");
        tutor.awaitBotMessage(m -> m.text().contains("Усвоение темы"), WAIT);
        tutor.press("🟡 Усвоено");
        tutor.awaitBotMessage(m -> m.text().contains("комментарий"), WAIT);
        tutor.send("/skip");
        tutor.awaitBotMessage(m -> m.text().contains("Статус и комментарий обновлены"), WAIT);
        GATEWAY.verify(putRequestedFor(urlPathEqualTo("/api/v1/lessons/" + lessonId + "/mastery"))
                .withRequestBody(equalToJson("{\"level\":\"learned\"}")));
    }

    @Test
    void aCancellationFromTheEditMenuAlsoAsksAndSettingBackIntoABusyTimeIsRefusedWithASentence() {
        ChatDriver tutor = newChat("Марина");
        long tutorId = nextId();
        long studentId = nextId();
        long lessonId = nextId();
        long otherId = nextId();
        loginAs(tutor, Role.TUTOR, tutorId, "Марина");
        stubStudent(tutorId, studentId, "Иван Петров");
        Map<String, Object> attended = lesson(lessonId, tutorId, studentId, "Дроби", "2030-12-24T15:30:00+03:00",
                "attendance_status", "excused_absence", "topic_moved_to_lesson_id", otherId);
        stubLesson(attended);
        stubLesson(lesson(otherId, tutorId, studentId, "Дроби", null, "is_makeup", true));
        stubLessonList(studentId, List.of(attended));
        GATEWAY.stubFor(put(urlPathEqualTo("/api/v1/lessons/" + lessonId + "/attendance"))
                .willReturn(overlapProblem(otherId, "2030-12-24T15:00+03:00")));

        openProfile(tutor, "Иван Петров");
        tutor.press("📚 Уроки ученика");
        tutor.awaitBotMessage(m -> m.text().contains("Уроки ученика"), WAIT);
        tutor.press("😷 24.12.30 15:30 — Дроби");
        ChatMessage card = tutor.awaitBotMessage(m -> m.text().contains("Тема: Дроби"), WAIT);
        assertThat(card.text()).contains("Тема перенесена на отработку без даты");
        tutor.press("✏️ Изменить статус");
        tutor.awaitBotMessage(m -> m.text().contains("Изменить статус урока"), WAIT);
        tutor.press("👥 Изменить посещаемость");
        ChatMessage options = tutor.awaitBotMessage(m -> m.text().contains("Посещаемость"), WAIT);
        assertThat(options.buttonTexts()).contains("✅ Проведен", "🔘 🏥 Отмена (уваж. причина) (текущий)",
                "❌ Отмена (неуваж. причина)", "📅 Перенесен", "🕓 Не отмечен");

        String back = tutor.press("🕓 Не отмечен");
        CallbackAnswer refused = tutor.awaitCallbackAnswer(back, WAIT);
        assertThat(refused.showAlert()).isTrue();
        assertThat(refused.text()).contains("Это время занято");
        GATEWAY.verify(putRequestedFor(urlPathEqualTo("/api/v1/lessons/" + lessonId + "/attendance"))
                .withRequestBody(equalToJson("{\"status\":\"scheduled\"}")));
    }

    @Test
    void deletingAsksFirstAndAnOldButtonOfADeletedLessonSaysNotFoundChangingNothing() {
        ChatDriver tutor = newChat("Марина");
        long tutorId = nextId();
        long studentId = nextId();
        long lessonId = nextId();
        loginAs(tutor, Role.TUTOR, tutorId, "Марина");
        stubStudent(tutorId, studentId, "Иван Петров");
        Map<String, Object> scheduled = lesson(lessonId, tutorId, studentId, "Дроби", "2030-12-24T15:30:00+03:00");
        stubLesson(scheduled);
        stubLessonList(studentId, List.of(scheduled));
        GATEWAY.stubFor(delete(urlPathEqualTo("/api/v1/lessons/" + lessonId)).willReturn(aResponse().withStatus(204)));

        openProfile(tutor, "Иван Петров");
        tutor.press("📚 Уроки ученика");
        tutor.awaitBotMessage(m -> m.text().contains("Уроки ученика"), WAIT);
        tutor.press("🕓 24.12.30 15:30 — Дроби");
        ChatMessage card = tutor.awaitBotMessage(m -> m.text().contains("Тема: Дроби"), WAIT);
        tutor.press("🗑️ Удалить урок");
        assertThat(tutor.awaitBotMessage(m -> m.text().contains("Удалить урок"), WAIT).text())
                .contains("вт 24.12.2030 15:30 — «Дроби»", "необратимо");
        GATEWAY.verify(0, deleteRequestedFor(urlPathEqualTo("/api/v1/lessons/" + lessonId)));

        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/lessons/" + lessonId)).willReturn(problem(404, "not found")));
        stubLessonList(studentId, List.of());
        // Deleted meanwhile (another device): the confirmation re-reads the lesson and says so.
        String confirm = tutor.press("✅ Да, удалить");
        CallbackAnswer gone = tutor.awaitCallbackAnswer(confirm, WAIT);
        assertThat(gone.text()).contains("Не найдено (возможно, удалено)");
        assertThat(gone.showAlert()).isTrue();
        GATEWAY.verify(0, deleteRequestedFor(urlPathEqualTo("/api/v1/lessons/" + lessonId)));
        assertThat(tutor.lastBotMessage().messageId()).isEqualTo(card.messageId());
        assertThat(tutor.lastBotMessage().text()).as("the message stays as it was").contains("Удалить урок");

        stubLesson(scheduled);
        tutor.press("❌ Отмена");
        tutor.awaitBotMessage(m -> m.text().contains("Тема: Дроби"), WAIT);
        tutor.press("🗑️ Удалить урок");
        tutor.awaitBotMessage(m -> m.text().contains("Удалить урок"), WAIT);
        tutor.press("✅ Да, удалить");
        ChatMessage list = tutor.awaitBotMessage(m -> m.text().contains("удалён"), WAIT);
        assertThat(list.text()).contains("Урок вт 24.12.2030 15:30 — «Дроби» удалён", "пока нет уроков");
        GATEWAY.verify(1, deleteRequestedFor(urlPathEqualTo("/api/v1/lessons/" + lessonId)));
    }

    @Test
    void aStudentPressingATutorsLessonButtonIsRefusedAndNothingIsCalled() throws Exception {
        ChatDriver student = newChat("Петя");
        long lessonId = nextId();
        loginAs(student, Role.STUDENT, nextId(), "Петя");
        int answersBefore = TELEGRAM.bot().calls("answerCallbackQuery");

        forgePress(student, LessonRoutes.DELETE_CONFIRM.data(lessonId));

        org.awaitility.Awaitility.await().atMost(WAIT)
                .until(() -> TELEGRAM.bot().calls("answerCallbackQuery") > answersBefore);
        GATEWAY.verify(0, anyRequestedFor(urlPathMatching("/api/v1/lessons/" + lessonId + ".*")));
        assertThat(student.botMessages()).isEmpty();
    }
}
