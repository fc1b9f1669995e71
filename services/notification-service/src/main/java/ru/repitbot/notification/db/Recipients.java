package ru.repitbot.notification.db;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * How a person is reached ({@code recipient}: Telegram chat and language) and whether they can be now
 * ({@code unreachable_chat}, written by the delivery engine, cleared when the person writes to the bot again).
 * docs/domain/notifications.md#tables
 */
@Repository
public class Recipients {

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final Clock clock;

    public Recipients(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.clock = clock;
    }

    /**
     * The person's chat is {@code chatId} (a Telegram private chat's id is the user's Telegram id). A chat belongs
     * to one person: whoever had it before loses it (a family re-registered, an account re-created). Their queued
     * messages follow them to the new chat.
     */
    public void setChat(long userId, Long chatId) {
        Timestamp now = Timestamp.from(clock.instant());
        if (chatId != null) {
            jdbc.update("UPDATE recipient SET telegram_chat_id = NULL, updated_at = ? "
                    + "WHERE telegram_chat_id = ? AND user_id <> ?", now, chatId, userId);
        }
        jdbc.update("""
                INSERT INTO recipient (user_id, telegram_chat_id, updated_at) VALUES (?, ?, ?)
                ON CONFLICT (user_id) DO UPDATE SET telegram_chat_id = EXCLUDED.telegram_chat_id,
                  updated_at = EXCLUDED.updated_at""", userId, chatId, now);
        jdbc.update("UPDATE outgoing_message SET telegram_chat_id = ? WHERE recipient_id = ? AND status = 'queued'",
                chatId, userId);
    }

    /** The person wrote to the bot again: they can be reached. */
    public void clearUnreachable(long userId) {
        jdbc.update("DELETE FROM unreachable_chat WHERE user_id = ?", userId);
    }

    public void setLanguage(long userId, String language) {
        jdbc.update("""
                INSERT INTO recipient (user_id, language, updated_at) VALUES (?, ?, ?)
                ON CONFLICT (user_id) DO UPDATE SET language = EXCLUDED.language, updated_at = EXCLUDED.updated_at""",
                userId, language, Timestamp.from(clock.instant()));
    }

    /** Of these people, those who cannot be reached now: no chat known, or marked unreachable by the engine. */
    public Set<Long> unreachableAmong(Collection<Long> userIds) {
        Set<Long> reachable = new HashSet<>();
        if (userIds.isEmpty()) {
            return Set.of();
        }
        named.query("""
                SELECT r.user_id FROM recipient r
                WHERE r.user_id IN (:ids) AND r.telegram_chat_id IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM unreachable_chat u WHERE u.user_id = r.user_id)""",
                new MapSqlParameterSource("ids", userIds), (RowCallbackHandler) rs -> reachable.add(rs.getLong(1)));
        Set<Long> unreachable = new HashSet<>(userIds);
        unreachable.removeAll(reachable);
        return unreachable;
    }

    /** A deleted user is told nothing more: what is still queued for them is cancelled. */
    public int cancelQueuedFor(long userId, String reason) {
        return jdbc.update("""
                UPDATE outgoing_message SET status = 'cancelled', finished_at = ?, last_error = ?
                WHERE recipient_id = ? AND status = 'queued'""", Timestamp.from(clock.instant()), reason, userId);
    }
}
