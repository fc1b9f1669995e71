package ru.repitbot.bot.telegram;

import java.time.Duration;
import ru.repitbot.bot.dialog.BotEvent;
import ru.repitbot.bot.dialog.Router;
import ru.repitbot.bot.session.DialogChange;

/** Runs one queued event through the router, timed and counted; returns the dialog change to save with its outcome. */
public final class UpdateHandler implements ChatWorkers.Handler {

    private final Router router;
    private final TelegramDelivery delivery;
    private final Recipients recipients;
    private final BotMetrics metrics;

    public UpdateHandler(Router router, TelegramDelivery delivery, Recipients recipients, BotMetrics metrics) {
        this.router = router;
        this.delivery = delivery;
        this.recipients = recipients;
        this.metrics = metrics;
    }

    @Override
    public DialogChange handle(BotEvent event, int alreadySent) {
        long started = System.nanoTime();
        // Whoever writes to the bot can be written to again (they unblocked it).
        recipients.reachable(event.chatId());
        Router.Handled handled = router.handle(event, delivery.resuming(alreadySent));
        metrics.handled(event.kind(), handled.route(), Duration.ofNanos(System.nanoTime() - started));
        return handled.dialog();
    }
}
