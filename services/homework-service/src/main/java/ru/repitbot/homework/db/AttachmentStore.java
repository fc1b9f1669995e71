package ru.repitbot.homework.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import ru.repitbot.homework.domain.AttachmentInfo;
import ru.repitbot.homework.domain.AttachmentKind;
import ru.repitbot.homework.domain.AttachmentPolicy.AcceptedFile;

/**
 * Uploaded files in PostgreSQL ({@code bytea}): written in the transaction of the homework change they belong to.
 * Lists never read the bytes; only a download does.
 */
@Repository
public class AttachmentStore {

    private static final String INFO_COLUMNS =
            "id, homework_id, kind, file_name, content_type, size_bytes, sha256, uploaded_by, created_at";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    public AttachmentStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    public AttachmentInfo save(long homeworkId, AttachmentKind kind, AcceptedFile file, byte[] content,
            String uploadedBy, Instant now) {
        Long id = jdbc.queryForObject("""
                INSERT INTO homework_attachment (homework_id, kind, file_name, content_type, size_bytes, sha256,
                  content, uploaded_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""", Long.class,
                homeworkId, kind.value(), file.fileName(), file.type().contentType(), file.size(), file.sha256(),
                content, uploadedBy, Timestamp.from(now));
        return new AttachmentInfo(id, homeworkId, kind, file.fileName(), file.type().contentType(), file.size(),
                file.sha256(), uploadedBy, now);
    }

    public int count(long homeworkId, AttachmentKind kind) {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM homework_attachment WHERE homework_id = ? AND kind = ?",
                Integer.class, homeworkId, kind.value());
        return n == null ? 0 : n;
    }

    public List<AttachmentInfo> list(long homeworkId) {
        return jdbc.query("SELECT " + INFO_COLUMNS + " FROM homework_attachment WHERE homework_id = ? ORDER BY id",
                AttachmentStore::info, homeworkId);
    }

    public Map<Long, List<AttachmentInfo>> list(Collection<Long> homeworkIds) {
        Map<Long, List<AttachmentInfo>> result = new HashMap<>();
        if (homeworkIds.isEmpty()) {
            return result;
        }
        named.query("SELECT " + INFO_COLUMNS + " FROM homework_attachment WHERE homework_id IN (:ids) ORDER BY id",
                Map.of("ids", homeworkIds), (ResultSet rs) -> {
                    AttachmentInfo a = info(rs, 0);
                    result.computeIfAbsent(a.homeworkId(), k -> new ArrayList<>()).add(a);
                });
        return result;
    }

    /** A file with its bytes, if it belongs to {@code homeworkId}. */
    public Optional<StoredFile> load(long homeworkId, long attachmentId) {
        return jdbc.query("SELECT " + INFO_COLUMNS + ", content FROM homework_attachment WHERE id = ? "
                + "AND homework_id = ?", (rs, row) -> new StoredFile(info(rs, row), rs.getBytes("content")),
                attachmentId, homeworkId).stream().findFirst();
    }

    public Optional<AttachmentInfo> find(long homeworkId, long attachmentId) {
        return jdbc.query("SELECT " + INFO_COLUMNS + " FROM homework_attachment WHERE id = ? AND homework_id = ?",
                AttachmentStore::info, attachmentId, homeworkId).stream().findFirst();
    }

    public void delete(long attachmentId) {
        jdbc.update("DELETE FROM homework_attachment WHERE id = ?", attachmentId);
    }

    /** Removes every file of one side ({@code kind}) of a homework, bytes included; returns how many. */
    public int deleteAll(long homeworkId, AttachmentKind kind) {
        return jdbc.update("DELETE FROM homework_attachment WHERE homework_id = ? AND kind = ?", homeworkId,
                kind.value());
    }

    /** A file and its bytes. */
    public record StoredFile(AttachmentInfo info, byte[] content) {
    }

    private static AttachmentInfo info(ResultSet rs, int row) throws SQLException {
        return new AttachmentInfo(rs.getLong("id"), rs.getLong("homework_id"),
                AttachmentKind.fromValue(rs.getString("kind")), rs.getString("file_name"),
                rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
                rs.getString("uploaded_by"), rs.getTimestamp("created_at").toInstant());
    }
}
