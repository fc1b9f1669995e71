package ru.repitbot.bot.telegram;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import ru.repitbot.bot.dialog.BotEvent;
import ru.repitbot.bot.session.DialogChange;
import ru.repitbot.bot.session.RedisKeys;
import tools.jackson.databind.json.JsonMapper;

/**
 * The per-chat queues in Redis, crash-safe: an update is handled once even when the bot is killed midway.
 *
 * <ul>
 *   <li>{@link #offer}: an update is accepted once (its id remembered with SET NX and a TTL), appended to its chat's
 *       list and the chat noted in the set of chats with work — one script, so a crash cannot keep the id while
 *       losing the update.</li>
 *   <li>{@link #take}: the chat's worker (holding the chat's lock) moves the oldest update to the chat's
 *       <em>processing</em> list (LMOVE, atomic) and handles it from there. If the processing list already holds one,
 *       a worker died with it in hand: that one is returned again (as a retry) before anything new.</li>
 *   <li>{@link #complete}: after the reply was delivered, one script saves the dialog change of the update, marks the
 *       update done (its remembered id's value becomes {@code done}) and removes it from the processing list.</li>
 * </ul>
 * A crash before {@code complete} leaves the update in the processing list and the person's dialog as it was before
 * the update; whoever takes the chat over next handles it again from there (skipping messages of its reply that
 * Telegram had already accepted, see {@link #recordSent}). An update found in the processing list but already marked
 * done is dropped, not handled again.
 */
public final class UpdateQueue {

    private static final DefaultRedisScript<Long> ENQUEUE = new DefaultRedisScript<>("""
            if redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[1]) then
              redis.call('RPUSH', KEYS[2], ARGV[2])
              redis.call('SADD', KEYS[3], ARGV[3])
              return 1
            end
            return 0""", Long.class);

    /** The update left in hand by a dead worker (flag 1), else the queue's oldest moved into hand (flag 0). */
    @SuppressWarnings("rawtypes")
    private static final DefaultRedisScript<List> TAKE = new DefaultRedisScript<>("""
            local held = redis.call('LINDEX', KEYS[1], 0)
            if held then
              return {'1', held}
            end
            local moved = redis.call('LMOVE', KEYS[2], KEYS[1], 'LEFT', 'RIGHT')
            if moved then
              return {'0', moved}
            end
            return {}""", List.class);

    /**
     * The outcome of one update, all at once: its dialog change (as {@code SessionStore.saveDialog}/{@code clearDialog}
     * would write it), the done mark, the sent-messages count forgotten, the update out of the processing list.
     */
    private static final DefaultRedisScript<Long> COMPLETE = new DefaultRedisScript<>("""
            if ARGV[3] == 'save' then
              redis.call('SET', KEYS[4], ARGV[4], 'PX', ARGV[5])
              redis.call('ZADD', KEYS[5], ARGV[6], KEYS[4])
            elseif ARGV[3] == 'clear' then
              redis.call('DEL', KEYS[4])
              redis.call('ZREM', KEYS[5], KEYS[4])
            end
            redis.call('SET', KEYS[2], 'done', 'EX', ARGV[2])
            redis.call('DEL', KEYS[3])
            return redis.call('LREM', KEYS[1], 1, ARGV[1])""", Long.class);

    /** Forgets a chat as pending only if it has nothing queued or in hand (an update may have arrived meanwhile). */
    private static final DefaultRedisScript<Long> FORGET_IF_IDLE = new DefaultRedisScript<>("""
            if redis.call('LLEN', KEYS[1]) == 0 and redis.call('LLEN', KEYS[2]) == 0 then
              redis.call('SREM', KEYS[3], ARGV[1])
              return 1
            end
            return 0""", Long.class);

    private static final DefaultRedisScript<Long> WORK_LEFT = new DefaultRedisScript<>(
            "return redis.call('LLEN', KEYS[1]) + redis.call('LLEN', KEYS[2])", Long.class);

