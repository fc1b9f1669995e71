package ru.repitbot.e2e.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.repitbot.e2e.Scenario;
import ru.repitbot.e2e.StackExtension;
import ru.repitbot.testsupport.ApiClient;
import ru.repitbot.testsupport.ApiClient.ApiResponse;

/**
 * What happens without anyone pressing a button (issue 11), through the gateway and the Telegram stand-in with the
 * real scheduler, notification-service and its delivery engine: a tutor schedules a lesson for tomorrow and the
 * student and both parents get the 24 h reminder in their chats; marking attendance sends the parents the lesson
 * report; the balance falling to 1 tells the parents at once and again in the daily digest.
 */
@Order(13)
@ExtendWith(StackExtension.class)
class NotificationsIT {

    /** The lesson reminder job runs every minute; a reminder is due 90 s after the lesson is created. */
    private static final Duration REMINDER_WAIT = Duration.ofMinutes(4);
    private static final Duration NOTICE_WAIT = Duration.ofSeconds(60);

    private final Scenario scenario;

    NotificationsIT(Scenario scenario) {
        this.scenario = scenario;
    }

    @Test
    void remindersReportsAndLowBalanceReachTheFamilyInTheirChats() {
        Scenario.Created t = scenario.create(scenario.admin().token(), Map.of("role", "tutor",
                "full_name", "Ольга Напоминающая"));
        Scenario.Member tutor = scenario.login(t.code(), scenario.newTelegramId());
        ApiClient api = tutor.api(scenario.stack());
        Scenario.Created s = scenario.create(tutor.token(), Map.of("role", "student", "full_name", "Коля Уведомляемый",
                "grade", 8));
        Scenario.Created p1 = scenario.create(tutor.token(), Map.of("role", "parent", "full_name", "Мама Коли",
                "student_ids", List.of(s.id())));
        Scenario.Created p2 = scenario.create(tutor.token(), Map.of("role", "parent", "full_name", "Папа Коли",
                "student_ids", List.of(s.id())));

        // Each of them has pressed Start in Telegram, logs in (which tells user-service their Telegram id) and
        // lives where it is now between 10:00 and 20:00 (the digest's hours), without quiet hours.
        String zone = zoneWhereItIsAfternoon();
        Map<String, BotChat> chats = new HashMap<>();
        Map<String, Scenario.Member> members = new HashMap<>();
        for (var person : Map.of("student", s, "mother", p1, "father", p2).entrySet()) {
            long telegramId = scenario.newTelegramId();
            BotChat chat = BotChat.user(telegramId, person.getKey());
            chat.send("/start");
            Scenario.Member member = scenario.login(person.getValue().code(), telegramId);
            ApiClient own = member.api(scenario.stack());
            ApiResponse quiet = own.patch("/api/v1/notifications/preferences", nullQuietHours());
            assertThat(quiet.status()).as("%s", quiet).isEqualTo(200);
            assertThat(quiet.json().get("quiet_hours").isNull()).isTrue();
            ApiResponse moved = own.patch("/api/v1/users/" + member.id(), Map.of("time_zone", zone));
            assertThat(moved.status()).as("%s", moved).isEqualTo(200);
            chats.put(person.getKey(), chat);
            members.put(person.getKey(), member);
        }

        // A lesson tomorrow, 24 h and 90 s from now: its 24 h reminder is due in 90 s.
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusHours(24).plusSeconds(90)
                .truncatedTo(ChronoUnit.SECONDS);
        ApiResponse lesson = await().atMost(Duration.ofSeconds(30)).until(() -> api.post("/api/v1/lessons", Map.of(
                "student_id", s.id(), "topic", "Квадратные уравнения", "start_at", start.toString(),
                "duration_minutes", 60)), r -> r.status() == 201);
        assertThat(lesson.status()).isEqualTo(201);
        for (String who : List.of("student", "mother", "father")) {
            chats.get(who).awaitMessage(NOTICE_WAIT, "Квадратные уравнения");
        }
        for (String who : List.of("student", "mother", "father")) {
            String reminder = chats.get(who).awaitMessage(REMINDER_WAIT, "Напоминание", "Квадратные уравнения");
            assertThat(reminder).as("the reminder says the lesson's time on the reader's clock")
                    .contains(start.atZoneSameInstant(java.time.ZoneId.of(zone)).toLocalTime()
                            .truncatedTo(ChronoUnit.MINUTES).toString());
        }
        assertThat(chats.get("student").countMessages("Напоминание", "Квадратные уравнения"))
                .as("each reminder once").isEqualTo(1);
        assertThat(chats.get("mother").countMessages("Напоминание", "Квадратные уравнения")).isEqualTo(1);

        // Two lessons paid; yesterday's lesson is marked attended: one left, which the parents hear at once.
        assertThat(api.withHeader("Idempotency-Key", UUID.randomUUID().toString()).post("/api/v1/payments",
                Map.of("student_id", s.id(), "lessons_paid", 2)).status()).isEqualTo(201);
        OffsetDateTime yesterday = OffsetDateTime.now(ZoneOffset.UTC).minusDays(1).truncatedTo(ChronoUnit.HOURS);
        long past = api.post("/api/v1/lessons", Map.of("student_id", s.id(), "topic", "Теорема Виета",
                "start_at", yesterday.toString(), "duration_minutes", 60)).json().get("id").asLong();
        ApiResponse marked = api.put("/api/v1/lessons/" + past + "/attendance", Map.of("status", "attended"));
        assertThat(marked.status()).as("%s", marked).isEqualTo(200);
        for (String parent : List.of("mother", "father")) {
            chats.get(parent).awaitMessage(NOTICE_WAIT, "осталось оплаченных уроков: 1", "Коля Уведомляемый");
        }

        // The lesson report reaches both parents (the settle time is shortened for this run).
        for (String parent : List.of("mother", "father")) {
            chats.get(parent).awaitMessage(NOTICE_WAIT, "Отчёт об уроке", "Теорема Виета");
        }
        assertThat(chats.get("student").countMessages("Отчёт об уроке")).as("the report is for parents").isZero();

        // The daily digest, run now by an admin: both parents, whose clock shows the afternoon, get it once.
        ApiClient admin = scenario.admin().api(scenario.stack());
        ApiResponse triggered = admin.post("/api/v1/scheduler/jobs/balance-digest/trigger", Map.of());
        assertThat(triggered.status()).as("%s", triggered).isEqualTo(202);
        for (String parent : List.of("mother", "father")) {
            chats.get(parent).awaitMessage(NOTICE_WAIT, "Баланс уроков заканчивается", "Коля Уведомляемый");
        }
        assertThat(admin.post("/api/v1/scheduler/jobs/balance-digest/trigger", Map.of()).status()).isEqualTo(202);
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10)).until(() ->
                chats.get("mother").countMessages("Баланс уроков заканчивается") == 1);

        // Each delivered message is in the person's own history; the tutor sees the family's, a stranger does not.
        ApiResponse history = members.get("mother").api(scenario.stack()).get("/api/v1/notifications/history");
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.body()).contains("lesson_reminder_24h", "balance_low", "lesson_report", "balance_digest");
        assertThat(api.get("/api/v1/notifications/history?user_id=" + members.get("mother").id()).status())
                .isEqualTo(200);
        Scenario.World w = scenario.world();
        assertThat(w.tutorA().api(scenario.stack())
                .get("/api/v1/notifications/history?user_id=" + members.get("mother").id()).status()).isEqualTo(404);
    }

    private static Map<String, Object> nullQuietHours() {
        Map<String, Object> body = new HashMap<>();
        body.put("quiet_hours", null);
        return body;
    }

    /** An IANA zone whose clock shows about 13:00-14:00 now, well inside the digest's 10:00-20:00. */
    static String zoneWhereItIsAfternoon() {
        int hour = OffsetDateTime.now(ZoneOffset.UTC).getHour();
        int offset = Math.floorMod(13 - hour + 12, 24) - 12;
        return offset == 0 ? "Etc/GMT" : offset > 0 ? "Etc/GMT-" + offset : "Etc/GMT+" + (-offset);
    }
}
