package ru.repitbot.payment.db;

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
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import ru.repitbot.models.PageQuery;
import ru.repitbot.models.PaymentMethod;
import ru.repitbot.payment.domain.NewPayment;
import ru.repitbot.payment.domain.Payment;

/**
 * The {@code payments} table. Payments are inserted and, when entered by mistake, marked voided; never edited
 * otherwise, never deleted.
 */
@Component
public class Payments {

    private static final String COLUMNS = "id, tutor_id, student_id, lessons_paid, amount, currency, method, paid_at, "
            + "comment, created_at, created_by, voided_at, voided_by, void_reason";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    public Payments(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    public Payment insert(NewPayment p, Instant paidAt, Instant now, String createdBy) {
        KeyHolder keys = new GeneratedKeyHolder();
        named.update("""
                INSERT INTO payments (tutor_id, student_id, lessons_paid, amount, currency, method, paid_at, comment,
                  created_at, created_by)
                VALUES (:tutor, :student, :lessons, :amount, :currency, :method, :paidAt, :comment, :now, :by)""",
                new MapSqlParameterSource()
                        .addValue("tutor", p.tutorId())
                        .addValue("student", p.studentId())
                        .addValue("lessons", p.lessonsPaid())
                        .addValue("amount", p.amount())
                        .addValue("currency", p.currency())
                        .addValue("method", p.method() == null ? null : p.method().value())
                        .addValue("paidAt", Timestamp.from(paidAt))
                        .addValue("comment", p.comment())
                        .addValue("now", Timestamp.from(now))
                        .addValue("by", createdBy),
                keys, new String[] {"id"});
        long id = keys.getKey().longValue();
        return new Payment(id, p.tutorId(), p.studentId(), p.lessonsPaid(), p.amount(), p.currency(), p.method(),
                paidAt, p.comment(), now, createdBy, null, null, null);
    }

    public Optional<Payment> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM payments WHERE id = ?", Payments::row, id).stream()
                .findFirst();
    }

    /** The payment, locked until the transaction ends (so it is voided once). */
    public Optional<Payment> findForUpdate(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM payments WHERE id = ? FOR UPDATE", Payments::row, id).stream()
                .findFirst();
    }

    /**
     * Marks the payment voided, unless it already is.
     *
     * @return the voided payment, or empty when it was voided already (or does not exist)
     */
    public Optional<Payment> markVoided(long id, Instant at, String by, String reason) {
        return jdbc.query("""
                UPDATE payments SET voided_at = ?, voided_by = ?, void_reason = ?
                WHERE id = ? AND voided_at IS NULL RETURNING\s""" + COLUMNS, Payments::row,
                Timestamp.from(at), by, reason, id).stream().findFirst();
    }

    /**
     * Which payments to list.
     *
     * @param studentIds only these students ({@code null}: any)
     * @param tutorId only this tutor's ({@code null}: any)
     */
    public record Filter(List<Long> studentIds, Long tutorId) {
    }

    public record Page(List<Payment> items, long total) {
    }

    /** Newest first (by {@code paid_at}, then the later recorded). */
    public Page page(Filter filter, PageQuery paging) {
        List<String> where = new ArrayList<>();
        MapSqlParameterSource params = new MapSqlParameterSource();
        if (filter.studentIds() != null) {
            where.add("student_id IN (:students)");
            params.addValue("students", filter.studentIds());
        }
        if (filter.tutorId() != null) {
            where.add("tutor_id = :tutor");
            params.addValue("tutor", filter.tutorId());
        }
        String condition = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        Long total = named.queryForObject("SELECT count(*) FROM payments" + condition, params, Long.class);
        params.addValue("limit", paging.size()).addValue("offset", paging.offset());
        List<Payment> items = named.query("SELECT " + COLUMNS + " FROM payments" + condition
                + " ORDER BY paid_at DESC, id DESC LIMIT :limit OFFSET :offset", params, Payments::row);
        return new Page(items, total == null ? 0 : total);
    }

    /** Every payment of a student with a tutor, voided ones included, oldest first. */
    public List<Payment> of(long studentId, long tutorId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM payments WHERE student_id = ? AND tutor_id = ? "
                + "ORDER BY paid_at, id", Payments::row, studentId, tutorId);
    }

    static Payment row(ResultSet rs, int i) throws SQLException {
        String method = rs.getString("method");
        return new Payment(rs.getLong("id"), rs.getLong("tutor_id"), rs.getLong("student_id"),
                rs.getInt("lessons_paid"), rs.getBigDecimal("amount"), rs.getString("currency"),
                method == null ? null : PaymentMethod.fromValue(method), rs.getTimestamp("paid_at").toInstant(),
                rs.getString("comment"), rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
                instant(rs.getTimestamp("voided_at")), rs.getString("voided_by"), rs.getString("void_reason"));
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
