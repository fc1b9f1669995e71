package ru.repitbot.notification.app.delivery;

import ru.repitbot.telegram.limits.TelegramSendLimits;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import ru.repitbot.notification.db.DeliveryQueue;
import ru.repitbot.notification.db.QueuedMessage;
import ru.repitbot.notification.domain.DeliveryPolicy;
import ru.repitbot.notification.domain.DeliveryVerdict;
import ru.repitbot.notification.domain.TelegramOutcome;

/**
 * The Telegram delivery engine (docs/domain/notifications.md#sending-through-telegram). One poller per replica takes
 * due rows of {@code outgoing_message} in small batches ({@code FOR UPDATE SKIP LOCKED}, marked {@code sending} under
 * a lease) and hands each person's rows to a virtual thread, which sends them in order: expired ones are cancelled,
 * people known to be unreachable or without a chat are ended at once, the rest wait for the shared limits
 * ({@link TelegramSendLimits}), go to Telegram, and {@link DeliveryPolicy}'s verdict is recorded ({@link DeliveryOutcomes}).
 * Chats are sent in parallel; one chat's messages one after another. A row left {@code sending} by a replica that
 * died goes back to the queue when its lease ends. Without a token the engine does not run.
 */
public class DeliveryEngine implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryEngine.class);

    private final TelegramSettings telegram;
    private final DeliverySettings settings;
    private final DeliveryQueue queue;
    private final DeliveryOutcomes outcomes;
    private final TelegramClient client;
    private final TelegramSendLimits limits;
    private final DeliveryMetrics metrics;
    private final DeliveryPolicy policy;
    private final Clock clock;
    private final String owner;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private final BlockingQueue<DeliveryOutcomes.Accepted> accepted = new LinkedBlockingQueue<>();
    private volatile boolean running;
    private volatile boolean recording;
    private volatile boolean woken;
    private Thread poller;
    private Thread recorder;
    private ExecutorService senders;

    public DeliveryEngine(TelegramSettings telegram, DeliverySettings settings, DeliveryQueue queue,
            DeliveryOutcomes outcomes, TelegramClient client, TelegramSendLimits limits, DeliveryMetrics metrics,
            Clock clock) {
        this.telegram = telegram;
        this.settings = settings;
        this.queue = queue;
        this.outcomes = outcomes;
        this.client = client;
        this.limits = limits;
        this.metrics = metrics;
        this.policy = new DeliveryPolicy(settings.maxAttempts(), settings.firstBackOff(), settings.maxBackOff());
        this.clock = clock;
        this.owner = settings.replicaName() == null || settings.replicaName().isBlank() ? defaultName()
                : settings.replicaName();
    }

    public String owner() {
        return owner;
    }

    @Override
    public void start() {
        lock.lock();
        try {
            if (running) {
                return;
            }
            if (!telegram.enabled()) {
                log.info("Telegram delivery is off: no bot token (repitbot.telegram.token / TELEGRAM_BOT_TOKEN); "
                        + "queued messages wait");
                return;
            }
            running = true;
            recording = true;
            recorder = Thread.ofPlatform().daemon().name("delivery-recorder-" + owner).start(this::recordLoop);
            senders = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("delivery-", 0).factory());
            poller = Thread.ofPlatform().daemon().name("delivery-poller-" + owner).start(this::pollLoop);
            log.info("Telegram delivery started as {} ({} a second in all, {} a second per chat with a burst of {})",
                    owner, telegram.limits().globalPerSecond(), telegram.limits().perChatPerSecond(),
                    telegram.limits().perChatBurst());
        } finally {
            lock.unlock();
        }
    }

    /** Stops taking rows; rows already taken are finished or released (within a few seconds), never left. */
    @Override
    public void stop() {
        Thread pollerThread;
        Thread recorderThread;
        ExecutorService executor;
        lock.lock();
        try {
            if (!running) {
                return;
            }
            running = false;
            wake.signalAll();
            pollerThread = poller;
            recorderThread = recorder;
            executor = senders;
        } finally {
            lock.unlock();
        }
        try {
            pollerThread.join(Duration.ofSeconds(10));
            executor.shutdown();
            if (!executor.awaitTermination(20, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
            recording = false;
            recorderThread.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.info("Telegram delivery of {} stopped", owner);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Looks at the queue at once (a sender that just enqueued something may call it). */
    public void wake() {
        lock.lock();
        try {
            woken = true;
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void pollLoop() {
        Instant nextReclaim = Instant.EPOCH;
        Instant nextGauge = Instant.EPOCH;
        while (running) {
            try {
                Instant now = clock.instant();
                if (!now.isBefore(nextReclaim)) {
                    int reclaimed = outcomes.reclaimExpired(now);
                    if (reclaimed > 0) {
                        log.warn("{} messages whose sender's lease ran out went back to the queue", reclaimed);
                    }
                    nextReclaim = now.plus(minimum(settings.lease().dividedBy(4), Duration.ofSeconds(5)));
                }
                if (!now.isBefore(nextGauge)) {
                    DeliveryQueue.Depth depth = queue.depth(now);
                    metrics.queue(depth.due(), depth.oldestDueAt(), now);
                    nextGauge = now.plus(settings.gaugeRefresh());
                }
                int free = settings.maxInFlight() - inFlight.get();
                int taken = 0;
                if (free > 0) {
                    taken = takeAndSend(Math.min(settings.batchSize(), free), now);
                }
                if (taken < settings.batchSize() || free <= taken) {
                    pause();
                }
            } catch (RuntimeException e) {
                log.warn("Delivery poll failed: {}", e.toString());
                pause();
            }
        }
    }

    /** Records what Telegram accepted, many at a time (the sender goes on with the chat meanwhile). */
    private void recordLoop() {
        List<DeliveryOutcomes.Accepted> batch = new ArrayList<>();
        while (recording || !accepted.isEmpty()) {
            try {
                DeliveryOutcomes.Accepted first = accepted.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                accepted.drainTo(batch, 499);
                recordWithRetries(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void recordWithRetries(List<DeliveryOutcomes.Accepted> batch) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                outcomes.recordSent(owner, batch);
                return;
            } catch (RuntimeException e) {
                if (attempt >= 10) {
                    // Left 'sending': when the lease ends they go back to the queue and may be sent again.
                    log.error("Could not record {} sent messages: {}", batch.size(), e.toString());
                    return;
                }
                log.warn("Recording {} sent messages failed, trying again: {}", batch.size(), e.toString());
                Thread.sleep(Duration.ofMillis(200L * attempt));
            }
        }
    }

    private int takeAndSend(int limit, Instant now) {
        List<QueuedMessage> rows = queue.claim(owner, limit, now, now.plus(settings.lease()));
        if (rows.isEmpty()) {
            return 0;
        }
        Map<Long, List<QueuedMessage>> byPerson = new LinkedHashMap<>();
        rows.stream().sorted(Comparator.comparing(QueuedMessage::dueAt).thenComparingLong(QueuedMessage::id))
                .forEach(row -> byPerson.computeIfAbsent(row.recipientId(), id -> new ArrayList<>()).add(row));
        for (List<QueuedMessage> person : byPerson.values()) {
            person.sort(Comparator.comparingLong(QueuedMessage::id));
            inFlight.addAndGet(person.size());
            senders.execute(() -> {
                try {
                    sendInOrder(person);
                } finally {
                    inFlight.addAndGet(-person.size());
                    wake();
                }
            });
        }
        return rows.size();
    }

    /** One person's rows, one after another. */
    void sendInOrder(List<QueuedMessage> rows) {
        Instant leaseRenewedAt = clock.instant();
        for (int i = 0; i < rows.size(); i++) {
            QueuedMessage row = rows.get(i);
            List<Long> rest = rows.subList(i, rows.size()).stream().map(QueuedMessage::id).toList();
            try {
                if (!running) {
                    queue.release(owner, rest, null);
                    return;
                }
                Instant now = clock.instant();
                if (Duration.between(leaseRenewedAt, now).compareTo(settings.lease().dividedBy(3)) > 0) {
                    queue.renew(owner, rest, now.plus(settings.lease()));
                    leaseRenewedAt = now;
                }
                DeliveryVerdict verdict = sendOne(row);
                if (verdict instanceof DeliveryVerdict.RetryAt retry) {
                    // The chat's later messages wait behind it, so they still arrive in order.
                    queue.release(owner, rest.subList(1, rest.size()), retry.at());
                    return;
                }
                if (verdict instanceof DeliveryVerdict.Unreachable gone) {
                    Instant at = clock.instant();
                    for (QueuedMessage later : rows.subList(i + 1, rows.size())) {
                        outcomes.endUntried(later, owner, "unreachable", at, "unreachable: " + gone.reason().value());
                    }
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                releaseQuietly(rest);
                return;
            } catch (RuntimeException e) {
                // The database or Redis failed: what was not recorded goes back to the queue (or its lease ends).
                log.warn("Delivery of message {} failed in the engine: {}", row.id(), e.toString());
                releaseQuietly(rest);
                return;
            }
        }
    }

    /** Sends one row (all its parts); returns the verdict recorded, or null when it ended without a try. */
    private DeliveryVerdict sendOne(QueuedMessage row) throws InterruptedException {
        Instant now = clock.instant();
        if (row.expiredAt(now)) {
            outcomes.endUntried(row, owner, "cancelled", now, "expired before it could be sent");
            return null;
        }
        if (row.unreachableReason() != null) {
            outcomes.endUntried(row, owner, "unreachable", now, "unreachable: " + row.unreachableReason());
            return null;
        }
        if (row.chatId() == null) {
            outcomes.noChat(row, owner, now);
            return null;
        }
        long chatId = row.chatId();
        TelegramOutcome outcome = null;
        long firstMessageId = 0;
        for (TelegramRequest request : TelegramRequest.of(row, chatId)) {
            limits.acquire(chatId);
            if (row.expiredAt(clock.instant())) {
                outcomes.endUntried(row, owner, "cancelled", clock.instant(), "expired while waiting for the limits");
                return null;
            }
            outcome = client.call(request);
            if (!(outcome instanceof TelegramOutcome.Accepted accepted)) {
                break;
            }
            if (firstMessageId == 0) {
                firstMessageId = accepted.messageId();
            }
        }
        if (outcome instanceof TelegramOutcome.Accepted) {
            outcome = new TelegramOutcome.Accepted(firstMessageId);
        }
        Instant triedAt = clock.instant();
        int counted = row.attempts() + 1;
        DeliveryVerdict verdict = policy.judge(outcome, counted, triedAt, ThreadLocalRandom.current());
        if (verdict instanceof DeliveryVerdict.Sent sent) {
            accepted.add(new DeliveryOutcomes.Accepted(row, chatId, sent.telegramMessageId(), counted, triedAt));
        } else {
            outcomes.record(row, owner, chatId, outcome, verdict, counted, triedAt);
        }
        return verdict;
    }

    private void releaseQuietly(List<Long> ids) {
        try {
            queue.release(owner, ids, null);
        } catch (RuntimeException e) {
            log.warn("Could not release {} messages; their lease will: {}", ids.size(), e.toString());
        }
    }

    private void pause() {
        lock.lock();
        try {
            if (running && !woken) {
                wake.await(settings.pollInterval().toNanos(), TimeUnit.NANOSECONDS);
            }
            woken = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    private static Duration minimum(Duration a, Duration b) {
        return a.compareTo(b) < 0 ? a : b;
    }

    private static String defaultName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "host";
        }
        return host + "-" + ManagementFactory.getRuntimeMXBean().getPid() + "-"
                + UUID.randomUUID().toString().substring(0, 8);
    }
}