    /** An update taken into hand: the exact entry (to remove it when done), the event, and whether it is a retry. */
    public record Taken(String entry, BotEvent event, boolean retry) {
    }

    private final StringRedisTemplate redis;
    private final RedisKeys keys;
    private final JsonMapper json;
    private final Duration rememberUpdates;
    private final Duration dialogTtl;

    public UpdateQueue(StringRedisTemplate redis, RedisKeys keys, JsonMapper json, Duration rememberUpdates,
            Duration dialogTtl) {
        this.redis = redis;
        this.keys = keys;
        this.json = json;
        this.rememberUpdates = rememberUpdates;
        this.dialogTtl = dialogTtl;
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

    /**
     * The next update of the chat to handle, taken into hand; null when none is left. Call only while holding the
     * chat's lock. A retry (left in hand by a worker that died) that was in fact completed is dropped here.
     */
    public Taken take(long chatId) {
        while (true) {
            List<?> result = redis.execute(TAKE, List.of(keys.chatProcessing(chatId), keys.chatQueue(chatId)));
            if (result == null || result.size() < 2) {
                return null;
            }
            boolean retry = "1".equals(String.valueOf(result.get(0)));
            String entry = String.valueOf(result.get(1));
            BotEvent event = json.readValue(entry, BotEvent.class);
            if (retry && done(event.updateId())) {
                redis.opsForList().remove(keys.chatProcessing(chatId), 1, entry);
                continue;
            }
            return new Taken(entry, event, retry);
        }
    }

    /** True once the update's outcome was recorded. */
    public boolean done(long updateId) {
        return "done".equals(redis.opsForValue().get(keys.seenUpdate(updateId)));
    }

    /**
     * Records the update's outcome: its dialog change (null = none), the done mark, and the update out of the chat's
     * processing list — atomically.
     */
    public void complete(Taken taken, DialogChange dialog) {
        BotEvent event = taken.event();
        String dialogKey = dialog == null ? keys.dialog(event.userId(), event.chatId())
                : keys.dialog(dialog.userId(), dialog.chatId());
        String op = dialog == null ? "" : dialog.ended() ? "clear" : "save";
        String state = dialog == null || dialog.ended() ? "" : json.writeValueAsString(dialog.state());
        redis.execute(COMPLETE,
                List.of(keys.chatProcessing(event.chatId()), keys.seenUpdate(event.updateId()),
                        keys.sentMessages(event.updateId()), dialogKey, keys.activeDialogs()),
                taken.entry(), Long.toString(rememberUpdates.toSeconds()), op, state,
                Long.toString(dialogTtl.toMillis()), Long.toString(Instant.now().plus(dialogTtl).toEpochMilli()));
    }

    /**
     * Notes that Telegram accepted {@code count} messages of the update's reply (between the messages of a reply of
     * several): handled again after a crash, the reply skips them.
     */
    public void recordSent(long updateId, int count) {
        redis.opsForValue().set(keys.sentMessages(updateId), Integer.toString(count), rememberUpdates);
    }

    /** How many messages of the update's reply went out before a crash (0 when none or not recorded). */
    public int sentBefore(long updateId) {
        String count = redis.opsForValue().get(keys.sentMessages(updateId));
        return count == null ? 0 : Integer.parseInt(count);
    }

    /** Updates of the chat queued or in hand. */
    public long workLeft(long chatId) {
        Long left = redis.execute(WORK_LEFT, List.of(keys.chatQueue(chatId), keys.chatProcessing(chatId)));
        return left == null ? 0 : left;
    }

    public void forgetIfIdle(long chatId) {
        redis.execute(FORGET_IF_IDLE, List.of(keys.chatQueue(chatId), keys.chatProcessing(chatId),
                keys.pendingChats()), Long.toString(chatId));
    }

    /** Chats that had updates waiting or in hand when last looked at. */
    public Set<Long> pendingChats() {
        Set<String> members = redis.opsForSet().members(keys.pendingChats());
        return members == null ? Set.of() : members.stream().map(Long::valueOf).collect(Collectors.toSet());
    }
}
