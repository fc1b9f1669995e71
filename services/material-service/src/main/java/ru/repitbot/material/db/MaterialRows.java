package ru.repitbot.material.db;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import ru.repitbot.material.domain.Material;
import ru.repitbot.material.domain.MaterialAccess;
import ru.repitbot.material.domain.MaterialDraft;

/**
 * The {@code material} table, and the search over it: PostgreSQL full-text search with the Russian configuration on
 * the generated {@code search} column (GIN index), the grade filter (an every-grade material suits any grade), and
 * what the caller may see ({@link MaterialAccess}) as SQL; newest first.
 */
@Repository
public class MaterialRows {

    private static final String COLUMNS = "m.id, m.tutor_id, m.title, m.description, m.grade, m.subject, m.tags, "
            + "m.links, m.created_by, m.created_at, m.updated_at, m.version";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    public MaterialRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    public Material insert(Long tutorId, MaterialDraft draft, String createdBy, Instant now) {
        Long id = jdbc.queryForObject("""
                INSERT INTO material (tutor_id, title, description, grade, subject, tags, links, created_by,
                  created_at, updated_at, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1) RETURNING id""", Long.class,
                tutorId, draft.title(), draft.description(), draft.grade(), draft.subject(),
                draft.tags().toArray(String[]::new), draft.links().toArray(String[]::new), createdBy,
                Timestamp.from(now), Timestamp.from(now));
        return find(id).orElseThrow();
    }

    /** Replaces the content; returns the material after the change (its version one higher). */
    public Material update(long id, MaterialDraft draft, Instant now) {
        jdbc.update("""
                UPDATE material SET title = ?, description = ?, grade = ?, subject = ?, tags = ?, links = ?,
                  updated_at = ?, version = version + 1 WHERE id = ?""",
                draft.title(), draft.description(), draft.grade(), draft.subject(),
                draft.tags().toArray(String[]::new), draft.links().toArray(String[]::new), Timestamp.from(now), id);
        return find(id).orElseThrow();
    }

    public void delete(long id) {
        jdbc.update("DELETE FROM material WHERE id = ?", id);
    }

    public Optional<Material> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM material m WHERE m.id = ?", MaterialRows::material, id)
                .stream().findFirst();
    }

    /** The row, locked until the transaction ends (an edit and a delete of the same material wait for each other). */
    public Optional<Material> lock(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM material m WHERE m.id = ? FOR UPDATE", MaterialRows::material,
                id).stream().findFirst();
    }

    /** What a search asks: words ({@code null}: any), grade, subject, attached to a lesson or a homework. */
    public record Filter(String words, Integer grade, String subject, Long lessonId, Long homeworkId) {
    }

    /** One page of what {@code access} may see and {@code filter} asks for, newest first, and the total. */
    public Page search(MaterialAccess access, Filter filter, int limit, long offset) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String where = where(access, filter, params);
        Long total = named.queryForObject("SELECT count(*) FROM material m WHERE " + where, params, Long.class);
        params.addValue("limit", limit).addValue("offset", offset);
        List<Material> items = named.query("SELECT " + COLUMNS + " FROM material m WHERE " + where
                + " ORDER BY m.created_at DESC, m.id DESC LIMIT :limit OFFSET :offset", params, MaterialRows::material);
        return new Page(items, total == null ? 0 : total);
    }

    public record Page(List<Material> items, long total) {
    }

    private static String where(MaterialAccess access, Filter filter, MapSqlParameterSource params) {
        List<String> clauses = new ArrayList<>();
        if (!access.everything()) {
            if (access.tutorId() != null) {
                clauses.add("(m.tutor_id IS NULL OR m.tutor_id = :me)");
                params.addValue("me", access.tutorId());
            } else {
                clauses.add("(m.tutor_id IS NULL OR m.tutor_id = ANY(:tutors) OR EXISTS (SELECT 1 FROM "
                        + "material_attachment a WHERE a.material_id = m.id AND a.student_id = ANY(:students)))");
                params.addValue("tutors", access.familyTutors().toArray(Long[]::new));
                params.addValue("students", access.familyStudents().toArray(Long[]::new));
            }
        }
        if (filter.words() != null) {
            clauses.add("m.search @@ websearch_to_tsquery('russian'::regconfig, :words)");
            params.addValue("words", filter.words());
        }
        if (filter.grade() != null) {
            clauses.add("(m.grade IS NULL OR m.grade = :grade)");
            params.addValue("grade", filter.grade());
        }
        if (filter.subject() != null) {
            clauses.add("lower(m.subject) = lower(:subject)");
            params.addValue("subject", filter.subject());
        }
        if (filter.lessonId() != null) {
            clauses.add("EXISTS (SELECT 1 FROM material_attachment a WHERE a.material_id = m.id "
                    + "AND a.lesson_id = :lesson)");
            params.addValue("lesson", filter.lessonId());
        }
        if (filter.homeworkId() != null) {
            clauses.add("EXISTS (SELECT 1 FROM material_attachment a WHERE a.material_id = m.id "
                    + "AND a.homework_id = :homework)");
            params.addValue("homework", filter.homeworkId());
        }
        return clauses.isEmpty() ? "TRUE" : String.join(" AND ", clauses);
    }

    private static Material material(ResultSet rs, int row) throws SQLException {
        long tutor = rs.getLong("tutor_id");
        Long tutorId = rs.wasNull() ? null : tutor;
        int grade = rs.getInt("grade");
        Integer gradeOrAll = rs.wasNull() ? null : grade;
        return new Material(rs.getLong("id"), tutorId, rs.getString("title"), rs.getString("description"),
                gradeOrAll, rs.getString("subject"), strings(rs.getArray("tags")), strings(rs.getArray("links")),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), rs.getLong("version"));
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return List.of((String[]) array.getArray());
    }
}
