package ru.repitbot.lesson.db;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Calendar feed links: owner, scope and the SHA-256 of the secret token. */
@Component
public class CalendarFeeds {

    private final JdbcTemplate jdbc;

    public CalendarFeeds(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A feed: whose lessons it shows; {@code studentId == null} means all lessons the owner has. */
    public record Feed(long id, long ownerId, String ownerRole, Long studentId) {
    }

    /** Stores a new token for the owner and scope, replacing (rotating) any earlier one; returns the feed's id. */
    @Transactional
    public long store(long ownerId, String ownerRole, Long studentId, String tokenHash, Instant now) {
        jdbc.update("DELETE FROM calendar_feeds WHERE owner_id = ? AND COALESCE(student_id, 0) = COALESCE(?, 0)",
                ownerId, studentId);
        return jdbc.queryForObject("""
                INSERT INTO calendar_feeds (owner_id, owner_role, student_id, token_hash, created_at)
                VALUES (?, ?, ?, ?, ?) RETURNING id""", Long.class, ownerId, ownerRole, studentId, tokenHash,
                Timestamp.from(now));
    }

    /** A person's feed links as they can be listed: the token itself is never stored, only when it was made. */
    public record Listed(long id, Long studentId, Instant createdAt) {
    }

    public List<Listed> ofOwner(long ownerId) {
        return jdbc.query("SELECT id, student_id, created_at FROM calendar_feeds WHERE owner_id = ? ORDER BY id",
                (rs, i) -> new Listed(rs.getLong(1), rs.getObject(2, Long.class), rs.getTimestamp(3).toInstant()),
                ownerId);
    }

    /** Revokes one of the owner's feeds; {@code false} when the owner has no such feed. */
    public boolean revoke(long ownerId, long feedId) {
        return jdbc.update("DELETE FROM calendar_feeds WHERE owner_id = ? AND id = ?", ownerId, feedId) > 0;
    }

    public Optional<Feed> findByTokenHash(String tokenHash) {
        List<Feed> feeds = jdbc.query(
                "SELECT id, owner_id, owner_role, student_id FROM calendar_feeds WHERE token_hash = ?",
                (rs, i) -> new Feed(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getObject(4, Long.class)),
                tokenHash);
        return feeds.stream().findFirst();
    }
}
