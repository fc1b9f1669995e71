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
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.repitbot.models.Role;
import ru.repitbot.standin.CallbackAnswer;
import ru.repitbot.standin.ChatDriver;
import ru.repitbot.standin.ChatMessage;

/**
 * The tutor's payments (docs/domain/bot.md#tutor-payments, docs/domain/payments.md): recording with amount and method, corrections,
 * the payments screen, voiding with a confirmation, the statement, the lesson price — against a WireMock gateway
 * shaped like payment-service and the Telegram stand-in.
 */
class TutorPaymentsFlowTest extends BotIntegrationTest {




    /** A payment as payment-service shows it; {@code balanceAfter} only in answers to the POSTs (else null). */
    private static String paymentJson(long id, long tutorId, long studentId, int lessons, String amount, String method,
            String paidAt, String voidedAt, String reason, Integer balanceAfter) {
        return """
                {"id":%d,"tutor_id":%d,"student_id":%d,"lessons_paid":%d,"amount":%s,"currency":%s,"method":%s,
                 "paid_at":"%s","comment":null,"created_at":"%s","created_by":"user:%d","voided":%s,"voided_at":%s,
                 "voided_by":%s,"void_reason":%s,"balance_after":%s}"""
                .formatted(id, tutorId, studentId, lessons, amount == null ? "null" : "\"" + amount + "\"",
                        amount == null ? "null" : "\"RUB\"", method == null ? "null" : "\"" + method + "\"", paidAt,
                        paidAt, tutorId, voidedAt != null, voidedAt == null ? "null" : "\"" + voidedAt + "\"",
                        voidedAt == null ? "null" : "\"user:" + tutorId + "\"",
                        reason == null ? "null" : "\"" + reason + "\"", balanceAfter);
    }

