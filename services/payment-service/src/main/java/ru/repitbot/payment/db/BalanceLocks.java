package ru.repitbot.payment.db;

import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Serialises the changes of one student's balance with one tutor (a payment, a lesson event), so the balance a
 * change reports ({@code balance_after}, {@code balance.low}) is exactly the balance it produced, also with several
 * replicas. The balance itself is derived and would stay right without it. The lock is a transaction-scoped
 * PostgreSQL advisory lock; two pairs sharing a hash only wait for each other.
 */
@Component
public class BalanceLocks {

    /** Arbitrary, fixed: the advisory lock class of "a balance of payment-service" ('PB'). */
    static final int LOCK_CLASS = 0x5042;

    private final JdbcTemplate jdbc;

    public BalanceLocks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void lock(long studentId, long tutorId) {
        jdbc.queryForList("SELECT pg_advisory_xact_lock(?, ?)", LOCK_CLASS, Objects.hash(studentId, tutorId));
    }
}
