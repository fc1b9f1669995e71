package ru.repitbot.notification.db;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * {@code unreachable_chat}: people Telegram says cannot be reached (blocked the bot, deleted the account, never
 * pressed Start, a chat that does not exist). Nothing is sent to them until they write to the bot again, which
 * deletes the row (docs/domain/notifications.md#sending-through-telegram).
 */
@Repository
public class UnreachableChats {

    private final JdbcTemplate jdbc;

    public UnreachableChats(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** How many people are marked unreachable now (the gauge notification_unreachable_chats). */
    public long count() {
        Long n = jdbc.queryForObject("SELECT count(*) FROM unreachable_chat", Long.class);
        return n == null ? 0 : n;
    }

    /** Marks {@code userId} unreachable at {@code chatId} ({@code reason}: blocked, deactivated, …). */
    public void mark(long userId, long chatId, String reason, String description, Instant at) {
        jdbc.update("""
                INSERT INTO unreachable_chat (user_id, telegram_chat_id, reason, description, detected_at)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (user_id) DO UPDATE SET telegram_chat_id = excluded.telegram_chat_id,
                    reason = excluded.reason, description = excluded.description, detected_at = excluded.detected_at""",
                userId, chatId, reason, description, Timestamp.from(at));
    }
}
