package ru.repitbot.notification.messaging;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.repitbot.testsupport.AccessFixtures;
import ru.repitbot.testsupport.ApiClient;
import ru.repitbot.testsupport.TestTokens;

/**
 * The real service on a random port over real PostgreSQL (and RabbitMQ), for the messages and broadcasts tests. Users
 * are rows of the access projection ({@link AccessFixtures}); the delivery engine's work is played by setting the
 * queued rows' status as it would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class MessagingIntegrationTest {

    private static final AtomicLong TELEGRAM_IDS = new AtomicLong(5_000);

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    protected AccessFixtures users() {
        return AccessFixtures.direct(jdbc);
    }

    protected ApiClient as(long userId, String role) {
        return ApiClient.local(port).withToken(TestTokens.get().user(userId, role));
    }

    protected ApiClient tutor(long id) {
        return as(id, "tutor");
    }

    protected ApiClient student(long id) {
        return as(id, "student");
    }

    protected ApiClient parent(long id) {
        return as(id, "parent");
    }

    protected ApiClient admin() {
        return as(1, "admin");
    }

    /** The person told the service their Telegram chat (as the bot does at login); no quiet hours, unless set. */
    protected long chatOf(long userId) {
        long chat = 7_000_000_000L + userId;
        jdbc.update("""
                INSERT INTO recipient (user_id, telegram_chat_id) VALUES (?, ?)
                ON CONFLICT (user_id) DO UPDATE SET telegram_chat_id = EXCLUDED.telegram_chat_id""", userId, chat);
        return chat;
    }

    protected void language(long userId, String language) {
        jdbc.update("""
                INSERT INTO recipient (user_id, language) VALUES (?, ?)
                ON CONFLICT (user_id) DO UPDATE SET language = EXCLUDED.language""", userId, language);
    }

    /** Quiet hours switched off for this person: everything goes out at once. */
    protected void noQuietHours(long... userIds) {
        for (long userId : userIds) {
            jdbc.update("""
                    INSERT INTO quiet_hours (user_id, starts_at, ends_at) VALUES (?, '00:00', '00:00')
                    ON CONFLICT (user_id) DO UPDATE SET starts_at = EXCLUDED.starts_at, ends_at = EXCLUDED.ends_at""",
                    userId);
        }
    }

    /** Quiet hours from an hour ago until three hours from now on the person's clock (their zone is the default). */
    protected Instant quietNow(long userId) {
        ZoneId zone = ZoneId.of(AccessFixtures.DEFAULT_ZONE);
        LocalTime now = LocalTime.now(zone).withSecond(0).withNano(0);
        jdbc.update("""
                INSERT INTO quiet_hours (user_id, starts_at, ends_at) VALUES (?, ?, ?)
                ON CONFLICT (user_id) DO UPDATE SET starts_at = EXCLUDED.starts_at, ends_at = EXCLUDED.ends_at""",
                userId, now.minusHours(1), now.plusHours(3));
        return Instant.now().plusSeconds(3 * 3600 - 120);
    }

    /** The delivery engine sent the message: it is {@code sent}, with its Telegram message id. */
    protected long delivered(long messageId) {
        long telegramId = TELEGRAM_IDS.incrementAndGet();
        jdbc.update("""
                UPDATE outgoing_message SET status = 'sent', sent_at = now(), finished_at = now(),
                  telegram_message_id = ? WHERE id = ?""", telegramId, messageId);
        return telegramId;
    }

    protected void finishedAs(long messageId, String status, String error) {
        jdbc.update("UPDATE outgoing_message SET status = ?, finished_at = now(), last_error = ? WHERE id = ?",
                status, error, messageId);
    }

    protected Map<String, Object> row(long messageId) {
        return jdbc.queryForMap("SELECT * FROM outgoing_message WHERE id = ?", messageId);
    }
}
