package ru.repitbot.bot.telegram;

import java.util.Optional;
import ru.repitbot.bot.dialog.BotEvent;

/**
 * Where updates come in, from polling or the webhook: normalised, accepted once (a second delivery of the same
 * update id is dropped), queued for their chat, and the chat's worker woken.
 */
public final class UpdateIntake {

    private final UpdateQueue queue;
    private final ChatWorkers workers;
    private final BotMetrics metrics;

    public UpdateIntake(UpdateQueue queue, ChatWorkers workers, BotMetrics metrics) {
        this.queue = queue;
        this.workers = workers;
        this.metrics = metrics;
    }

    /** Queues the update; true when it is new. Returns only once it is safely in Redis. */
    public boolean accept(TelegramUpdate update) {
        Optional<BotEvent> event = update.toEvent();
        if (event.isEmpty()) {
            queue.markSeen(update.updateId());
            return false;
        }
        if (!queue.offer(event.get())) {
            metrics.duplicate();
            return false;
        }
        workers.wake(event.get().chatId());
        return true;
    }
}
