package ru.repitbot.bot.telegram;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;

/**
 * Locks in Redis with a lease (SET NX PX + a random token): the per-chat worker lock (one replica drains a chat at a
 * time, so updates are handled in order) and the poller lock (one replica polls). Held leases are renewed by
 * {@link #renewAll} every third of the lease; a crashed replica's leases simply expire.
 */
public final class Leases {

    private static final Logger log = LoggerFactory.getLogger(Leases.class);

    private static final DefaultRedisScript<Long> RENEW = new DefaultRedisScript<>("""
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              return redis.call('PEXPIRE', KEYS[1], ARGV[2])
            end
            return 0""", Long.class);

    private static final DefaultRedisScript<Long> RELEASE = new DefaultRedisScript<>("""
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              return redis.call('DEL', KEYS[1])
            end
            return 0""", Long.class);

    private final StringRedisTemplate redis;
    private final Duration lease;
    private final Map<String, Lease> held = new ConcurrentHashMap<>();

    public Leases(StringRedisTemplate redis, Duration lease) {
        this.redis = redis;
        this.lease = lease;
    }

    /** A held lock. */
    public final class Lease implements AutoCloseable {
        private final String key;
        private final String token;
        private volatile boolean lost;

        private Lease(String key, String token) {
            this.key = key;
            this.token = token;
        }

        /** The lease expired before it could be renewed (a long pause): another replica may hold it now. */
        public boolean lost() {
            return lost;
        }

        @Override
        public void close() {
            held.remove(key, this);
            try {
                redis.execute(RELEASE, List.of(key), token);
            } catch (RuntimeException e) {
                // Redis is down: the lease expires by itself.
                log.debug("Could not release {}: {}", key, e.toString());
            }
        }
    }

    /** The lock, or null when another holder has it. */
    public Lease tryAcquire(String key) {
        String token = UUID.randomUUID().toString();
        Boolean acquired = redis.opsForValue().setIfAbsent(key, token, lease);
        if (!Boolean.TRUE.equals(acquired)) {
            return null;
        }
        Lease acquiredLease = new Lease(key, token);
        held.put(key, acquiredLease);
        return acquiredLease;
    }

    /** Renews every lease this replica holds; one that expired meanwhile is marked lost and dropped. */
    public void renewAll() {
        for (Lease current : held.values()) {
            try {
                Long renewed = redis.execute(RENEW, List.of(current.key), current.token,
                        Long.toString(lease.toMillis()));
                if (renewed == null || renewed == 0) {
                    current.lost = true;
                    held.remove(current.key, current);
                    log.warn("Lost the lease {} (it expired before renewal)", current.key);
                }
            } catch (RuntimeException e) {
                log.debug("Could not renew {}: {}", current.key, e.toString());
            }
        }
    }

    public Duration lease() {
        return lease;
    }
}
