package ru.repitbot.notification.db;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import ru.repitbot.models.PageQuery;

/**
 * Tutor ↔ student/parent threads ({@code conversation}) and their messages, which are the {@code outgoing_message}
 * rows of the conversation in both directions (docs/domain/notifications.md#q17-messages-are-stored). One thread
 * per tutor, person and student: a parent with two of the tutor's children has two.
 */
@Repository
public class Conversations {

    private static final String MESSAGE_COLUMNS = """
            id, conversation_id, sender_id, recipient_id, message_text AS text, file_ids,
            file_kind, status, created_at, sent_at, telegram_chat_id, telegram_message_id""";

    private final JdbcTemplate jdbc;

    public Conversations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Conversation(long id, long tutorId, long otherId, long studentId, Instant lastMessageAt) {
    }

    /** One message of a conversation; {@code text} is the sender's own words. */
    public record Message(long id, long conversationId, long senderId, long recipientId, String text,
            List<String> fileIds, String fileKind, String status, Instant createdAt, Instant sentAt) {
    }

    public record Page<T>(List<T> items, long total) {
    }

    /** The thread of these three, made when it is the first message; its {@code last_message_at} moves to {@code at}. */
    public long open(long tutorId, long otherId, long studentId, Instant at) {
        return jdbc.queryForObject("""
                INSERT INTO conversation (tutor_id, other_id, student_id, created_at, last_message_at)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT ON CONSTRAINT conversation_one_per_pair
                DO UPDATE SET last_message_at = GREATEST(conversation.last_message_at, EXCLUDED.last_message_at)
                RETURNING id""", Long.class, tutorId, otherId, studentId, Timestamp.from(at), Timestamp.from(at));
    }

    public Optional<Conversation> find(long id) {
        return jdbc.query("SELECT id, tutor_id, other_id, student_id, last_message_at FROM conversation WHERE id = ?",
                CONVERSATION, id).stream().findFirst();
    }

    /** The conversations {@code userId} takes part in (as the tutor or the other side), newest first. */
    public Page<Conversation> of(long userId, PageQuery paging) {
        long total = jdbc.queryForObject(
                "SELECT count(*) FROM conversation WHERE tutor_id = ? OR other_id = ?", Long.class, userId, userId);
        List<Conversation> items = jdbc.query("""
                SELECT id, tutor_id, other_id, student_id, last_message_at FROM conversation
                WHERE tutor_id = ? OR other_id = ? ORDER BY last_message_at DESC, id DESC LIMIT ? OFFSET ?""",
                CONVERSATION, userId, userId, paging.size(), paging.offset());
        return new Page<>(items, total);
    }

    /** Every conversation, newest first (an admin's view). */
    public Page<Conversation> all(PageQuery paging) {
        long total = jdbc.queryForObject("SELECT count(*) FROM conversation", Long.class);
        List<Conversation> items = jdbc.query("""
                SELECT id, tutor_id, other_id, student_id, last_message_at FROM conversation
                ORDER BY last_message_at DESC, id DESC LIMIT ? OFFSET ?""", CONVERSATION, paging.size(),
                paging.offset());
        return new Page<>(items, total);
    }

    /** The messages of one conversation, both directions, newest first. */
    public Page<Message> messages(long conversationId, PageQuery paging) {
        long total = jdbc.queryForObject("SELECT count(*) FROM outgoing_message WHERE conversation_id = ?",
                Long.class, conversationId);
        List<Message> items = jdbc.query("SELECT " + MESSAGE_COLUMNS + " " + """
                FROM outgoing_message WHERE conversation_id = ?
                ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?""", MESSAGE, conversationId, paging.size(),
                paging.offset());
        return new Page<>(items, total);
    }

    /** A conversation message by id (notices are not conversation messages). */
    public Optional<Message> message(long id) {
        return jdbc.query("SELECT " + MESSAGE_COLUMNS + " FROM outgoing_message WHERE id = ? AND conversation_id IS NOT NULL",
                MESSAGE, id).stream().findFirst();
    }

    /**
     * The conversation message delivered to {@code recipientId} as Telegram message {@code telegramMessageId} in
     * their chat {@code chatId}: what a Telegram "reply" in that chat answers. A row queued before the person's chat
     * was known has no chat of its own; Telegram's message ids count per chat, so such a row matches by recipient.
     */
    public Optional<Message> deliveredTo(long recipientId, long chatId, long telegramMessageId) {
        return jdbc.query("SELECT " + MESSAGE_COLUMNS + " " + """
                FROM outgoing_message WHERE telegram_message_id = ? AND recipient_id = ?
                  AND (telegram_chat_id = ? OR telegram_chat_id IS NULL) AND conversation_id IS NOT NULL
                ORDER BY telegram_chat_id NULLS LAST, sent_at DESC NULLS LAST LIMIT 1""", MESSAGE, telegramMessageId,
                recipientId, chatId).stream().findFirst();
    }

    /** Keeps the sender's own words beside the text the reader gets (which says who wrote). */
    public void keepSenderText(long messageId, String text) {
        jdbc.update("UPDATE outgoing_message SET message_text = ? WHERE id = ?", text, messageId);
    }

    private static final RowMapper<Conversation> CONVERSATION = (rs, i) -> new Conversation(rs.getLong(1),
            rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getTimestamp(5).toInstant());

    private static final RowMapper<Message> MESSAGE = (rs, i) -> new Message(rs.getLong("id"),
            rs.getLong("conversation_id"), rs.getLong("sender_id"), rs.getLong("recipient_id"), rs.getString("text"),
            files(rs.getArray("file_ids")), rs.getString("file_kind"), rs.getString("status"),
            instant(rs, "created_at"), instant(rs, "sent_at"));

    static List<String> files(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
