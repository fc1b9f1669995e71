package ru.repitbot.bot.it;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.repitbot.models.Role;
import ru.repitbot.standin.ChatDriver;
import ru.repitbot.standin.ChatMessage;

/**
 * Points, streaks, achievements and the leaderboard (docs/domain/achievements.md) for the student, the parent and the
 * tutor, against a WireMock gateway answering as achievement-service does and the Telegram stand-in. The bot's zone
 * in these tests is Europe/Moscow.
 */
class AchievementsFlowTest extends BotIntegrationTest {

    private static String progress(long studentId, int points, int streak, int best, int attended) {
        return """
                {"student_id":%d,"points":%d,"streak":%d,"best_streak":%d,"attended_lessons":%d,
                 "study_minutes":%d,"accepted_homework":1,"achievements":2,"time_zone":"Europe/Moscow"}"""
                .formatted(studentId, points, streak, best, attended, attended * 60);
    }

    private static String achievement(long id, String type, String title, String description, String icon,
            String earnedAt) {
        return """
                {"id":%d,"achievement_type":"%s","title":"%s","description":"%s","icon":"%s","earned_at":"%s"}"""
                .formatted(id, type, title, description, icon, earnedAt);
    }

    private static String boardLine(int rank, long studentId, String name, int points, boolean caller) {
        return """
                {"rank":%d,"student_id":%d,"full_name":"%s","points":%d,"is_caller":%s}"""
                .formatted(rank, studentId, name, points, caller);
    }

    private static String board(long tutorId, boolean enabled, List<String> lines) {
        return """
                {"tutor_id":%d,"enabled":%s,"items":[%s]}""".formatted(tutorId, enabled, String.join(",", lines));
    }

