package ru.repitbot.notification.db;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads of {@code outgoing_message} as a history (what was sent to whom, and how it went) and of
 * {@code unreachable_chat}. docs/domain/notifications.md#tables
 */
@Repository
public class History {

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    public History(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    public record Sent(long id, String kind, long recipientId, Long senderId, String status, String text,
            List<String> fileIds, String fileKind, Instant createdAt, Instant sentAt, Instant finishedAt,
            String lastError, Long conversationId, Long broadcastId) {
    }

    public record Unreachable(long userId, String reason, String description, Instant detectedAt) {
    }

    public long countTo(long recipientId) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM outgoing_message WHERE recipient_id = ?", Long.class,
                recipientId);
        return count == null ? 0 : count;
    }

    /** Messages to one person, newest first. */
    public List<Sent> to(long recipientId, long offset, int limit) {
        return jdbc.query("""
                SELECT id, kind, recipient_id, sender_id, status, body_text, file_ids, file_kind, created_at,
                       sent_at, finished_at, last_error, conversation_id, broadcast_id
                FROM outgoing_message WHERE recipient_id = ? ORDER BY created_at DESC, id DESC OFFSET ? LIMIT ?""",
                (rs, i) -> sent(rs), recipientId, offset, limit);
    }

    /** Of these people, who is marked unreachable; {@code null} = everyone marked. */
    public List<Unreachable> unreachable(Collection<Long> among) {
        String sql = "SELECT user_id, reason, description, detected_at FROM unreachable_chat";
        if (among == null) {
            return jdbc.query(sql + " ORDER BY detected_at DESC, user_id", (rs, i) -> unreachable(rs));
        }
        if (among.isEmpty()) {
            return List.of();
        }
        return named.query(sql + " WHERE user_id IN (:ids) ORDER BY detected_at DESC, user_id",
                new MapSqlParameterSource("ids", among), (rs, i) -> unreachable(rs));
    }

    private static Unreachable unreachable(ResultSet rs) throws SQLException {
        return new Unreachable(rs.getLong(1), rs.getString(2), rs.getString(3), instant(rs.getTimestamp(4)));
    }

    private static Sent sent(ResultSet rs) throws SQLException {
        Array files = rs.getArray(7);
        List<String> fileIds = files == null ? List.of() : Arrays.asList((String[]) files.getArray());
        return new Sent(rs.getLong(1), rs.getString(2), rs.getLong(3), (Long) rs.getObject(4), rs.getString(5),
                rs.getString(6), fileIds, rs.getString(8), instant(rs.getTimestamp(9)), instant(rs.getTimestamp(10)),
                instant(rs.getTimestamp(11)), rs.getString(12), (Long) rs.getObject(13), (Long) rs.getObject(14));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
