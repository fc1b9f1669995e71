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

    /**
     * Starts Redis on {@code portOrZero}, or on a free port when 0. The library writes the binary to a temporary file
     * and runs it; when another thread of this JVM forks a process at that moment (PostgreSQL's {@code initdb}, started
     * in parallel), the child briefly holds the file open and the exec fails with "Text file busy" (ETXTBSY). That is
     * retried a few times; any other failure is not.
     */
    public static EmbeddedRedisServer start(int portOrZero) {
        int port = FreePort.resolve(portOrZero);
        IOException last = null;
        for (int attempt = 1; attempt <= 5; attempt++) {
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
                if (!textFileBusy(e)) {
                    throw new UncheckedIOException("embedded Redis did not start on port " + port, e);
                }
                last = e;
                sleep(200L * attempt);
            }
        }
        throw new UncheckedIOException("embedded Redis did not start on port " + port, last);
    }

    static boolean textFileBusy(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("Text file busy")) {
                return true;
            }
        }
        return false;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting embedded Redis", e);
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
