package ru.repitbot.bot.telegram;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;

/**
 * Locks in Redis with a lease (SET NX PX + a token naming the holder): the per-chat worker lock (one replica drains a
 * chat at a time, so updates are handled in order) and the poller lock (one replica polls). Held leases are renewed by
 * {@link #renewAll} every third of the lease; a crashed replica's leases expire.
 *
 * <p>A bot restarted on the same machine after a crash ({@code kill -9}, out of memory) need not wait for that: the
 * token names the holder's process (pid) and its pid namespace on its kernel (boot id + the namespace's inode). A lock
 * whose holder is another process of this very namespace that no longer exists is taken over at once (compare-and-set
 * on the old token). A holder elsewhere (another host or container), a pid that is alive (also a reused one), or this
 * process itself is left to its lease.
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

    /** Takes a lock over from a dead holder: only while it still holds exactly that token. */
    private static final DefaultRedisScript<Long> TAKE_OVER = new DefaultRedisScript<>("""
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
              return 1
            end
            return 0""", Long.class);

    /**
     * Who takes locks: a pid namespace on a kernel ({@code <boot id>/<pid namespace>}; empty when unknown, e.g. not
     * Linux — then nothing is ever taken over), a process in it, and how to tell whether a pid of it is alive.
     */
    public record Holder(String namespace, long pid, LongPredicate alive) {

        /** This process. */
        public static Holder current() {
            String namespace;
            try {
                namespace = Files.readString(Path.of("/proc/sys/kernel/random/boot_id")).strip() + "/"
                        + Files.readSymbolicLink(Path.of("/proc/self/ns/pid"));
            } catch (IOException | RuntimeException notLinux) {
                namespace = "";
            }
            return new Holder(namespace, ProcessHandle.current().pid(),
                    pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        }

        String newToken() {
            return namespace + "|" + pid + "|" + UUID.randomUUID();
        }

        /** The pid in a token written by a process of this namespace; -1 for any other token. */
        long pidInNamespace(String token) {
            if (namespace.isEmpty() || token == null) {
                return -1;
            }
            String[] parts = token.split("\\|");
            if (parts.length != 3 || !parts[0].equals(namespace)) {
                return -1;
            }
            try {
                return Long.parseLong(parts[1]);
            } catch (NumberFormatException e) {
                return -1;
            }
        }

        /** True when {@code token} was written by another process of this namespace that is gone. */
        boolean deadHolder(String token) {
            long holder = pidInNamespace(token);
            return holder > 0 && holder != pid && !alive.test(holder);
        }
    }

    private final StringRedisTemplate redis;
    private final Duration lease;
    private final Holder self;
    private final Map<String, Lease> held = new ConcurrentHashMap<>();

    public Leases(StringRedisTemplate redis, Duration lease) {
        this(redis, lease, Holder.current());
    }

    public Leases(StringRedisTemplate redis, Duration lease, Holder self) {
        this.redis = redis;
        this.lease = lease;
        this.self = self;
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

    /** The lock, or null when another holder has it (alive, or not known to be dead). */
    public Lease tryAcquire(String key) {
        String token = self.newToken();
        Boolean acquired = redis.opsForValue().setIfAbsent(key, token, lease);
        if (!Boolean.TRUE.equals(acquired)) {
            String holder = redis.opsForValue().get(key);
            if (!self.deadHolder(holder)) {
                return null;
            }
            Long taken = redis.execute(TAKE_OVER, List.of(key), holder, token, Long.toString(lease.toMillis()));
            if (taken == null || taken == 0) {
                return null;
            }
            log.info("Took {} over at once: its holder, process {} of this machine, is gone", key,
                    self.pidInNamespace(holder));
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