    private static void stubAchievements(long studentId, String progress, List<String> earned) {
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/achievements/students/" + studentId))
                .willReturn(okJson(progress)));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/achievements/students/" + studentId + "/achievements"))
                .willReturn(okJson("[" + String.join(",", earned) + "]")));
    }

    private ChatDriver student(long studentId, String name) {
        ChatDriver chat = newChat("Петя");
        loginAs(chat, Role.STUDENT, studentId, name);
        return chat;
    }

    @Test
    void aStudentSeesPointsStreakAndAchievementsNewestFirstThenTheHistoryAndTheLeaderboard() {
        long me = nextId();
        long tutor = nextId();
        long other = nextId();
        ChatDriver student = student(me, "Петя Иванов");
        stubAchievements(me, progress(me, 120, 3, 5, 11), List.of(
                // Newest first, as the service answers; 22:30 UTC on the 1st is already the 2nd in Moscow.
                achievement(2, "lessons_10", "Десятка", "10 проведенных уроков!", "🔟", "2026-03-01T22:30:00Z"),
                achievement(1, "first_lesson", "Первый шаг", "Поздравляем с первым уроком!", "🎯",
                        "2026-01-15T18:00:00+03:00")));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/users/me/tutors")).withHeader("Authorization", bearer(me))
                .willReturn(okJson("[" + FamilyJson.summary(tutor, "tutor", "Марина Петровна") + "]")));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/achievements/leaderboard")).withHeader("Authorization", bearer(me))
                .withQueryParam("tutor_id", equalTo(Long.toString(tutor)))
                .willReturn(okJson(board(tutor, true, List.of(boardLine(1, other, "Аня Смирнова", 300, false),
                        boardLine(2, me, "Петя Иванов", 120, true))))));

        student.send("🏆 Достижения");
        ChatMessage screen = student.awaitBotMessage(m -> text(m).contains("Ваши достижения"), WAIT);

        String text = screen.text();
        assertThat(text).contains("⭐ Баллы: 120", "🔥 Серия дней: 3 (лучшая: 5)", "📚 Проведено уроков: 11");
        assertThat(text).containsSubsequence("Баллы", "Серия дней", "Проведено уроков",
                "🔟 Десятка", "10 проведенных уроков!", "📅 Получено: 02.03.2026",
                "🎯 Первый шаг", "Поздравляем с первым уроком!", "📅 Получено: 15.01.2026");
        assertThat(screen.buttonTexts()).containsExactly("🕑 Последние изменения баллов", "📊 Рейтинг",
                "⬅️ Назад в главное меню");

        student.press("📊 Рейтинг");
        ChatMessage board = student.awaitBotMessage(m -> text(m).contains("Рейтинг учеников"), WAIT);
        assertThat(board.messageId()).isEqualTo(screen.messageId());
        assertThat(board.text()).containsSubsequence("1. Аня Смирнова — 300", "👉 2. Петя Иванов — 120 (вы)");
        assertThat(board.text()).doesNotContain("Показывать ученикам");
        assertThat(board.buttonTexts()).containsExactly("⬅️ К достижениям");

        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/achievements/students/" + me + "/points-history"))
                .withQueryParam("page", equalTo("1")).withQueryParam("size", equalTo("10"))
                .willReturn(okJson(FamilyJson.page(List.of("""
                        {"id":3,"delta":15,"reason":"homework_accepted","lesson_id":null,"homework_id":7,
                         "points_after":120,"changed_at":"2026-03-03T10:00:00+03:00"}""", """
                        {"id":2,"delta":-10,"reason":"attendance_removed","lesson_id":5,"homework_id":null,
                         "points_after":105,"changed_at":"2026-03-02T10:00:00+03:00"}"""), 12, 1, 10))));
        student.press("⬅️ К достижениям");
        student.awaitBotMessage(m -> text(m).contains("Ваши достижения") && m.hasButton("📊 Рейтинг"), WAIT);
        student.press("🕑 Последние изменения баллов");
        ChatMessage history = student.awaitBotMessage(m -> text(m).contains("Последние изменения баллов")
                && !m.hasButton("📊 Рейтинг"), WAIT);
        assertThat(history.text()).containsSubsequence(
                "03.03.2026: +15 — домашнее задание принято (итого 120)",
                "02.03.2026: -10 — урок больше не отмечен проведённым (итого 105)",
                "Показаны последние 2 из 12.");
    }

    @Test
    void aStudentWithNoAchievementsYetIsEncouragedAndSeesNoLeaderboardWhileTheTutorKeepsItOff() {
        long me = nextId();
        long tutor = nextId();
        ChatDriver student = student(me, "Петя Иванов");
        stubAchievements(me, progress(me, 0, 0, 0, 0), List.of());
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/users/me/tutors")).withHeader("Authorization", bearer(me))
                .willReturn(okJson("[" + FamilyJson.summary(tutor, "tutor", "Марина Петровна") + "]")));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/achievements/leaderboard")).withHeader("Authorization", bearer(me))
                .willReturn(problem(403, "the tutor has not turned the leaderboard on")));

        student.send("🏆 Достижения");
        ChatMessage screen = student.awaitBotMessage(m -> text(m).contains("Ваши достижения"), WAIT);

        assertThat(screen.text()).contains("⭐ Баллы: 0", "🔥 Серия дней: 0 (лучшая: 0)",
                "Достижений пока нет — они появятся");
        assertThat(screen.text()).doesNotContain("📅 Получено");
        assertThat(screen.buttonTexts()).containsExactly("🕑 Последние изменения баллов", "⬅️ Назад в главное меню");
    }

    @Test
    void whenAchievementServiceIsDownTheStudentIsToldSoInOneSentence() {
        long me = nextId();
        ChatDriver student = student(me, "Петя Иванов");
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/achievements/students/" + me))
                .willReturn(problem(503, "achievement-service is not available")));

        student.send("🏆 Достижения");

        assertThat(student.awaitBotMessage(WAIT).text()).isEqualTo("🛠 Сервис временно недоступен, попробуйте позже.");
    }

    @Test
    void aParentWithTwoChildrenChoosesOneAndSeesThatChildsAchievementsWithoutALeaderboard() {
        ChatDriver parent = newChat("Ольга");
        long parentId = nextId();
        long anya = nextId();
        long misha = nextId();
        long tutor = nextId();
        loginAs(parent, Role.PARENT, parentId, "Ольга Петрова");
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/users/me/children")).withHeader("Authorization", bearer(parentId))
                .willReturn(okJson("[" + FamilyJson.user(anya, "student", "Аня Петрова") + ","
                        + FamilyJson.user(misha, "student", "Миша Петров") + "]")));
        for (long child : List.of(anya, misha)) {
            GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/balances/" + child)).willReturn(okJson(FamilyJson.balances(
                    child, FamilyJson.balanceLine(tutor, 2, null, null)))));
        }
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/users/" + misha)).withHeader("Authorization", bearer(parentId))
                .willReturn(okJson(FamilyJson.user(misha, "student", "Миша Петров"))));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/users/" + misha + "/tutors"))
                .willReturn(okJson("[" + FamilyJson.summary(tutor, "tutor", "Марина Петровна") + "]")));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/lessons")).withQueryParam("student_id",
                equalTo(Long.toString(misha))).withQueryParam("to", matching(".+"))
                .withQueryParam("size", equalTo("1")).willReturn(okJson(FamilyJson.page(List.of(), 0, 1, 1))));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/homework")).withQueryParam("student_id",
                equalTo(Long.toString(misha))).withQueryParam("status", matching("pending|submitted"))
                .willReturn(okJson(FamilyJson.page(List.of(), 0, 1, 1))));
        stubAchievements(misha, progress(misha, 60, 2, 4, 6), List.of(achievement(9, "points_50", "Начинающий",
                "Первые 50 баллов!", "🌟", "2026-02-20T12:00:00+03:00")));

        parent.send("👨‍👩‍👧‍👦 Мои дети");
        parent.awaitBotMessage(m -> text(m).contains("Родительская панель"), WAIT);
        parent.press("👤 Миша Петров");
        parent.awaitBotMessage(m -> text(m).contains("Миша Петров") && m.hasButton("🏆 Достижения"), WAIT);
        parent.press("🏆 Достижения");
        ChatMessage screen = parent.awaitBotMessage(m -> text(m).contains("Достижения: Миша Петров"), WAIT);

        assertThat(screen.text()).containsSubsequence("⭐ Баллы: 60", "🔥 Серия дней: 2 (лучшая: 4)",
                "📚 Проведено уроков: 6", "🌟 Начинающий", "Первые 50 баллов!", "📅 Получено: 20.02.2026");
        assertThat(screen.buttonTexts()).containsExactly("🕑 Последние изменения баллов", "⬅️ К ребёнку");
        GATEWAY.verify(0, anyRequestedFor(urlPathMatching("/api/v1/achievements/students/" + anya + ".*")));
        GATEWAY.verify(0, getRequestedFor(urlPathEqualTo("/api/v1/achievements/leaderboard"))
                .withHeader("Authorization", bearer(parentId)));
    }

    @Test
    void aTutorSeesTheLeaderboardAndTurnsItOnForStudents() {
        ChatDriver tutor = newChat("Марина");
        long tutorId = nextId();
        long anya = nextId();
        long petya = nextId();
        loginAs(tutor, Role.TUTOR, tutorId, "Марина Петровна");
        String scenario = "leaderboard-" + tutorId;
        List<String> lines = List.of(boardLine(1, anya, "Аня Смирнова", 300, false),
                boardLine(2, petya, "Петя Иванов", 120, false));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/achievements/leaderboard"))
                .withHeader("Authorization", bearer(tutorId)).inScenario(scenario)
                .whenScenarioStateIs(Scenario.STARTED).willReturn(okJson(board(tutorId, false, lines))));
        GATEWAY.stubFor(put(urlPathEqualTo("/api/v1/achievements/leaderboard/settings"))
                .withHeader("Authorization", bearer(tutorId)).inScenario(scenario)
                .willReturn(okJson("""
                        {"tutor_id":%d,"enabled":true}""".formatted(tutorId))).willSetStateTo("on"));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/v1/achievements/leaderboard"))
                .withHeader("Authorization", bearer(tutorId)).inScenario(scenario)
                .whenScenarioStateIs("on").willReturn(okJson(board(tutorId, true, lines))));

        assertThat(tutor.send("/menu")).isNotNull();
        tutor.awaitBotMessage(m -> text(m).contains("Главное меню репетитора"), WAIT);
        assertThat(tutor.replyKeyboard()).contains(List.of("🏆 Рейтинг"));
        tutor.send("🏆 Рейтинг");
        ChatMessage screen = tutor.awaitBotMessage(m -> text(m).contains("Рейтинг учеников"), WAIT);
        assertThat(screen.text()).containsSubsequence("1. Аня Смирнова — 300", "2. Петя Иванов — 120",
                "Ученики рейтинг не видят.");
        assertThat(screen.text()).doesNotContain("👉");
        assertThat(screen.buttonTexts()).containsExactly("🙈 Показывать ученикам: выкл", "⬅️ Назад в главное меню");

        String press = tutor.press("🙈 Показывать ученикам: выкл");

        ChatMessage on = tutor.awaitBotMessage(m -> m.hasButton("👁 Показывать ученикам: вкл"), WAIT);
        assertThat(on.messageId()).isEqualTo(screen.messageId());
        assertThat(on.text()).contains("Ученики видят рейтинг.");
        assertThat(tutor.awaitCallbackAnswer(press, WAIT).text()).isEqualTo("Рейтинг показан ученикам.");
        GATEWAY.verify(1, putRequestedFor(urlPathEqualTo("/api/v1/achievements/leaderboard/settings"))
                .withHeader("Authorization", bearer(tutorId)).withRequestBody(equalToJson("""
                        {"enabled":true}""")));
    }

    @Test
    void aTutorOpensAStudentsAchievementsFromTheProfile() {
        ChatDriver tutor = newChat("Марина");
        long tutorId = nextId();
        loginAs(tutor, Role.TUTOR, tutorId, "Марина Петровна");
        long studentId = openStudentProfile(tutor, tutorId, "Петя Иванов", id -> GATEWAY.stubFor(
                get(urlPathEqualTo("/api/v1/balances/" + id)).willReturn(okJson(FamilyJson.balances(id,
                        FamilyJson.balanceLine(tutorId, 3, null, null))))));
        stubAchievements(studentId, progress(studentId, 10, 1, 1, 1), List.of(achievement(4, "first_lesson",
                "Первый шаг", "Поздравляем с первым уроком!", "🎯", "2026-03-02T15:30:00+03:00")));

        tutor.press("🏆 Достижения");
        ChatMessage screen = tutor.awaitBotMessage(m -> text(m).contains("Достижения: Петя Иванов"), WAIT);

        assertThat(screen.text()).contains("⭐ Баллы: 10", "🎯 Первый шаг", "📅 Получено: 02.03.2026");
        assertThat(screen.buttonTexts()).containsExactly("🕑 Последние изменения баллов", "⬅️ К ученику");
        GATEWAY.verify(0, getRequestedFor(urlPathEqualTo("/api/v1/users/me/tutors"))
                .withHeader("Authorization", bearer(tutorId)));
    }
}
