package ru.repitbot.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.repitbot.events.catalogue.AchievementEvents;
import ru.repitbot.events.catalogue.SchedulerEvents;
import ru.repitbot.events.catalogue.UserEvents;
import ru.repitbot.testsupport.AccessFixtures;

/** Recipients from user-service's events; account links and achievements. */
class AccountNoticesIntegrationTest extends IntegrationTest {

    private Long chatOf(long userId) {
        List<Long> chats = jdbc.queryForList("SELECT telegram_chat_id FROM recipient WHERE user_id = ?", Long.class,
                userId);
        return chats.isEmpty() ? null : chats.getFirst();
    }

    @Test
    void aUsersTelegramIdIsTheirChatAndADeletedUserIsToldNothingMore() {
        long id = newId();
        long telegram = 5_000_000_000L + id;
        Map<String, Object> created = new HashMap<>();
        created.put("user_id", id);
        created.put("role", "student");
        created.put("full_name", "Маша");
        created.put("telegram_id", telegram);
        created.put("time_zone", "Europe/Moscow");
        created.put("tutor_ids", List.of());
        created.put("parent_ids", List.of());
        var event = AccessFixtures.userEvent("user.created", id, created);
        AccessFixtures.publishUserEvents(event);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> chatOf(id) != null);
        assertThat(chatOf(id)).isEqualTo(telegram);

        Map<String, Object> changes = new HashMap<>();
        changes.put("telegram_id", telegram + 1);
        Map<String, Object> previous = new HashMap<>();
        previous.put("telegram_id", telegram);
        AccessFixtures.publishUserEvents(AccessFixtures.userEvent("user.updated", id,
                Map.of("user_id", id, "role", "student", "changes", changes, "previous", previous)));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> chatOf(id) == telegram + 1);

        OffsetDateTime start = Instant.now().plus(Duration.ofHours(24)).atOffset(ZoneOffset.UTC);
        long lesson = newId();
        publishAndWait(envelope("scheduler-service", new SchedulerEvents.ReminderDue("lesson_reminder_24h", "lesson",
                lesson, id, null, start, start.minusHours(24), false, "reminder:x:" + lesson, null, null, lesson, 60),
                null));
        assertThat(messagesTo(id)).singleElement().satisfies(m -> assertThat(m.status()).isEqualTo("queued"));
        assertThat(jdbc.queryForObject("SELECT telegram_chat_id FROM outgoing_message WHERE recipient_id = ?",
                Long.class, id)).isEqualTo(telegram + 1);

        publishAndWait(envelope("user-service", new UserEvents.Deleted(id, "student"), null));
        assertThat(messagesTo(id)).singleElement().satisfies(m -> assertThat(m.status()).isEqualTo("cancelled"));
    }

    @Test
    void aParentLinkedIsToldWithTheChildButNotWhoeverMadeTheLink() {
        long tutor = users().tutor();
        long student = reachable(users().student(tutor));
        long parent = reachable(users().parent(student));
        long newParent = reachable(users().parent());
        publishAndWait(envelope("user-service", new UserEvents.Linked(UserEvents.LinkKind.parent, newParent, student),
                newParent));
        assertThat(messagesTo(student, "account_link")).singleElement()
                .satisfies(m -> assertThat(m.text()).contains(nameOf(newParent)).contains(nameOf(student)));
        assertThat(messagesTo(newParent)).as("they linked themselves").isEmpty();
        assertThat(messagesTo(parent)).isEmpty();

        publishAndWait(envelope("user-service", new UserEvents.Unlinked(UserEvents.LinkKind.tutor, tutor, student),
                1L));
        assertThat(messagesTo(parent, "account_link")).singleElement()
                .satisfies(m -> assertThat(m.text()).contains(nameOf(tutor)));
        assertThat(messagesTo(student, "account_link")).hasSize(2);
        assertThat(messagesTo(tutor)).isEmpty();
    }

    @Test
    void anAchievementIsToldToTheStudentAndParentsInTheirLanguage() {
        long student = reachable(users().student(users().tutor()));
        long parent = reachable(users().parent(student));
        assertThat(as(parent, "parent").patch("/api/v1/notifications/preferences", Map.of("language", "en"))
                .status()).isEqualTo(200);
        publishAndWait(envelope("achievement-service", new AchievementEvents.Earned(newId(), student, "streak_5",
                "Пять подряд", "5 уроков без пропусков", "🔥", OffsetDateTime.now()), null));
        assertThat(messagesTo(student, "achievement_earned")).singleElement()
                .satisfies(m -> assertThat(m.text()).contains("Новое достижение").contains("Пять подряд"));
        assertThat(messagesTo(parent, "achievement_earned")).singleElement()
                .satisfies(m -> assertThat(m.text()).contains("earned an achievement").contains(nameOf(student)));
    }
}