    private static void stubBalance(long tutorId, long studentId, int lessons, long paid, long charged, String price,
            String money) {
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/balances/" + studentId)).withHeader("Authorization",
                bearer(tutorId)).willReturn(okJson("""
                {"student_id":%d,"balances":[{"tutor_id":%d,"balance_lessons":%d,"paid_lessons":%d,
                 "charged_lessons":%d,"lesson_price":%s,"currency":%s,"balance_money":%s}]}"""
                .formatted(studentId, tutorId, lessons, paid, charged, price == null ? "null" : "\"" + price + "\"",
                        price == null ? "null" : "\"RUB\"", money == null ? "null" : "\"" + money + "\""))));
    }

    private static void stubPrice(long tutorId, long studentId, String price) {
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/prices/" + studentId)).withHeader("Authorization",
                bearer(tutorId)).willReturn(okJson(price == null ? """
                {"student_id":%d,"prices":[]}""".formatted(studentId) : """
                {"student_id":%d,"prices":[{"student_id":%d,"tutor_id":%d,"amount":"%s","currency":"RUB",
                 "updated_at":"2026-12-01T10:00:00+03:00","updated_by":"user:%d"}]}"""
                .formatted(studentId, studentId, tutorId, price, tutorId))));
    }

    private static void stubPayments(long tutorId, long studentId, List<String> payments) {
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/payments")).withHeader("Authorization", bearer(tutorId))
                .withQueryParam("student_id", equalTo(Long.toString(studentId)))
                .withQueryParam("page", equalTo("1"))
                .willReturn(okJson(pageAnswer(payments, payments.size(), 1, payments.isEmpty() ? 0 : 1))));
    }

    /** A tutor with one student whose profile is open (balance 4 lessons, price 1500). */
    private static long openProfile(ChatDriver tutor, long tutorId, String name) {
        return openStudentProfile(tutor, tutorId, name,
                studentId -> stubBalance(tutorId, studentId, 4, 12, 8, "1500.00", "6000.00"));
    }

    /** Records a payment of one lesson (no money) and opens the payments screen from the answer. */
    private static ChatMessage recordOneAndOpenPayments(ChatDriver tutor, long tutorId, long studentId) {
        GATEWAY.stubFor(post(urlPathEqualTo("/api/v1/payments")).withHeader("Authorization", bearer(tutorId))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody(paymentJson(nextId(), tutorId, studentId, 1, null, null,
                                "2026-12-06T12:00:00+03:00", null, null, 5))));
        tutor.press("💰 Добавить оплату");
        tutor.awaitBotMessage(m -> text(m).contains("количество оплаченных уроков"), WAIT);
        tutor.send("1");
        tutor.awaitBotMessage(m -> text(m).contains("Сумма оплаты"), WAIT);
        tutor.send("/skip");
        tutor.awaitBotMessage(m -> m.hasButton("💵 Наличные"), WAIT);
        tutor.press("⏭ Пропустить");
        tutor.awaitBotMessage(m -> text(m).contains("Оплата на 1 урок добавлена"), WAIT);
        tutor.press("💳 Оплаты ученика");
        return tutor.awaitBotMessage(m -> text(m).contains("Оплаты: "), WAIT);
    }

    @Test
    void recordingAPaymentReadsNumbersAsTypedAndSendsTheAmountAsADecimal() {
        ChatDriver tutor = newChat("Марина");
        long tutorId = nextId();
        loginAs(tutor, Role.TUTOR, tutorId, "Марина");
        long studentId = openProfile(tutor, tutorId, "Иван Петров");
        GATEWAY.stubFor(post(urlPathEqualTo("/api/v1/payments")).withHeader("Authorization", bearer(tutorId))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody(paymentJson(nextId(), tutorId, studentId, 8, "12000.50", "card",
                                "2026-12-06T12:00:00+03:00", null, null, 12))));

        tutor.press("💰 Добавить оплату");
        ChatMessage ask = tutor.awaitBotMessage(m -> text(m).contains("Введите количество оплаченных уроков"), WAIT);
        assertThat(ask.text()).contains("Оплата: Иван Петров");
        tutor.send("восемь");
        assertThat(tutor.awaitBotMessage(WAIT).text()).isEqualTo("Введите число.");
        tutor.send("0");
        assertThat(tutor.awaitBotMessage(WAIT).text()).contains("не может быть 0");
        tutor.send("8");
        assertThat(tutor.awaitBotMessage(WAIT).text()).contains("Сумма оплаты");
        tutor.send("двенадцать тысяч");
        assertThat(tutor.awaitBotMessage(WAIT).text()).contains("Не удалось прочитать сумму");
        tutor.send("12 000,50");
        ChatMessage methods = tutor.awaitBotMessage(m -> text(m).contains("Как оплачено?"), WAIT);
        assertThat(methods.buttonTexts()).containsExactly("💵 Наличные", "💳 Карта", "🏦 Перевод", "⏭ Пропустить");
        tutor.send("картой");
        assertThat(tutor.awaitBotMessage(WAIT).text()).contains("Выберите способ оплаты кнопкой");
        GATEWAY.verify(0, postRequestedFor(urlPathEqualTo("/api/v1/payments")).withHeader("Authorization",
                bearer(tutorId)));

        String card = tutor.press("💳 Карта");
        ChatMessage done = tutor.awaitBotMessage(m -> text(m).contains("Оплата на"), WAIT);
        assertThat(done.text()).isEqualTo("✅ Оплата на 8 уроков добавлена. 💰 Новый баланс: 12 уроков");
        assertThat(done.buttonTexts()).contains("💳 Оплаты ученика", "⬅️ К ученику");
        assertThat(tutor.awaitCallbackAnswer(card, WAIT).answered()).isTrue();
        GATEWAY.verify(1, postRequestedFor(urlPathEqualTo("/api/v1/payments"))
                .withHeader("Authorization", bearer(tutorId))
                .withHeader("Idempotency-Key", matching("tg-\\d+"))
                .withRequestBody(equalToJson("""
                        {"student_id":%d,"lessons_paid":8,"amount":"12000.50","method":"card"}"""
                        .formatted(studentId))));
        assertThat(dialogOf(tutor)).isEmpty();
    }

    @Test
    void aNegativeNumberIsRecordedAsACorrectionOnlyAfterConfirming() {
        ChatDriver tutor = newChat("Марина");
        long tutorId = nextId();
        loginAs(tutor, Role.TUTOR, tutorId, "Марина");
        long studentId = openProfile(tutor, tutorId, "Иван Петров");
        GATEWAY.stubFor(post(urlPathEqualTo("/api/v1/payments")).withHeader("Authorization", bearer(tutorId))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody(paymentJson(nextId(), tutorId, studentId, -2, null, null,
                                "2026-12-06T12:00:00+03:00", null, null, 2))));

        tutor.press("💰 Добавить оплату");
        tutor.awaitBotMessage(m -> text(m).contains("количество оплаченных уроков"), WAIT);
        tutor.send("-2");
        ChatMessage confirm = tutor.awaitBotMessage(m -> text(m).contains("корректировка"), WAIT);
        assertThat(confirm.text()).contains("Это корректировка: −2 урока. Баланс уменьшится на 2 урока.");
        GATEWAY.verify(0, postRequestedFor(urlPathEqualTo("/api/v1/payments")).withHeader("Authorization",
                bearer(tutorId)));

        tutor.press("✅ Да, записать корректировку");
        assertThat(tutor.awaitBotMessage(m -> text(m).contains("Корректировка"), WAIT).text())
                .isEqualTo("✅ Корректировка на −2 урока записана. 💰 Новый баланс: 2 урока");
        GATEWAY.verify(postRequestedFor(urlPathEqualTo("/api/v1/payments")).withRequestBody(equalToJson("""
                {"student_id":%d,"lessons_paid":-2}""".formatted(studentId))));
    }

    @Test
    void aRefusedPaymentIsExplainedInWords() {
        ChatDriver tutor = newChat("Марина");
        long tutorId = nextId();
        loginAs(tutor, Role.TUTOR, tutorId, "Марина");
        openProfile(tutor, tutorId, "Иван Петров");
        GATEWAY.stubFor(post(urlPathEqualTo("/api/v1/payments")).withHeader("Authorization", bearer(tutorId))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/problem+json")
                        .withBody("""
                                {"type":"about:blank","title":"Bad Request","status":400,"detail":"Invalid input",
                                 "errors":[{"field":"amount",
                                            "reason":"must have at most 10 digits and 2 decimal places"}]}""")));

        tutor.press("💰 Добавить оплату");
        tutor.awaitBotMessage(m -> text(m).contains("количество оплаченных уроков"), WAIT);
        tutor.send("4");
        tutor.awaitBotMessage(m -> text(m).contains("Сумма оплаты"), WAIT);
        tutor.send("9999999999");
        tutor.awaitBotMessage(m -> m.hasButton("🏦 Перевод"), WAIT);
        tutor.press("🏦 Перевод");
        ChatMessage refused = tutor.awaitBotMessage(m -> text(m).contains("не записана"), WAIT);
        assertThat(refused.text())
                .isEqualTo("❌ Оплата не записана: сервис не принял значение «сумма». Начните заново.");
        assertThat(refused.buttonTexts()).contains("➕ Добавить оплату");
    }

    @Test
    void voidingAsksForConfirmationAndTheVoidedPaymentIsShownAsVoided() {
        ChatDriver tutor = newChat("Марина");
        long tutorId = nextId();
        loginAs(tutor, Role.TUTOR, tutorId, "Марина");
        long studentId = openProfile(tutor, tutorId, "Иван Петров");
        long paid = nextId();
        long old = nextId();
        long gone = nextId();
        String paidJson = paymentJson(paid, tutorId, studentId, 8, "12000.50", "card", "2026-12-03T12:00:00+03:00",
                null, null, null);
        String oldJson = paymentJson(old, tutorId, studentId, 4, null, "cash", "2026-11-04T12:00:00+03:00",
                "2026-11-05T09:00:00+03:00", "Ошибка", null);
        String goneJson = paymentJson(gone, tutorId, studentId, 2, null, null, "2026-10-01T12:00:00+03:00", null,
                null, null);
        stubPrice(tutorId, studentId, "1500.00");
        stubPayments(tutorId, studentId, List.of(paidJson, oldJson, goneJson));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/payments/" + paid)).willReturn(okJson(paidJson)));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/payments/" + gone)).willReturn(problem(404, "not found")));

        ChatMessage overview = recordOneAndOpenPayments(tutor, tutorId, studentId);
        assertThat(overview.text()).contains("Оплаты: Иван Петров", "Баланс: 4 урока (6000.00 RUB)",
                "Оплачено уроков: 12 · списано: 8", "Цена урока: 1500.00 RUB", "Оплаты (всего: 3)",
                "03.12.2026 · +8 уроков · 12000.50 RUB · карта", "04.11.2026 · +4 урока · наличные",
                "аннулирована 05.11.2026: Ошибка");
        assertThat(overview.buttonTexts()).contains("❌ Аннулировать: 03.12 +8", "❌ Аннулировать: 01.10 +2",
                "➕ Добавить оплату", "📜 Выписка", "🏷 Цена урока", "⬅️ К ученику")
                .doesNotContain("❌ Аннулировать: 04.11 +4");

        // A payment that is no longer there (not the tutor's any more): said so, nothing changes.
        String press = tutor.press("❌ Аннулировать: 01.10 +2");
        assertThat(tutor.awaitCallbackAnswer(press, WAIT).text()).isEqualTo("❌ Этой оплаты нет (или она не ваша).");

        tutor.press("❌ Аннулировать: 03.12 +8");
        ChatMessage confirm = tutor.awaitBotMessage(m -> text(m).contains("Аннулировать оплату"), WAIT);
        assertThat(confirm.text()).contains("от 03.12.2026 на 8 уроков, 12000.50 RUB?", "Баланс уменьшится на 8 уроков",
                "Напишите причину или /skip");
        assertThat(confirm.messageId()).isEqualTo(overview.messageId());
        GATEWAY.verify(0, postRequestedFor(urlPathMatching("/api/v1/payments/.*/void")).withHeader("Authorization",
                bearer(tutorId)));

        String voidedJson = paymentJson(paid, tutorId, studentId, 8, "12000.50", "card", "2026-12-03T12:00:00+03:00",
                "2026-12-06T10:00:00+03:00", "Записана дважды", null);
        GATEWAY.stubFor(post(urlPathEqualTo("/api/v1/payments/" + paid + "/void")).willReturn(okJson(
                voidedJson.replace("\"balance_after\":null", "\"balance_after\":-4"))));
        stubPayments(tutorId, studentId, List.of(voidedJson, oldJson, goneJson));
        tutor.send("Записана дважды");
        ChatMessage after = tutor.awaitBotMessage(m -> text(m).contains("Оплата аннулирована"), WAIT);
        assertThat(after.text()).contains("✅ Оплата аннулирована. 💰 Баланс: −4 урока",
                "03.12.2026 · +8 уроков · 12000.50 RUB · карта\n   ❌ аннулирована 06.12.2026: Записана дважды");
        assertThat(after.buttonTexts()).doesNotContain("❌ Аннулировать: 03.12 +8")
                .contains("❌ Аннулировать: 01.10 +2");
        GATEWAY.verify(postRequestedFor(urlPathEqualTo("/api/v1/payments/" + paid + "/void"))
                .withRequestBody(equalToJson("{\"reason\":\"Записана дважды\"}")));
        assertThat(dialogOf(tutor)).isEmpty();
    }

    @Test
    void theStatementShowsTheRunningBalanceWithTopicsFromTheLatestPage() {
        ChatDriver tutor = newChat("Марина");
        long tutorId = nextId();
        loginAs(tutor, Role.TUTOR, tutorId, "Марина");
        long studentId = openProfile(tutor, tutorId, "Иван Петров");
        long paymentId = nextId();
        stubPrice(tutorId, studentId, null);
        stubPayments(tutorId, studentId, List.of());
        List<String> entries = new ArrayList<>();
        List<String> lessons = new ArrayList<>();
        entries.add("""
                {"kind":"payment","payment_id":%d,"lesson_id":null,"at":"2026-12-01T12:00:00+03:00","lessons":8,
                 "amount":"12000.50","currency":"RUB","method":"card","attendance_status":null,"comment":null,
                 "voided":true,"void_reason":null,"balance_after":8,"balance_money_after":null}"""
                .formatted(paymentId));
        for (int i = 1; i <= 10; i++) {
            long lessonId = nextId();
            String at = "2026-12-%02dT15:00:00+03:00".formatted(i + 1);
            entries.add("""
                    {"kind":"lesson","payment_id":null,"lesson_id":%d,"at":"%s","lessons":-1,"amount":null,
                     "currency":null,"method":null,"attendance_status":"%s","comment":null,"voided":false,
                     "void_reason":null,"balance_after":%d,"balance_money_after":null}"""
                    .formatted(lessonId, at, i == 2 ? "unexcused_absence" : "attended", 8 - i));
            lessons.add("""
                    {"id":%d,"tutor_id":%d,"student_id":%d,"topic":"Тема %d","start_at":"%s","duration_minutes":60,
                     "time_zone":"Europe/Moscow","attendance_status":"attended","charged":true,"is_makeup":false}"""
                    .formatted(lessonId, tutorId, studentId, i, at));
        }
        entries.add("""
                {"kind":"payment_void","payment_id":%d,"lesson_id":null,"at":"2026-12-20T10:00:00+03:00","lessons":-8,
                 "amount":"-12000.50","currency":"RUB","method":null,"attendance_status":null,"comment":null,
                 "voided":false,"void_reason":"Записана дважды","balance_after":-10,"balance_money_after":null}"""
                .formatted(paymentId));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/balances/" + studentId + "/statement")).willReturn(okJson("""
                {"student_id":%d,"tutor_id":%d,"from":null,"to":null,"opening_balance":0,"closing_balance":-10,
                 "lesson_price":null,"currency":null,"closing_balance_money":null,"entries":[%s]}"""
                .formatted(studentId, tutorId, String.join(",", entries)))));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/lessons")).withQueryParam("student_id",
                equalTo(Long.toString(studentId))).withQueryParam("size", equalTo("100"))
                .willReturn(okJson(pageAnswer(lessons, 10, 1, 1))));

        recordOneAndOpenPayments(tutor, tutorId, studentId);
        tutor.press("📜 Выписка");
        ChatMessage latest = tutor.awaitBotMessage(m -> text(m).contains("Выписка: Иван Петров"), WAIT);
        assertThat(latest.text()).contains("Баланс сейчас: −10 уроков", "11.12 📚 урок −1 (Тема 10) → −2",
                "20.12 ❌ аннулирование −8 · Записана дважды → −10").doesNotContain("Начальный баланс");
        assertThat(latest.buttonTexts()).contains("◀️", "2/2", "⬅️ К оплатам").doesNotContain("▶️");

        tutor.press("◀️");
        ChatMessage first = tutor.awaitBotMessage(m -> text(m).contains("Начальный баланс: 0"), WAIT);
        assertThat(first.messageId()).isEqualTo(latest.messageId());
        assertThat(first.text()).contains("01.12 💰 оплата +8 · 12000.50 RUB (аннулирована) → 8",
                "02.12 📚 урок −1 (Тема 1) → 7",
                "03.12 📚 урок −1 (Тема 2) · пропуск без уважительной причины → 6",
                "10.12 📚 урок −1 (Тема 9) → −1").doesNotContain("Тема 10");
        assertThat(first.buttonTexts()).contains("1/2", "▶️");
    }

    @Test
    void theLessonPriceIsShownSetAndRemoved() {
        ChatDriver tutor = newChat("Марина");
        long tutorId = nextId();
        loginAs(tutor, Role.TUTOR, tutorId, "Марина");
        long studentId = openProfile(tutor, tutorId, "Иван Петров");
        stubPrice(tutorId, studentId, "1500.00");
        stubPayments(tutorId, studentId, List.of());
        recordOneAndOpenPayments(tutor, tutorId, studentId);

        tutor.press("🏷 Цена урока");
        ChatMessage ask = tutor.awaitBotMessage(m -> text(m).contains("Введите цену одного урока"), WAIT);
        assertThat(ask.text()).contains("Цена урока: Иван Петров", "Сейчас: 1500.00 RUB");
        tutor.send("дорого");
        assertThat(tutor.awaitBotMessage(WAIT).text()).contains("Не удалось прочитать сумму");
        GATEWAY.stubFor(put(urlPathEqualTo("/api/v1/prices/" + studentId)).willReturn(okJson("""
                {"student_id":%d,"tutor_id":%d,"amount":"2000.00","currency":"RUB",
                 "updated_at":"2026-12-06T10:00:00+03:00","updated_by":"user:%d"}"""
                .formatted(studentId, tutorId, tutorId))));
        stubPrice(tutorId, studentId, "2000.00");
        tutor.send("2 000");
        ChatMessage set = tutor.awaitBotMessage(m -> text(m).contains("✅ Цена урока: 2000.00 RUB"), WAIT);
        assertThat(set.text()).contains("🏷 Цена урока: 2000.00 RUB");
        GATEWAY.verify(putRequestedFor(urlPathEqualTo("/api/v1/prices/" + studentId))
                .withRequestBody(equalToJson("{\"amount\":\"2000.00\"}")));

        tutor.press("🏷 Цена урока");
        tutor.awaitBotMessage(m -> m.hasButton("🗑 Убрать цену"), WAIT);
        GATEWAY.stubFor(delete(urlPathEqualTo("/api/v1/prices/" + studentId)).willReturn(aResponse()
                .withStatus(204)));
        stubPrice(tutorId, studentId, null);
        tutor.press("🗑 Убрать цену");
        ChatMessage removed = tutor.awaitBotMessage(m -> text(m).contains("Цена урока убрана"), WAIT);
        assertThat(removed.text()).contains("Цена урока: не задана");
        GATEWAY.verify(deleteRequestedFor(urlPathEqualTo("/api/v1/prices/" + studentId)));
        assertThat(dialogOf(tutor)).isEmpty();
    }

    @Test
    void aStudentCannotRecordPayments() {
        ChatDriver chat = newChat("Иван");
        long tutorId = nextId();
        loginAs(chat, Role.TUTOR, tutorId, "Марина");
        openProfile(chat, tutorId, "Иван Петров");

        long pupilId = nextId();
        loginAs(chat, Role.STUDENT, pupilId, "Иван Петров");
        String press = chat.press("💰 Добавить оплату");
        CallbackAnswer refused = chat.awaitCallbackAnswer(press, WAIT);
        assertThat(refused.text()).isEqualTo("⛔ У вас нет доступа к этой функции.");
        assertThat(dialogOf(chat)).isEmpty();
        GATEWAY.verify(0, anyRequestedFor(urlPathMatching("/api/v1/.*")).withHeader("Authorization",
                bearer(pupilId)));
    }
}
