package ru.repitbot.bot.telegram;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import ru.repitbot.bot.dialog.BotEvent;
import ru.repitbot.bot.session.RedisKeys;
import tools.jackson.databind.json.JsonMapper;

/**
 * The per-chat queues in Redis. An update is accepted once (its id remembered with SET NX and a TTL), appended to its
 * chat's list and the chat noted in the set of chats with waiting updates — in one script, so a crash cannot keep the
 * id while losing the update. Workers take updates from the head in order; the set lets a restarted bot (or the other
 * replica) find chats that still have work.
 */
public final class UpdateQueue {

    private static final DefaultRedisScript<Long> ENQUEUE = new DefaultRedisScript<>("""
            if redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[1]) then
              redis.call('RPUSH', KEYS[2], ARGV[2])
              redis.call('SADD', KEYS[3], ARGV[3])
              return 1
            end
            return 0""", Long.class);

    /** Forgets a chat as pending only if its queue is really empty (an update may have arrived meanwhile). */
    private static final DefaultRedisScript<Long> FORGET_IF_EMPTY = new DefaultRedisScript<>("""
            if redis.call('LLEN', KEYS[1]) == 0 then
              redis.call('SREM', KEYS[2], ARGV[1])
              return 1
            end
            return 0""", Long.class);

    private final StringRedisTemplate redis;
    private final RedisKeys keys;
    private final JsonMapper json;
    private final Duration rememberUpdates;

    public UpdateQueue(StringRedisTemplate redis, RedisKeys keys, JsonMapper json, Duration rememberUpdates) {
        this.redis = redis;
        this.keys = keys;
        this.json = json;
        this.rememberUpdates = rememberUpdates;
    }

    /** Appends the event to its chat's queue; false when this update id was accepted before (a second delivery). */
    public boolean offer(BotEvent event) {
        Long added = redis.execute(ENQUEUE,
                List.of(keys.seenUpdate(event.updateId()), keys.chatQueue(event.chatId()), keys.pendingChats()),
                Long.toString(rememberUpdates.toSeconds()), json.writeValueAsString(event),
                Long.toString(event.chatId()));
        return added != null && added == 1;
    }

    /**
     * Remembers an update id without queueing anything (an update the bot does not handle), so polling can move past
     * it and a second delivery is still recognised.
     */
    public void markSeen(long updateId) {
        redis.opsForValue().setIfAbsent(keys.seenUpdate(updateId), "1", rememberUpdates);
    }

    /** Takes the chat's oldest update off the queue; null when none is left. */
    public BotEvent poll(long chatId) {
        String head = redis.opsForList().leftPop(keys.chatQueue(chatId));
        return head == null ? null : json.readValue(head, BotEvent.class);
    }

    public long size(long chatId) {
        Long size = redis.opsForList().size(keys.chatQueue(chatId));
        return size == null ? 0 : size;
    }

    public void forgetIfEmpty(long chatId) {
        redis.execute(FORGET_IF_EMPTY, List.of(keys.chatQueue(chatId), keys.pendingChats()), Long.toString(chatId));
    }

    /** Chats that had updates waiting when last looked at. */
    public Set<Long> pendingChats() {
        Set<String> members = redis.opsForSet().members(keys.pendingChats());
        return members == null ? Set.of() : members.stream().map(Long::valueOf).collect(Collectors.toSet());
    }
}
