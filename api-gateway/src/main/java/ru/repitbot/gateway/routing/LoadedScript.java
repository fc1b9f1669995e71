package ru.repitbot.gateway.routing;

import java.util.List;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The limiter's Lua script, read and hashed once. Spring's {@code DefaultRedisScript} takes a lock and asks its
 * resource whether it changed on every {@code getSha1()}, i.e. on every request through the gateway; the script in
 * the jar never changes.
 */
record LoadedScript(String scriptAsString, String sha1) implements RedisScript<List<Long>> {

    static LoadedScript of(RedisScript<List<Long>> script) {
        return new LoadedScript(script.getScriptAsString(), script.getSha1());
    }

    @Override
    public String getSha1() {
        return sha1;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Class<List<Long>> getResultType() {
        return (Class) List.class;
    }

    @Override
    public String getScriptAsString() {
        return scriptAsString;
    }
}
