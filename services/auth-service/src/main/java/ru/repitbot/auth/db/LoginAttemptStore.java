package ru.repitbot.auth.db;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Repository;
import ru.repitbot.auth.domain.LockoutPolicy;
import ru.repitbot.auth.app.DependencyUnavailableException;

/**
 * Keeps each subject's {@link LockoutPolicy.State} in Redis, shared by all replicas. Redis is only storage: the
 * policy decides, and a compare-and-set script makes concurrent updates of one subject safe.
 */
@Repository
public class LoginAttemptStore {

    /** Replaces the value only if it is still what the caller read; an empty new value deletes the key. */
    private static final RedisScript<Long> COMPARE_AND_SET = RedisScript.of("""
            local current = redis.call('GET', KEYS[1])
            if current == false then current = '' end
            if current ~= ARGV[1] then return 0 end
            if ARGV[2] == '' then
              redis.call('DEL', KEYS[1])
            else
              redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
            end
            return 1
            """, Long.class);

    private final StringRedisTemplate redis;

    public LoginAttemptStore(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /** A read state together with its stored form, for {@link #replace}. */
    public record Versioned(LockoutPolicy.State state, String raw) {
    }

    public Versioned read(String key) {
        try {
            String raw = redis.opsForValue().get(key);
            return new Versioned(decode(raw), raw == null ? "" : raw);
        } catch (DataAccessException e) {
            throw new DependencyUnavailableException("redis", e);
        }
    }

    /**
     * Stores {@code next} for {@code ttl} if the key still holds {@code expected}.
     *
     * @return false when another request changed it first (read again and retry)
     */
    public boolean replace(String key, Versioned expected, LockoutPolicy.State next, Duration ttl) {
        String value = next.isClean() || ttl.isZero() || ttl.isNegative() ? "" : encode(next);
        long ttlMillis = Math.max(1, ttl.toMillis());
        try {
            Long done = redis.execute(COMPARE_AND_SET, List.of(key), expected.raw(), value, Long.toString(ttlMillis));
            return done != null && done == 1L;
        } catch (DataAccessException e) {
            throw new DependencyUnavailableException("redis", e);
        }
    }

    public void clear(String key) {
        try {
            redis.delete(key);
        } catch (DataAccessException e) {
            throw new DependencyUnavailableException("redis", e);
        }
    }

    static String encode(LockoutPolicy.State s) {
        return String.join(":", "v1", Integer.toString(s.failures()), millis(s.windowStart()),
                Integer.toString(s.lockouts()), millis(s.lockedUntil()), millis(s.lastEvent()));
    }

    static LockoutPolicy.State decode(String raw) {
        if (raw == null || raw.isEmpty()) {
            return LockoutPolicy.State.CLEAN;
        }
        String[] p = raw.split(":");
        if (p.length != 6 || !"v1".equals(p[0])) {
            return LockoutPolicy.State.CLEAN;
        }
        try {
            return new LockoutPolicy.State(Integer.parseInt(p[1]), instant(p[2]), Integer.parseInt(p[3]),
                    instant(p[4]), instant(p[5]));
        } catch (RuntimeException e) {
            return LockoutPolicy.State.CLEAN;
        }
    }

    private static String millis(Instant i) {
        return i == null ? "-" : Long.toString(i.toEpochMilli());
    }

    private static Instant instant(String s) {
        return "-".equals(s) ? null : Instant.ofEpochMilli(Long.parseLong(s));
    }
}
