package ru.repitbot.bot.telegram;

import com.pengrad.telegrambot.Callback;
import com.pengrad.telegrambot.Cancellable;
import com.pengrad.telegrambot.ExceptionHandler;
import com.pengrad.telegrambot.TelegramBot;
import com.pengrad.telegrambot.TelegramException;
import com.pengrad.telegrambot.UpdatesListener;
import com.pengrad.telegrambot.impl.UpdatesHandler;
import com.pengrad.telegrambot.model.Update;
import com.pengrad.telegrambot.request.GetUpdates;
import com.pengrad.telegrambot.response.GetUpdatesResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code getUpdates} long-polling loop. The library's own loop retries a failed poll every 100 ms forever; this
 * one waits {@code firstDelay} after a failure, doubling up to {@code maxDelay}, and records every poll's outcome in
 * {@link PollingState}. Updates are confirmed (the next poll's offset moves past them) once the listener returns.
 */
final class BackoffUpdatesHandler implements UpdatesHandler {

    private static final Logger log = LoggerFactory.getLogger(BackoffUpdatesHandler.class);

    private final Duration firstDelay;
    private final Duration maxDelay;
    private final PollingState state;

    private volatile TelegramBot bot;
    private volatile UpdatesListener listener;
    private volatile ExceptionHandler errors;
    private volatile Cancellable pending;
    private volatile Duration delay;
    private volatile ScheduledExecutorService retries;

    BackoffUpdatesHandler(Duration firstDelay, Duration maxDelay, PollingState state) {
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
        this.state = state;
    }

    @Override
    public void start(TelegramBot bot, UpdatesListener listener, ExceptionHandler errors, GetUpdates request) {
        this.bot = bot;
        this.errors = errors;
        this.delay = firstDelay;
        // The library calls stop() before every start(), so each start gets its own retry timer.
        this.retries = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("telegram-poll-retry").factory());
        this.listener = listener;
        poll(request);
    }

    @Override
    public void stop() {
        listener = null;
        ScheduledExecutorService timer = retries;
        if (timer != null) {
            timer.shutdownNow();
        }
        Cancellable inFlight = pending;
        if (inFlight != null) {
            inFlight.cancel();
        }
    }

    private void poll(GetUpdates request) {
        if (listener == null) {
            return;
        }
        pending = bot.execute(request, new Callback<GetUpdates, GetUpdatesResponse>() {
            @Override
            public void onResponse(GetUpdates polled, GetUpdatesResponse response) {
                UpdatesListener current = listener;
                if (current == null) {
                    return;
                }
                if (!response.isOk()) {
                    failed(polled, new TelegramException("getUpdates failed with error_code " + response.errorCode()
                            + " " + response.description(), response));
                    return;
                }
                int failedBefore = state.polled();
                delay = firstDelay;
                if (failedBefore > 0) {
                    log.info("Telegram polling works again after {} failed attempts", failedBefore);
                }
                List<Update> updates = response.updates() == null ? List.of() : response.updates();
                if (!updates.isEmpty()) {
                    int confirmed = current.process(updates);
                    if (confirmed == UpdatesListener.CONFIRMED_UPDATES_ALL) {
                        polled.offset(updates.getLast().updateId() + 1);
                    } else if (confirmed != UpdatesListener.CONFIRMED_UPDATES_NONE) {
                        polled.offset(confirmed + 1);
                    }
                }
                poll(polled);
            }

            @Override
            public void onFailure(GetUpdates polled, IOException e) {
                if (listener != null) {
                    failed(polled, new TelegramException(e));
                }
            }
        });
    }

    private void failed(GetUpdates request, TelegramException error) {
        ExceptionHandler handler = errors;
        if (handler != null) {
            handler.onException(error);
        }
        Duration wait = delay;
        delay = wait.multipliedBy(2).compareTo(maxDelay) > 0 ? maxDelay : wait.multipliedBy(2);
        try {
            retries.schedule(() -> poll(request), wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopped) {
            // stop() ran meanwhile: nothing more to poll.
        }
    }
}
