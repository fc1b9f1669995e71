package ru.repitbot.lesson.db;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Serialises the changes of one tutor's timetable across requests and replicas with a PostgreSQL transaction-level
 * advisory lock, so "check for an overlap, then write" cannot interleave: of two concurrent bookings of the same
 * slot exactly one succeeds. The lock is released when the transaction ends.
 */
@Component
public class TutorLocks {

    /** Namespace of lesson-service's advisory locks (the first key of the two-key form). */
    static final int NAMESPACE = 0x4C455353; // "LESS"

    private final JdbcTemplate jdbc;

    public TutorLocks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void lockTimetableOf(long tutorId) {
        int key = (int) (tutorId ^ (tutorId >>> 32));
        jdbc.queryForList("SELECT pg_advisory_xact_lock(?, ?)", NAMESPACE, key);
    }
}
