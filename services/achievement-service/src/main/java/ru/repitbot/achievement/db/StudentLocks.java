package ru.repitbot.achievement.db;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Serialises the changes of one student's progress (a lesson or homework event, a rebuild), so the points a history
 * entry reports and the achievements due are computed from exactly the state the change produced, also with several
 * replicas consuming. A transaction-scoped PostgreSQL advisory lock.
 */
@Component
public class StudentLocks {

    /** Arbitrary, fixed: the advisory lock class of "a student of achievement-service" ('AS'). */
    static final int LOCK_CLASS = 0x4153;

    private final JdbcTemplate jdbc;

    public StudentLocks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void lock(long studentId) {
        jdbc.queryForList("SELECT pg_advisory_xact_lock(?, ?)", LOCK_CLASS, Long.hashCode(studentId));
    }
}
