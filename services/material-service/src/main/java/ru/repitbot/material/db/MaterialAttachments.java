package ru.repitbot.material.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import ru.repitbot.material.domain.MaterialAttachment;

/** The {@code material_attachment} table: materials attached to lessons and homework. */
@Repository
public class MaterialAttachments {

    private static final String COLUMNS = "id, material_id, lesson_id, homework_id, tutor_id, student_id, created_at";

    private final JdbcTemplate jdbc;

    public MaterialAttachments(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Attaches once: attaching the same material to the same lesson or homework again gives the first row. */
    public MaterialAttachment attach(long materialId, Long lessonId, Long homeworkId, long tutorId, long studentId,
            String createdBy, Instant now) {
        List<MaterialAttachment> inserted = jdbc.query("""
                INSERT INTO material_attachment (material_id, lesson_id, homework_id, tutor_id, student_id,
                  created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING\s""" + COLUMNS,
                MaterialAttachments::attachment, materialId, lessonId, homeworkId, tutorId, studentId, createdBy,
                Timestamp.from(now));
        if (!inserted.isEmpty()) {
            return inserted.getFirst();
        }
        return existing(materialId, lessonId, homeworkId).orElseThrow();
    }

    public Optional<MaterialAttachment> existing(long materialId, Long lessonId, Long homeworkId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM material_attachment WHERE material_id = ? AND "
                + (lessonId != null ? "lesson_id = ?" : "homework_id = ?"), MaterialAttachments::attachment,
                materialId, lessonId != null ? lessonId : homeworkId).stream().findFirst();
    }

    public List<MaterialAttachment> of(long materialId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM material_attachment WHERE material_id = ? ORDER BY id",
                MaterialAttachments::attachment, materialId);
    }

    public Optional<MaterialAttachment> find(long materialId, long attachmentId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM material_attachment WHERE id = ? AND material_id = ?",
                MaterialAttachments::attachment, attachmentId, materialId).stream().findFirst();
    }

    public void delete(long attachmentId) {
        jdbc.update("DELETE FROM material_attachment WHERE id = ?", attachmentId);
    }

    private static MaterialAttachment attachment(ResultSet rs, int row) throws SQLException {
        long lesson = rs.getLong("lesson_id");
        Long lessonId = rs.wasNull() ? null : lesson;
        long homework = rs.getLong("homework_id");
        Long homeworkId = rs.wasNull() ? null : homework;
        return new MaterialAttachment(rs.getLong("id"), rs.getLong("material_id"), lessonId, homeworkId,
                rs.getLong("tutor_id"), rs.getLong("student_id"), rs.getTimestamp("created_at").toInstant());
    }
}
