package ru.repitbot.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import redis.embedded.RedisServer;

/**
 * A Redis server run from the binary packaged in codemonstur embedded-redis, bound to loopback, without
 * persistence (rate limits and caches only). It is a child process of this JVM.
 */
public final class EmbeddedRedisServer implements AutoCloseable {

    private final RedisServer redis;
    private final int port;

    private EmbeddedRedisServer(RedisServer redis, int port) {
        this.redis = redis;
        this.port = port;
    }

    /** Starts Redis on {@code portOrZero}, or on a free port when 0. */
    public static EmbeddedRedisServer start(int portOrZero) {
        int port = FreePort.resolve(portOrZero);
        try {
            RedisServer redis = RedisServer.newRedisServer()
                    .port(port)
                    .bind("127.0.0.1")
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .build();
            redis.start();
            return new EmbeddedRedisServer(redis, port);
        } catch (IOException e) {
            throw new UncheckedIOException("embedded Redis did not start on port " + port, e);
        }
    }

    public int port() {
        return port;
    }

    /** In the seed's {@code REDIS_URL} form. */
    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        try {
            redis.stop();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded Redis did not stop cleanly", e);
        }
    }
}
