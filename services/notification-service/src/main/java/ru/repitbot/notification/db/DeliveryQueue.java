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
import org.springframework.stereotype.Repository;

/**
 * The delivery queue's way out (docs/domain/notifications.md#sending-through-telegram): the engine takes due rows
 * ({@code queued}, {@code next_attempt_at} reached) with {@code FOR UPDATE SKIP LOCKED}, so replicas never take the
 * same row, and marks them {@code sending} under a lease. Every change of a row the engine holds is conditional on
 * the lease still being this replica's: after a lease expired and another replica took the row, the late answer of
 * the first one changes nothing.
 */
@Repository
public class DeliveryQueue {

    private static final String COLUMNS = """
            o.id, o.recipient_id, o.telegram_chat_id, o.kind, o.body_text, o.file_ids, o.file_kind, o.created_at,
            o.next_attempt_at, o.expires_at, o.attempts, o.subject_type, o.subject_at,
            (SELECT u.reason FROM unreachable_chat u WHERE u.user_id = o.recipient_id) AS unreachable_reason""";

    private final JdbcTemplate jdbc;

    public DeliveryQueue(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes up to {@code limit} due rows for {@code owner} until {@code leaseUntil}: of each person only the first
     * due one (by id), and none of a person with a row in flight (this replica's or another's), so one chat's
     * messages go out in order whichever replica takes them. Two replicas claiming at once cannot split a person:
     * while the first one's claim is uncommitted the person's first row still looks queued to the second, which
     * then takes none of that person's rows.
     */
    public List<QueuedMessage> claim(String owner, int limit, Instant now, Instant leaseUntil) {
        // One pass over the due rows (window, no correlated subqueries): its cost does not depend on the planner's
        // statistics, which lag behind when thousands of rows fall due at once.
        return jdbc.query("""
                WITH due AS (
                    SELECT id, recipient_id, next_attempt_at,
                        row_number() OVER (PARTITION BY recipient_id ORDER BY id) AS place
                    FROM outgoing_message WHERE status = 'queued' AND next_attempt_at <= ?),
                busy AS (
                    SELECT DISTINCT recipient_id FROM outgoing_message WHERE status = 'sending'),
                heads AS (
                    SELECT d.id FROM due d
                    WHERE d.place = 1 AND NOT EXISTS (SELECT 1 FROM busy b WHERE b.recipient_id = d.recipient_id)
                    ORDER BY d.next_attempt_at, d.id
                    LIMIT ?),
                taken AS (
                    SELECT m.id FROM outgoing_message m JOIN heads h ON h.id = m.id
                    WHERE m.status = 'queued'
                    FOR UPDATE OF m SKIP LOCKED)
                UPDATE outgoing_message o SET status = 'sending', lease_owner = ?, lease_until = ?,
                    telegram_chat_id = COALESCE((SELECT r.telegram_chat_id FROM recipient r
                                                 WHERE r.user_id = o.recipient_id), o.telegram_chat_id)
                FROM taken WHERE o.id = taken.id
                RETURNING
                """ + COLUMNS, (rs, row) -> message(rs),
                Timestamp.from(now), limit, owner, Timestamp.from(leaseUntil));
    }

    /** Extends the lease on rows still held by {@code owner}. */
    public void renew(String owner, Collection<Long> ids, Instant leaseUntil) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("""
                    UPDATE outgoing_message SET lease_until = ?
                    WHERE id = ANY (?) AND status = 'sending' AND lease_owner = ?""");
            statement.setTimestamp(1, Timestamp.from(leaseUntil));
            statement.setArray(2, connection.createArrayOf("bigint", ids.toArray()));
            statement.setString(3, owner);
            return statement;
        });
    }

    /**
     * Puts rows of {@code owner} back in the queue untried (the engine stops, or an earlier message of the same chat
     * must be retried first), not before {@code notBefore} when given.
     */
    public int release(String owner, Collection<Long> ids, Instant notBefore) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.update(connection -> {
            var statement = connection.prepareStatement("""
                    UPDATE outgoing_message SET status = 'queued', lease_owner = NULL, lease_until = NULL,
                        next_attempt_at = GREATEST(next_attempt_at, COALESCE(?, next_attempt_at))
                    WHERE id = ANY (?) AND status = 'sending' AND lease_owner = ?""");
            statement.setTimestamp(1, notBefore == null ? null : Timestamp.from(notBefore));
            statement.setArray(2, connection.createArrayOf("bigint", ids.toArray()));
            statement.setString(3, owner);
            return statement;
        });
    }

    /** A row sent: Telegram's message id kept (a reply to it is threaded back). False when the lease was lost. */
    public boolean markSent(long id, String owner, long chatId, long telegramMessageId, int attempts, Instant at) {
        return jdbc.update("""
                UPDATE outgoing_message SET status = 'sent', telegram_chat_id = ?, telegram_message_id = ?,
                    attempts = ?, sent_at = ?, finished_at = ?, last_error = NULL, lease_owner = NULL,
                    lease_until = NULL
                WHERE id = ? AND status = 'sending' AND lease_owner = ?""",
                chatId, telegramMessageId, attempts, Timestamp.from(at), Timestamp.from(at), id, owner) == 1;
    }

    /** A row Telegram accepted, for {@link #markSent(String, List)}. */
    public record SentRow(long id, long chatId, long telegramMessageId, int attempts, Instant at) {
    }

    /**
     * Many rows sent, in one batch: which of them were still this replica's (the others' leases were lost).
     */
    public boolean[] markSent(String owner, List<SentRow> rows) {
        int[][] counts = jdbc.batchUpdate("""
                UPDATE outgoing_message SET status = 'sent', telegram_chat_id = ?, telegram_message_id = ?,
                    attempts = ?, sent_at = ?, finished_at = ?, last_error = NULL, lease_owner = NULL,
                    lease_until = NULL
                WHERE id = ? AND status = 'sending' AND lease_owner = ?""", rows, 200, (statement, row) -> {
                    statement.setLong(1, row.chatId());
                    statement.setLong(2, row.telegramMessageId());
                    statement.setInt(3, row.attempts());
                    statement.setTimestamp(4, Timestamp.from(row.at()));
                    statement.setTimestamp(5, Timestamp.from(row.at()));
                    statement.setLong(6, row.id());
                    statement.setString(7, owner);
                });
        boolean[] updated = new boolean[rows.size()];
        int k = 0;
        for (int[] batch : counts) {
            for (int count : batch) {
                updated[k++] = count == 1;
            }
        }
        return updated;
    }

    /** Back in the queue for another try at {@code at}. */
    public boolean markRetry(long id, String owner, int attempts, Instant at, String reason) {
        return jdbc.update("""
                UPDATE outgoing_message SET status = 'queued', attempts = ?, next_attempt_at = ?, last_error = ?,
                    lease_owner = NULL, lease_until = NULL
                WHERE id = ? AND status = 'sending' AND lease_owner = ?""",
                attempts, Timestamp.from(at), reason, id, owner) == 1;
    }

    /**
     * A person's queued rows after {@code afterId} wait at least until {@code notBefore}: when one message of a chat
     * must be tried again later, the chat's later messages wait behind it, so they still arrive in order.
     */
    public int holdLaterOf(long recipientId, long afterId, Instant notBefore) {
        return jdbc.update("""
                UPDATE outgoing_message SET next_attempt_at = ?
                WHERE recipient_id = ? AND status = 'queued' AND id > ? AND next_attempt_at < ?""",
                Timestamp.from(notBefore), recipientId, afterId, Timestamp.from(notBefore));
    }

    /** Ended without being sent: {@code failed}, {@code unreachable} or {@code cancelled}. */
    public boolean markEnded(long id, String owner, String status, int attempts, Instant at, String reason) {
        return jdbc.update("""
                UPDATE outgoing_message SET status = ?, attempts = ?, finished_at = ?, last_error = ?,
                    lease_owner = NULL, lease_until = NULL
                WHERE id = ? AND status = 'sending' AND lease_owner = ?""",
                status, attempts, Timestamp.from(at), reason, id, owner) == 1;
    }

    /** A queued row of a person who turned out unreachable, ended at once; with its kind, for the events. */
    public record Ended(long id, long recipientId, String kind) {
    }

    /** Ends every queued row of {@code recipientId} {@code unreachable}. */
    public List<Ended> endQueuedOf(long recipientId, Instant at, String reason) {
        return jdbc.query("""
                UPDATE outgoing_message SET status = 'unreachable', finished_at = ?, last_error = ?
                WHERE recipient_id = ? AND status = 'queued'
                RETURNING id, recipient_id, kind""",
                (rs, row) -> new Ended(rs.getLong(1), rs.getLong(2), rs.getString(3)),
                Timestamp.from(at), reason, recipientId);
    }

    /** A row whose lease ran out while {@code sending}: back in the queue, counted as an attempt. */
    public record Reclaimed(long id, String previousOwner) {
    }

    /**
     * Puts rows whose lease expired back in the queue (their replica crashed or hung mid-send). Telegram may have
     * received them; the caller records that.
     */
    public List<Reclaimed> reclaimExpired(Instant now) {
        return jdbc.query("""
                WITH expired AS (
                    SELECT id, lease_owner FROM outgoing_message
                    WHERE status = 'sending' AND lease_until < ?
                    FOR UPDATE SKIP LOCKED)
                UPDATE outgoing_message o SET status = 'queued', attempts = o.attempts + 1,
                    last_error = 'lease of ' || COALESCE(expired.lease_owner, '?') || ' expired while sending',
                    lease_owner = NULL, lease_until = NULL
                FROM expired WHERE o.id = expired.id
                RETURNING o.id, expired.lease_owner""",
                (rs, row) -> new Reclaimed(rs.getLong(1), rs.getString(2)), Timestamp.from(now));
    }

    /** How many rows are due now, and since when the oldest of them is. */
    public record Depth(long due, Instant oldestDueAt) {
    }

    public Depth depth(Instant now) {
        return jdbc.queryForObject("""
                SELECT count(*), min(next_attempt_at) FROM outgoing_message
                WHERE status = 'queued' AND next_attempt_at <= ?""",
                (rs, row) -> new Depth(rs.getLong(1), instant(rs, 2)), Timestamp.from(now));
    }

    private static QueuedMessage message(ResultSet rs) throws SQLException {
        Array files = rs.getArray("file_ids");
        List<String> fileIds = files == null ? List.of() : Arrays.asList((String[]) files.getArray());
        long chat = rs.getLong("telegram_chat_id");
        Long chatId = rs.wasNull() ? null : chat;
        return new QueuedMessage(rs.getLong("id"), rs.getLong("recipient_id"), chatId, rs.getString("kind"),
                rs.getString("body_text"), fileIds, rs.getString("file_kind"), instant(rs, "created_at"),
                instant(rs, "next_attempt_at"), instant(rs, "expires_at"), rs.getInt("attempts"),
                rs.getString("subject_type"), instant(rs, "subject_at"), rs.getString("unreachable_reason"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
