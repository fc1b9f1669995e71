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

    /** Stores a new token for the owner and scope, replacing (rotating) any earlier one. */
    @Transactional
    public void store(long ownerId, String ownerRole, Long studentId, String tokenHash, Instant now) {
        jdbc.update("DELETE FROM calendar_feeds WHERE owner_id = ? AND COALESCE(student_id, 0) = COALESCE(?, 0)",
                ownerId, studentId);
        jdbc.update("""
                INSERT INTO calendar_feeds (owner_id, owner_role, student_id, token_hash, created_at)
                VALUES (?, ?, ?, ?, ?)""", ownerId, ownerRole, studentId, tokenHash, Timestamp.from(now));
    }

    public Optional<Feed> findByTokenHash(String tokenHash) {
        List<Feed> feeds = jdbc.query(
                "SELECT id, owner_id, owner_role, student_id FROM calendar_feeds WHERE token_hash = ?",
                (rs, i) -> new Feed(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getObject(4, Long.class)),
                tokenHash);
        return feeds.stream().findFirst();
    }
}
