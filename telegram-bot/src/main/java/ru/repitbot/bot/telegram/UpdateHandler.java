package ru.repitbot.bot.telegram;

import java.time.Duration;
import java.util.function.Consumer;
import ru.repitbot.bot.dialog.BotEvent;
import ru.repitbot.bot.dialog.Router;

/** Runs one queued event through the router, timed and counted. */
public final class UpdateHandler implements Consumer<BotEvent> {

    private final Router router;
    private final Recipients recipients;
    private final BotMetrics metrics;

    public UpdateHandler(Router router, Recipients recipients, BotMetrics metrics) {
        this.router = router;
        this.recipients = recipients;
        this.metrics = metrics;
    }

    @Override
    public void accept(BotEvent event) {
        long started = System.nanoTime();
        // Whoever writes to the bot can be written to again (they unblocked it).
        recipients.reachable(event.chatId());
        String route = router.handle(event);
        metrics.handled(event.kind(), route, Duration.ofNanos(System.nanoTime() - started));
    }
}
