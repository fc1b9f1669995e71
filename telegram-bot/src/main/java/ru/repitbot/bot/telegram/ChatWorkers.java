package ru.repitbot.bot.telegram;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.repitbot.bot.dialog.BotEvent;
import ru.repitbot.bot.session.RedisKeys;

/**
 * Drains the per-chat queues: one virtual thread per chat with waiting updates, holding the chat's lock in Redis, so a
 * chat's updates are handled one after another, in order, by one replica at a time, while different chats proceed in
 * parallel. An update is taken off the queue before it is handled: handled at most once, also when the bot dies
 * midway (that one is then lost, never repeated — a repeated "create student" would be worse).
 *
 * <p>After the lock is released the queue is looked at again: an update that arrived while another holder was busy
 * is not left behind. {@link #sweep} (every couple of seconds) picks up chats whose worker died with the replica.
 */
public final class ChatWorkers {

    private static final Logger log = LoggerFactory.getLogger(ChatWorkers.class);

    private final UpdateQueue queue;
    private final Leases leases;
    private final RedisKeys keys;
    private final Consumer<BotEvent> handler;
    private final Set<Long> running = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("chat-worker-", 0).factory());

    public ChatWorkers(UpdateQueue queue, Leases leases, RedisKeys keys, Consumer<BotEvent> handler) {
        this.queue = queue;
        this.leases = leases;
        this.keys = keys;
        this.handler = handler;
    }

    /** Makes sure the chat's queue is being drained (here, or by whoever holds its lock). */
    public void wake(long chatId) {
        if (!running.add(chatId)) {
            return;
        }
        try {
            threads.execute(() -> drain(chatId));
        } catch (RejectedExecutionException stopping) {
            running.remove(chatId);
        }
    }

    /** Wakes every chat that still has updates waiting (after a restart, or a replica that died). */
    public void sweep() {
        try {
            for (long chatId : queue.pendingChats()) {
                if (queue.size(chatId) > 0) {
                    wake(chatId);
                } else {
                    queue.forgetIfEmpty(chatId);
                }
            }
        } catch (RuntimeException e) {
            log.debug("Sweep failed (Redis down?): {}", e.toString());
        }
    }

    private void drain(long chatId) {
        boolean emptied = false;
        try {
            while (true) {
                Leases.Lease lease = leases.tryAcquire(keys.chatLock(chatId));
                if (lease == null) {
                    // Another worker (this replica's or the other one's) holds the chat; it looks again on release.
                    return;
                }
                try (lease) {
                    BotEvent event;
                    while (!lease.lost() && (event = queue.poll(chatId)) != null) {
                        handle(event);
                    }
                    queue.forgetIfEmpty(chatId);
                }
                if (queue.size(chatId) == 0) {
                    emptied = true;
                    return;
                }
            }
        } catch (RuntimeException e) {
            log.warn("Worker of chat {} stopped: {} (the sweep retries)", chatId, e.toString());
        } finally {
            running.remove(chatId);
            if (emptied && safeSize(chatId) > 0) {
                // An update came between the last look and leaving: drain again rather than wait for the sweep.
                wake(chatId);
            }
        }
    }

    private long safeSize(long chatId) {
        try {
            return queue.size(chatId);
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private void handle(BotEvent event) {
        try {
            handler.accept(event);
        } catch (RuntimeException e) {
            log.error("Update {} of chat {} could not be handled", event.updateId(), event.chatId(), e);
        }
    }

    public void stop() {
        threads.shutdown();
        try {
            if (!threads.awaitTermination(10, TimeUnit.SECONDS)) {
                threads.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            threads.shutdownNow();
        }
    }
}
