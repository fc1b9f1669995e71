package ru.repitbot.access;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A user created a moment ago is known everywhere: when the projection has no row at all for an id a request names,
 * the id may be a user whose {@code user.created} is still on its way (outbox relay, broker, inbox: usually well
 * under a second). Before such a request is answered 404 we wait for the event, polling the projection for at most
 * {@code timeout}. A bot or script takes a 404 as final, so a late event must not become one.
 *
 * <p>Why wait rather than ask user-service: services hold no service credentials today (only auth-service and the
 * bot do), and the event is what fills the projection anyway; waiting adds no new dependency and no new endpoint.
 *
 * <p>Bounds, so garbage ids cannot tie the service up: an id still unknown after the wait is remembered as unknown
 * for {@code rememberUnknown} (answered at once meanwhile), and at most {@code maxWaiting} requests wait at the same
 * time (the others answer from the projection as it is). A known id — deleted or someone else's — never waits.
 */
public class LateUsers {

    private static final Duration POLL = Duration.ofMillis(50);
    private static final int MAX_REMEMBERED = 10_000;

    private final JdbcTemplate jdbc;
    private final Duration timeout;
    private final Duration rememberUnknown;
    private final Semaphore waiting;
    private final Map<Long, Long> unknownUntil = new ConcurrentHashMap<>();
    private final AtomicLong waits = new AtomicLong();

    public LateUsers(JdbcTemplate jdbc, Duration timeout, Duration rememberUnknown, int maxWaiting) {
        this.jdbc = jdbc;
        this.timeout = timeout;
        this.rememberUnknown = rememberUnknown;
        this.waiting = new Semaphore(maxWaiting);
    }

    /**
     * Returns once the projection knows the user, or when it still does not after the wait (or without waiting when
     * the id was found unknown a moment ago, or too many requests wait already).
     *
     * @return whether the projection knows the user now
     */
    public boolean awaitKnown(long userId) {
        if (isKnown(userId)) {
            return true;
        }
        Long until = unknownUntil.get(userId);
        if (until != null && until - System.nanoTime() > 0) {
            return false;
        }
        if (!waiting.tryAcquire()) {
            return false;
        }
        try {
            waits.incrementAndGet();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (deadline - System.nanoTime() > 0) {
                Thread.sleep(POLL);
                if (isKnown(userId)) {
                    unknownUntil.remove(userId);
                    return true;
                }
            }
            remember(userId);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            waiting.release();
        }
    }

    /** How many times a request has waited for an unknown user since start (for tests and diagnostics). */
    public long waits() {
        return waits.get();
    }

    private void remember(long userId) {
        if (unknownUntil.size() >= MAX_REMEMBERED) {
            long now = System.nanoTime();
            unknownUntil.values().removeIf(until -> until - now <= 0);
            if (unknownUntil.size() >= MAX_REMEMBERED) {
                // A flood of distinct garbage ids: forgetting them only costs those ids another bounded wait.
                unknownUntil.clear();
            }
        }
        unknownUntil.put(userId, System.nanoTime() + rememberUnknown.toNanos());
    }

    // Each poll is its own statement: under READ COMMITTED (PostgreSQL's default, ours everywhere) it sees the row the
    // inbox commits meanwhile, even inside the caller's transaction.
    private boolean isKnown(long userId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM access_user WHERE id = ?)", Boolean.class, userId));
    }
}
