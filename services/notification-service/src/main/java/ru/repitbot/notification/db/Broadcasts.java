package ru.repitbot.notification.db;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import ru.repitbot.models.PageQuery;

/**
 * A tutor's broadcasts ({@code broadcast}), who each goes to ({@code broadcast_recipient}, fixed when it starts) and
 * how far each recipient's message got (its {@code outgoing_message}), from which progress and the final report are
 * counted (docs/domain/notifications.md#q17-messages-are-stored).
 */
@Repository("broadcastRows")
public class Broadcasts {

    private static final String COLUMNS = """
            id, tutor_id, audience, body_text, file_ids, file_kind, status, created_at, cancelled_at, finished_at""";

    private final JdbcTemplate jdbc;

    public Broadcasts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Broadcast(long id, long tutorId, String audience, String text, List<String> fileIds,
            String fileKind, String status, Instant createdAt, Instant cancelledAt, Instant finishedAt) {

        public boolean running() {
            return "running".equals(status);
        }
    }

    /**
     * One recipient and their message's state: {@code messageStatus} is {@code null} when no message was queued
     * (the reader had switched broadcasts off); {@code reason} what the engine recorded, or why they are unreachable.
     */
    public record Recipient(long userId, Long messageId, String messageStatus, String reason, Instant finishedAt) {
    }

    public long create(long tutorId, String audience, String text, List<String> fileIds, String fileKind,
            Instant at) {
        return jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement("""
                    INSERT INTO broadcast (tutor_id, audience, body_text, file_ids, file_kind, created_at)
                    VALUES (?, ?, ?, ?, ?, ?) RETURNING id""");
            statement.setLong(1, tutorId);
            statement.setString(2, audience);
            statement.setString(3, text);
            statement.setArray(4, connection.createArrayOf("text", fileIds.toArray()));
            statement.setString(5, fileKind);
            statement.setTimestamp(6, Timestamp.from(at));
            return statement;
        }, (rs, i) -> rs.getLong(1)).getFirst();
    }

    public void addRecipient(long broadcastId, long userId, Long messageId) {
        jdbc.update("INSERT INTO broadcast_recipient (broadcast_id, user_id, message_id) VALUES (?, ?, ?)",
                broadcastId, userId, messageId);
    }

    public Optional<Broadcast> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM broadcast WHERE id = ?", BROADCAST, id).stream().findFirst();
    }

    /** The broadcast, its row locked until the transaction ends (cancel and finish do not cross). */
    public Optional<Broadcast> lock(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM broadcast WHERE id = ? FOR UPDATE", BROADCAST, id).stream()
                .findFirst();
    }

    /** A tutor's broadcasts ({@code tutorId} {@code null}: everyone's), newest first. */
    public Conversations.Page<Broadcast> page(Long tutorId, PageQuery paging) {
        String where = tutorId == null ? "" : " WHERE tutor_id = ?";
        Object[] filter = tutorId == null ? new Object[0] : new Object[] {tutorId};
        long total = jdbc.queryForObject("SELECT count(*) FROM broadcast" + where, Long.class, filter);
        Object[] args = tutorId == null ? new Object[] {paging.size(), paging.offset()}
                : new Object[] {tutorId, paging.size(), paging.offset()};
        List<Broadcast> items = jdbc.query("SELECT " + COLUMNS + " FROM broadcast" + where
                + " ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?", BROADCAST, args);
        return new Conversations.Page<>(items, total);
    }

    public List<Recipient> recipients(long broadcastId) {
        return jdbc.query("""
                SELECT r.user_id, r.message_id, m.status, COALESCE(m.last_error, u.reason), m.finished_at
                FROM broadcast_recipient r
                LEFT JOIN outgoing_message m ON m.id = r.message_id
                LEFT JOIN unreachable_chat u ON u.user_id = r.user_id AND m.status = 'unreachable'
                WHERE r.broadcast_id = ? ORDER BY r.user_id""",
                (rs, i) -> new Recipient(rs.getLong(1), rs.getObject(2, Long.class), rs.getString(3),
                        rs.getString(4), Conversations.instant(rs, "finished_at")), broadcastId);
    }

    /** Marks a running broadcast finished (nothing of it is queued or being sent any more). */
    public void finish(long id, Instant at) {
        jdbc.update("UPDATE broadcast SET status = 'finished', finished_at = ? WHERE id = ? AND status = 'running'",
                Timestamp.from(at), id);
    }

    /**
     * Cancels a broadcast and every message of it still queued (one already being sent goes on).
     *
     * @return how many queued messages were cancelled
     */
    public int cancel(long id, Instant at) {
        jdbc.update("UPDATE broadcast SET status = 'cancelled', cancelled_at = ?, finished_at = ? WHERE id = ?",
                Timestamp.from(at), Timestamp.from(at), id);
        return jdbc.update("""
                UPDATE outgoing_message SET status = 'cancelled', finished_at = ?, last_error = 'broadcast cancelled'
                WHERE broadcast_id = ? AND status = 'queued'""", Timestamp.from(at), id);
    }

    private static final RowMapper<Broadcast> BROADCAST = (rs, i) -> new Broadcast(rs.getLong("id"),
            rs.getLong("tutor_id"), rs.getString("audience"), rs.getString("body_text"),
            Conversations.files(rs.getArray("file_ids")), rs.getString("file_kind"), rs.getString("status"),
            Conversations.instant(rs, "created_at"), Conversations.instant(rs, "cancelled_at"),
            Conversations.instant(rs, "finished_at"));
}
