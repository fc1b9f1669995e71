package ru.repitbot.payment.db;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import ru.repitbot.payment.domain.LessonPrice;

/** The {@code lesson_prices} table: one price per tutor and student. */
@Component
public class LessonPrices {

    private final JdbcTemplate jdbc;

    public LessonPrices(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A price with who set it and when. */
    public record Stored(long tutorId, long studentId, LessonPrice price, Instant updatedAt, String updatedBy) {
    }

    public Stored put(long tutorId, long studentId, LessonPrice price, Instant now, String by) {
        jdbc.update("""
                INSERT INTO lesson_prices (tutor_id, student_id, amount, currency, updated_at, updated_by)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (tutor_id, student_id) DO UPDATE SET amount = EXCLUDED.amount,
                  currency = EXCLUDED.currency, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by""",
                tutorId, studentId, price.amount(), price.currency(), Timestamp.from(now), by);
        return new Stored(tutorId, studentId, price, now, by);
    }

    /** @return whether there was a price */
    public boolean remove(long tutorId, long studentId) {
        return jdbc.update("DELETE FROM lesson_prices WHERE tutor_id = ? AND student_id = ?", tutorId,
                studentId) > 0;
    }

    public Optional<LessonPrice> of(long studentId, long tutorId) {
        return Optional.ofNullable(ofStudent(studentId).get(tutorId)).map(Stored::price);
    }

    /** A student's prices by tutor id. */
    public Map<Long, Stored> ofStudent(long studentId) {
        Map<Long, Stored> prices = new TreeMap<>();
        jdbc.query("""
                SELECT tutor_id, amount, currency, updated_at, updated_by FROM lesson_prices WHERE student_id = ?""",
                (RowCallbackHandler) rs -> prices.put(rs.getLong(1), new Stored(rs.getLong(1), studentId,
                        new LessonPrice(rs.getBigDecimal(2), rs.getString(3)), rs.getTimestamp(4).toInstant(),
                        rs.getString(5))), studentId);
        return prices;
    }

    public List<Stored> listOf(long studentId) {
        return List.copyOf(ofStudent(studentId).values());
    }
}
