package ru.repitbot.notification.db;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The delivery queue's way in (docs/domain/notifications.md#tables): every sender — notices, reminders, reports,
 * digests, messages, broadcasts — puts its messages here and the delivery engine takes them out. A message is
 * inserted once per occasion key and recipient ({@code INSERT … ON CONFLICT (idempotency_key) DO NOTHING}), so a
 * redelivered event, a second replica or a job run twice adds nothing. Call it inside the transaction that records
 * the occasion (the inbox row of the event), so both happen or neither.
 */
@Repository
public class OutgoingMessages {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public OutgoingMessages(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** @return the new message's id, or empty when this key had already reached this recipient */
    public Optional<Long> enqueue(NewMessage message) {
        Instant now = clock.instant();
        Instant notBefore = message.notBefore() == null || message.notBefore().isBefore(now) ? now
                : message.notBefore();
        List<Long> ids = jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement("""
                    INSERT INTO outgoing_message (idempotency_key, recipient_id, telegram_chat_id, kind, sender_id,
                        subject_type, subject_id, subject_at, body_text, file_ids, file_kind, conversation_id,
                        reply_to_message_id, broadcast_id, next_attempt_at, expires_at, created_at)
                    VALUES (?, ?, (SELECT telegram_chat_id FROM recipient WHERE user_id = ?), ?, ?, ?, ?, ?, ?, ?, ?,
                        ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (idempotency_key) DO NOTHING
                    RETURNING id""");
            Array files = connection.createArrayOf("text", message.fileIds().toArray());
            int i = 0;
            statement.setString(++i, message.storedKey());
            statement.setLong(++i, message.recipientId());
            statement.setLong(++i, message.recipientId());
            statement.setString(++i, message.kind().value());
            statement.setObject(++i, message.senderId());
            statement.setString(++i, message.subjectType());
            statement.setObject(++i, message.subjectId());
            statement.setTimestamp(++i, timestamp(message.subjectAt()));
            statement.setString(++i, message.text());
            statement.setArray(++i, files);
            statement.setString(++i, message.fileKind());
            statement.setObject(++i, message.conversationId());
            statement.setObject(++i, message.replyToMessageId());
            statement.setObject(++i, message.broadcastId());
            statement.setTimestamp(++i, Timestamp.from(notBefore));
            statement.setTimestamp(++i, timestamp(message.expiresAt()));
            statement.setTimestamp(++i, Timestamp.from(now));
            return statement;
        }, (rs, row) -> rs.getLong(1));
        return ids.stream().findFirst();
    }

    /**
     * Cancels what is still queued about a subject (a lesson moved or cancelled: its reminders; a homework handed in:
     * its deadline reminder), optionally only the kinds given.
     *
     * @return how many were cancelled
     */
    public int cancelQueuedAbout(String subjectType, long subjectId, List<String> kinds, String reason) {
        String kindFilter = kinds == null || kinds.isEmpty() ? "" : " AND kind = ANY (?)";
        return jdbc.update(connection -> {
            PreparedStatement statement = connection.prepareStatement("""
                    UPDATE outgoing_message SET status = 'cancelled', finished_at = ?, last_error = ?
                    WHERE status = 'queued' AND subject_type = ? AND subject_id = ?""" + kindFilter);
            int i = 0;
            statement.setTimestamp(++i, Timestamp.from(clock.instant()));
            statement.setString(++i, reason);
            statement.setString(++i, subjectType);
            statement.setLong(++i, subjectId);
            if (!kindFilter.isEmpty()) {
                statement.setArray(++i, connection.createArrayOf("varchar", kinds.toArray()));
            }
            return statement;
        });
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
