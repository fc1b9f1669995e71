package ru.repitbot.bot.telegram;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.repitbot.bot.dialog.BotEvent;
import ru.repitbot.bot.session.DialogChange;
import ru.repitbot.bot.session.RedisKeys;

/**
 * Drains the per-chat queues: one virtual thread per chat with waiting updates, holding the chat's lock in Redis, so a
 * chat's updates are handled one after another, in order, by one replica at a time, while different chats proceed in
 * parallel.
 *
 * <p>Crash-safe ({@link UpdateQueue}): an update is moved into the chat's processing list, handled, and only then
 * completed (dialog change + done mark + out of the list, one script). A worker that gets a chat whose previous holder
 * died (its lease expired) first handles again what that one had in hand. A bot stopping midway (interrupted) leaves
 * the update in hand for the next holder instead of completing it.
 *
 * <p>After the lock is released the queue is looked at again: an update that arrived while another holder was busy
 * is not left behind. {@link #sweep} (every couple of seconds) picks up chats whose worker died with the replica.
 */
public final class ChatWorkers {

    /** Handles one update; returns the dialog change to save with its outcome (null = none). */
    @FunctionalInterface
    public interface Handler {
        DialogChange handle(BotEvent event, int alreadySent);
    }

    private static final Logger log = LoggerFactory.getLogger(ChatWorkers.class);

    private final UpdateQueue queue;
    private final Leases leases;
    private final RedisKeys keys;
    private final Handler handler;
    private final BotMetrics metrics;
    private final Set<Long> running = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("chat-worker-", 0).factory());

    public ChatWorkers(UpdateQueue queue, Leases leases, RedisKeys keys, Handler handler, BotMetrics metrics) {
        this.queue = queue;
        this.leases = leases;
        this.keys = keys;
        this.handler = handler;
        this.metrics = metrics;
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

    /** Wakes every chat that still has updates waiting or in hand (after a restart, or a replica that died). */
    public void sweep() {
        try {
            for (long chatId : queue.pendingChats()) {
                if (queue.workLeft(chatId) > 0) {
                    wake(chatId);
                } else {
                    queue.forgetIfIdle(chatId);
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
                    UpdateQueue.Taken taken;
                    while (!lease.lost() && (taken = queue.take(chatId)) != null) {
                        if (!handle(taken)) {
                            return;
                        }
                    }
                    queue.forgetIfIdle(chatId);
                }
                if (queue.workLeft(chatId) == 0) {
                    emptied = true;
                    return;
                }
            }
        } catch (RuntimeException e) {
            log.warn("Worker of chat {} stopped: {} (the sweep retries)", chatId, e.toString());
        } finally {
            running.remove(chatId);
            if (emptied && safeWorkLeft(chatId) > 0) {
                // An update came between the last look and leaving: drain again rather than wait for the sweep.
                wake(chatId);
            }
        }
    }

    private long safeWorkLeft(long chatId) {
        try {
            return queue.workLeft(chatId);
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /** Handles one update taken into hand and completes it; false when the bot is stopping (left in hand). */
    private boolean handle(UpdateQueue.Taken taken) {
        BotEvent event = taken.event();
        int alreadySent = 0;
        if (taken.retry()) {
            alreadySent = queue.sentBefore(event.updateId());
            metrics.retried();
            log.warn("Update {} of chat {} was left unfinished by a worker that stopped; handling it again{}",
                    event.updateId(), event.chatId(),
                    alreadySent > 0 ? " (" + alreadySent + " message(s) of its reply went out before)" : "");
        }
        DialogChange dialog = null;
        try {
            dialog = handler.handle(event, alreadySent);
        } catch (RuntimeException e) {
            log.error("Update {} of chat {} could not be handled", event.updateId(), event.chatId(), e);
        }
        if (Thread.currentThread().isInterrupted()) {
            // The bot is stopping midway (a send or a gateway call was cut short): the next holder handles it again.
            log.info("Update {} of chat {} left for the next holder: the bot is stopping", event.updateId(),
                    event.chatId());
            return false;
        }
        queue.complete(taken, dialog);
        return true;
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
