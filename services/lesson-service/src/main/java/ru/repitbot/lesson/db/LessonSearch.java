package ru.repitbot.lesson.db;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import ru.repitbot.lesson.domain.Lesson;
import ru.repitbot.models.AttendanceStatus;
import ru.repitbot.models.PageQuery;

/** Lesson lists with optional filters, ordered by time (undated make-up lessons last), paged. */
@Component
public class LessonSearch {

    private final EntityManager em;

    public LessonSearch(EntityManager em) {
        this.em = em;
    }

    /**
     * @param studentIds {@code null} for any student
     * @param tutorId {@code null} for any tutor
     * @param from inclusive, or {@code null}
     * @param to exclusive, or {@code null}
     * @param statuses attendance statuses to keep, {@code null} or empty for any
     */
    public record Filter(Collection<Long> studentIds, Long tutorId, Instant from, Instant to,
            Collection<AttendanceStatus> statuses, boolean ascending) {
    }

    public record Page(List<Lesson> items, long total) {
    }

    @Transactional(readOnly = true)
    public Page search(Filter filter, PageQuery page) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (filter.studentIds() != null) {
            where.append(" and l.studentId in :studentIds");
            params.put("studentIds", filter.studentIds());
        }
        if (filter.tutorId() != null) {
            where.append(" and l.tutorId = :tutorId");
            params.put("tutorId", filter.tutorId());
        }
        if (filter.from() != null) {
            where.append(" and l.startAt >= :from");
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            where.append(" and l.startAt < :to");
            params.put("to", filter.to());
        }
        if (filter.statuses() != null && !filter.statuses().isEmpty()) {
            where.append(" and l.attendanceStatus in :statuses");
            params.put("statuses", filter.statuses());
        }
        String direction = filter.ascending() ? "asc" : "desc";
        TypedQuery<Lesson> query = em.createQuery("select l from Lesson l" + where
                + " order by l.startAt " + direction + " nulls last, l.id " + direction, Lesson.class);
        TypedQuery<Long> count = em.createQuery("select count(l) from Lesson l" + where, Long.class);
        params.forEach((name, value) -> {
            query.setParameter(name, value);
            count.setParameter(name, value);
        });
        query.setFirstResult((int) Math.min(Integer.MAX_VALUE, page.offset()));
        query.setMaxResults(page.size());
        return new Page(query.getResultList(), count.getSingleResult());
    }
}
