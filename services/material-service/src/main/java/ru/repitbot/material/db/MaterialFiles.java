package ru.repitbot.material.db;

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
import ru.repitbot.material.domain.FilePolicy.AcceptedFile;
import ru.repitbot.material.domain.MaterialFile;

/** The {@code material_file} table: what is known of each uploaded file; the bytes are in the FileStore. */
@Repository
public class MaterialFiles {

    private static final String COLUMNS = "id, material_id, file_name, content_type, size_bytes, sha256, storage_key, "
            + "telegram_file_id, created_at";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    public MaterialFiles(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    public MaterialFile insert(long materialId, AcceptedFile file, String storageKey, String uploadedBy,
            Instant now) {
        Long id = jdbc.queryForObject("""
                INSERT INTO material_file (material_id, file_name, content_type, size_bytes, sha256, storage_key,
                  uploaded_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""", Long.class, materialId, file.fileName(),
                file.type().contentType(), file.size(), file.sha256(), storageKey, uploadedBy, Timestamp.from(now));
        return new MaterialFile(id, materialId, file.fileName(), file.type().contentType(), file.size(),
                file.sha256(), storageKey, null, now);
    }

    public int count(long materialId) {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM material_file WHERE material_id = ?", Integer.class,
                materialId);
        return n == null ? 0 : n;
    }

    public List<MaterialFile> of(long materialId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM material_file WHERE material_id = ? ORDER BY id",
                MaterialFiles::file, materialId);
    }

    public Map<Long, List<MaterialFile>> of(Collection<Long> materialIds) {
        Map<Long, List<MaterialFile>> result = new HashMap<>();
        if (materialIds.isEmpty()) {
            return result;
        }
        named.query("SELECT " + COLUMNS + " FROM material_file WHERE material_id IN (:ids) ORDER BY id",
                Map.of("ids", materialIds), (ResultSet rs) -> {
                    MaterialFile f = file(rs, 0);
                    result.computeIfAbsent(f.materialId(), k -> new ArrayList<>()).add(f);
                });
        return result;
    }

    public Optional<MaterialFile> find(long materialId, long fileId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM material_file WHERE id = ? AND material_id = ?",
                MaterialFiles::file, fileId, materialId).stream().findFirst();
    }

    public void delete(long fileId) {
        jdbc.update("DELETE FROM material_file WHERE id = ?", fileId);
    }

    public MaterialFile rememberTelegramFileId(MaterialFile file, String telegramFileId) {
        jdbc.update("UPDATE material_file SET telegram_file_id = ? WHERE id = ?", telegramFileId, file.id());
        return new MaterialFile(file.id(), file.materialId(), file.fileName(), file.contentType(), file.sizeBytes(),
                file.sha256(), file.storageKey(), telegramFileId, file.createdAt());
    }

    private static MaterialFile file(ResultSet rs, int row) throws SQLException {
        return new MaterialFile(rs.getLong("id"), rs.getLong("material_id"), rs.getString("file_name"),
                rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
                rs.getString("storage_key"), rs.getString("telegram_file_id"),
                rs.getTimestamp("created_at").toInstant());
    }
}
