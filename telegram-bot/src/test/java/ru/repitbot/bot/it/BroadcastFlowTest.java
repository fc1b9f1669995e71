package ru.repitbot.bot.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import ru.repitbot.models.Role;
import ru.repitbot.standin.ChatDriver;
import ru.repitbot.standin.ChatMessage;

/**
 * The tutor's broadcast (docs/domain/notifications.md#q17-messages-are-stored) — audience, text, confirm, status with
 * refresh, cancel, failures — and "🚫 Недоступные".
 */
class BroadcastFlowTest extends BotIntegrationTest {

    private ChatDriver tutor(long tutorId) {
        ChatDriver tutor = newChat("Анна");
        loginAs(tutor, Role.TUTOR, tutorId, "Анна Петрова");
        return tutor;
    }

    @Test
    void aBroadcastToParentsIsSentAndItsStatusRefreshedUntilItFinishesWithTheFailures() {
        long me = nextId();
        long id = nextId();
        ChatDriver tutor = tutor(me);
        GATEWAY.stubFor(post(urlPathEqualTo("/api/v1/broadcasts")).withHeader("Authorization", bearer(me))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody(NotifyJson.broadcast(id, "parents", "running", 3, 3, 0, 0, 0, 0, List.of()))));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/broadcasts/" + id)).withHeader("Authorization", bearer(me))
                .willReturn(okJson(NotifyJson.broadcast(id, "parents", "finished", 3, 0, 1, 1, 1, 0, List.of(
                        NotifyJson.failure(nextId(), "Ольга Иванова", "unreachable", "blocked"),
                        NotifyJson.failure(nextId(), "Иван Сидоров", "failed", "Bad Request: chat not found"))))));

        tutor.send("📣 Рассылка");
        tutor.awaitBotMessage(m -> m.hasButton("👨‍👩‍👧 Родителям"), WAIT);
        tutor.press("👨‍👩‍👧 Родителям");
        tutor.awaitBotMessage(m -> text(m).contains("всем родителям ваших учеников"), WAIT);
        tutor.send("Завтра занятий нет");
        ChatMessage confirm = tutor.awaitBotMessage(m -> m.hasButton("✅ Разослать"), WAIT);
        assertThat(confirm.text()).contains("Завтра занятий нет");
        tutor.press("✅ Разослать");

        ChatMessage status = tutor.awaitBotMessage(m -> text(m).contains("В очереди: 3"), WAIT);
        assertThat(status.text()).contains("идёт", "Всего: 3");
        assertThat(status.buttonTexts()).contains("🔄 Обновить", "⛔ Отменить рассылку");
        GATEWAY.verify(postRequestedFor(urlPathEqualTo("/api/v1/broadcasts")).withRequestBody(equalToJson("""
                {"audience":"parents","text":"Завтра занятий нет"}""")));

        tutor.press("🔄 Обновить");
        ChatMessage finished = tutor.awaitBotMessage(m -> text(m).contains("завершена"), WAIT);
        assertThat(finished.text()).contains("Отправлено: 1", "Ошибки: 1", "Недоступны: 1",
                "Ольга Иванова — заблокировал(а) бота", "Иван Сидоров — Bad Request: chat not found");
        assertThat(finished.buttonTexts()).doesNotContain("⛔ Отменить рассылку");
    }

    @Test
    void aRunningBroadcastIsCancelledAndOneFinishedMeanwhileSaysSo() {
        long me = nextId();
        long running = nextId();
        long done = nextId();
        ChatDriver tutor = tutor(me);
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/broadcasts")).withHeader("Authorization", bearer(me))
                .willReturn(okJson(NotifyJson.page(List.of(
                        NotifyJson.broadcast(running, "both", "running", 10, 8, 2, 0, 0, 0, List.of()),
                        NotifyJson.broadcast(done, "students", "running", 2, 1, 1, 0, 0, 0, List.of())), 2, 1, 1))));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/broadcasts/" + running)).withHeader("Authorization", bearer(me))
                .willReturn(okJson(NotifyJson.broadcast(running, "both", "running", 10, 8, 2, 0, 0, 0, List.of()))));
        GATEWAY.stubFor(post(urlPathEqualTo("/api/v1/broadcasts/" + running + "/cancel"))
                .withHeader("Authorization", bearer(me))
                .willReturn(okJson(NotifyJson.broadcast(running, "both", "cancelled", 10, 0, 2, 0, 0, 8, List.of()))));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/broadcasts/" + done)).withHeader("Authorization", bearer(me))
                .inScenario("finishes").whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(okJson(NotifyJson.broadcast(done, "students", "running", 2, 1, 1, 0, 0, 0, List.of())))
                .willSetStateTo("finished"));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/broadcasts/" + done)).withHeader("Authorization", bearer(me))
                .inScenario("finishes").whenScenarioStateIs("finished")
                .willReturn(okJson(NotifyJson.broadcast(done, "students", "finished", 2, 0, 2, 0, 0, 0, List.of()))));
        GATEWAY.stubFor(post(urlPathEqualTo("/api/v1/broadcasts/" + done + "/cancel"))
                .withHeader("Authorization", bearer(me)).willReturn(problem(409, "the broadcast has finished")));

        tutor.send("📣 Рассылка");
        tutor.awaitBotMessage(m -> m.hasButton("📋 Прошлые рассылки"), WAIT);
        tutor.press("📋 Прошлые рассылки");
        ChatMessage list = tutor.awaitBotMessage(m -> text(m).contains("Ваши рассылки"), WAIT);
        tutor.press(list.messageId(), 0, 0);
        tutor.awaitBotMessage(m -> m.hasButton("⛔ Отменить рассылку"), WAIT);
        tutor.press("⛔ Отменить рассылку");
        ChatMessage cancelled = tutor.awaitBotMessage(m -> text(m).contains("Рассылка отменена"), WAIT);
        assertThat(cancelled.text()).contains("отменена", "Отменено: 8");
        assertThat(cancelled.buttonTexts()).doesNotContain("⛔ Отменить рассылку");

        tutor.press("⬅️ К рассылке");
        tutor.awaitBotMessage(m -> m.hasButton("📋 Прошлые рассылки"), WAIT);
        tutor.press("📋 Прошлые рассылки");
        ChatMessage again = tutor.awaitBotMessage(m -> text(m).contains("Ваши рассылки"), WAIT);
        tutor.press(again.messageId(), 1, 0);
        tutor.awaitBotMessage(m -> m.hasButton("⛔ Отменить рассылку"), WAIT);
        String query = tutor.press("⛔ Отменить рассылку");
        assertThat(tutor.awaitCallbackAnswer(query, WAIT).text()).contains("уже завершена");
        assertThat(tutor.awaitBotMessage(m -> text(m).contains("завершена") && !m.hasButton("⛔ Отменить рассылку"),
                WAIT)).isNotNull();
    }

    @Test
    void aRefusedBroadcastShowsTheReasonAndCanBeSentAgain() {
        long me = nextId();
        ChatDriver tutor = tutor(me);
        GATEWAY.stubFor(post(urlPathEqualTo("/api/v1/broadcasts")).withHeader("Authorization", bearer(me))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/problem+json")
                        .withBody("""
                                {"type":"about:blank","title":"Bad Request","status":400,"detail":"Invalid input",
                                 "errors":[{"field":"text","reason":"must be at most 4096 characters"}]}""")));

        tutor.send("📣 Рассылка");
        tutor.awaitBotMessage(m -> m.hasButton("👥 Всем"), WAIT);
        tutor.press("👥 Всем");
        tutor.awaitBotMessage(m -> text(m).contains("всем ученикам и родителям"), WAIT);
        ChatMessage plan = tutor.sendDocument("plan.pdf", "%PDF-1.4 plan".getBytes());
        ChatMessage confirm = tutor.awaitBotMessage(m -> m.hasButton("✅ Разослать"), WAIT);
        assertThat(confirm.text()).contains("(без текста)", "Вложение: файл");
        String query = tutor.press("✅ Разослать");

        assertThat(tutor.awaitCallbackAnswer(query, WAIT).text()).contains("text", "must be at most 4096 characters");
        assertThat(dialogOf(tutor)).hasValueSatisfying(d -> assertThat(d.step()).isEqualTo("confirm"));
        // A file alone: no text is sent, the file goes by its Telegram file id.
        GATEWAY.verify(postRequestedFor(urlPathEqualTo("/api/v1/broadcasts")).withRequestBody(equalToJson("""
                {"audience":"both","file_ids":["%s"],"file_kind":"document"}""".formatted(plan.document().fileId()))));
    }

    @Test
    void theUnreachablePeopleAreListedWithWhyAndSince() {
        long me = nextId();
        ChatDriver tutor = tutor(me);
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/notifications/unreachable")).withHeader("Authorization",
                bearer(me)).willReturn(okJson("""
                        {"items":[%s]}""".formatted(NotifyJson.unreachable(nextId(), "Ольга Иванова", "parent",
                nextId(), "blocked")))));

        tutor.send("🚫 Недоступные");

        ChatMessage list = tutor.awaitBotMessage(m -> text(m).contains("Ольга Иванова"), WAIT);
        assertThat(list.text()).contains("Ольга Иванова (родитель) — заблокировал(а) бота, с 01.03.2026");
    }

    @Test
    void nobodyUnreachableIsSaidSo() {
        long me = nextId();
        ChatDriver tutor = tutor(me);
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/notifications/unreachable")).withHeader("Authorization",
                bearer(me)).willReturn(okJson("{\"items\":[]}")));

        tutor.send("🚫 Недоступные");

        assertThat(tutor.awaitBotMessage(WAIT).text()).contains("Все ваши ученики и родители доступны");
    }
}
