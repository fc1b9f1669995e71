package ru.repitbot.standin;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One bot (one token) of the stand-in: its chats and messages, pending updates, webhook, files, callback queries,
 * call counts, limits and forced failures. Tests get one from {@link TelegramStandIn#bot(String)} (or
 * {@link TelegramStandIn#bot()} for the default token) and talk to it as users through {@link #user(long, String)}.
 * Thread-safe.
 */
public final class StandInBot {

    /** Update types Telegram sends when allowed_updates is not given (chat_member and reactions are opt-in). */
    static final Set<String> DEFAULT_UPDATES = Set.of("message", "edited_message", "callback_query", "my_chat_member",
            "channel_post", "edited_channel_post", "inline_query", "chosen_inline_result", "shipping_query",
            "pre_checkout_query", "poll", "poll_answer", "chat_join_request");

    record PendingUpdate(int id, String type, ObjectNode json) {
    }

    private static final class Poll {
        boolean terminated;
    }

    private static final class ForcedRule {
        final String method;
        final ForcedFailure failure;
        int remaining;

        ForcedRule(String method, ForcedFailure failure, int remaining) {
            this.method = method;
            this.failure = failure;
            this.remaining = remaining;
        }
    }

    final TelegramStandIn owner;
    final String token;
    final TgUser me;
    final ReentrantLock lock = new ReentrantLock();
    final Condition changed = lock.newCondition();

    // guarded by lock
    private final Deque<PendingUpdate> updates = new ArrayDeque<>();
    private int nextUpdateId;
    private Set<String> allowedUpdates = DEFAULT_UPDATES;
    private Poll activePoll;
    String webhookUrl;
    private String webhookSecret;
    private int webhookMaxConnections;
    private long webhookErrorDate;
    private String webhookErrorMessage;
    private Thread deliveryThread;
    final Map<Long, ChatState> chats = new LinkedHashMap<>();
    private final Map<String, StoredFile> files = new HashMap<>();
    private final Map<String, StoredFile> filesByPath = new HashMap<>();
    private final Map<String, CallbackRecord> callbacks = new LinkedHashMap<>();
    private final List<ForcedRule> forced = new ArrayList<>();
    private long version;
    private int fileCounter;
    private long personaGeneration = -1;
    ArrayNode commands = Json.array();
    private final TokenBucket global;

    // statistics, readable without the lock
    private final ConcurrentHashMap<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final List<TooManyRequests> tooMany = new CopyOnWriteArrayList<>();
    // guarded by lock
    /** How many accepted messages the received log keeps (the oldest tenth goes when it is full). */
    static final int RECEIVED_KEPT = 200_000;
    private final List<Received> received = new ArrayList<>();
    private volatile long lastCallMillis;
    private volatile boolean polling;

    StandInBot(TelegramStandIn owner, String token, long botId, String firstName, String username) {
        this.owner = owner;
        this.token = token;
        this.me = new TgUser(botId, true, firstName, null, username);
        this.nextUpdateId = 100_000 + owner.random().nextInt(900_000);
        RateLimits limits = owner.options().limits();
        this.global = new TokenBucket(limits.globalPerSecond(), limits.globalPerSecond(), System.nanoTime());
    }

    // ===========================================================================================================
    // Public API for tests

    public String token() {
        return token;
    }

    /** The bot's user id (the digits before the colon of its token). */
    public long id() {
        return me.id();
    }

    public String username() {
        return me.username();
    }

    /** A private chat with the user {@code telegramId} (created when new): talk to the bot as that user. */
    public ChatDriver user(long telegramId, String firstName) {
        return user(telegramId, firstName, null, null);
    }

    public ChatDriver user(long telegramId, String firstName, String lastName, String username) {
        if (telegramId <= 0) {
            throw new IllegalArgumentException("a Telegram user id is positive: " + telegramId);
        }
        TgUser user = new TgUser(telegramId, false, firstName == null || firstName.isBlank() ? "User" : firstName,
                lastName, username);
        lock.lock();
        try {
            ChatState chat = chats.get(telegramId);
            if (chat == null) {
                chat = ChatState.privateChat(user, chatInstance());
                chats.put(telegramId, chat);
            } else if (!chat.persona) {
                chat.user = user;
            }
            return new ChatDriver(this, chat, chat.user);
        } finally {
            lock.unlock();
        }
    }

    /**
     * A group chat (negative id; created when new) with the bot in it, and one member who talks there. Groups have
     * their own flood limit (20 messages a minute).
     */
    public ChatDriver group(long chatId, String title, long memberId, String memberFirstName) {
        if (chatId >= 0) {
            throw new IllegalArgumentException("group chat ids are negative: " + chatId);
        }
        TgUser member = new TgUser(memberId, false, memberFirstName, null, null);
        lock.lock();
        try {
            ChatState chat = chats.computeIfAbsent(chatId, id -> ChatState.groupChat(id, title, chatInstance()));
            chat.members.put(memberId, member);
            return new ChatDriver(this, chat, member);
        } finally {
            lock.unlock();
        }
    }

    /** Every message of a chat, oldest first (deleted ones included, marked). */
    public List<ChatMessage> messages(long chatId) {
        lock.lock();
        try {
            ChatState chat = chats.get(chatId);
            return chat == null ? List.of() : chat.messages.stream().map(StoredMessage::snapshot).toList();
        } finally {
            lock.unlock();
        }
    }

    /** Bot API calls so far, per method (as Telegram names them; unknown methods as called). */
    public Map<String, Integer> callCounts() {
        Map<String, Integer> copy = new TreeMap<>();
        calls.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    public int calls(String method) {
        AtomicInteger n = calls.get(BotApi.canonical(method));
        return n == null ? 0 : n.get();
    }

    /** Every 429 answered so far (limits and forced). */
    public List<TooManyRequests> tooManyRequests() {
        return List.copyOf(tooMany);
    }

    /** Every callback query sent to the bot and its answer, oldest first. */
    public List<CallbackAnswer> callbackQueries() {
        lock.lock();
        try {
            return callbacks.values().stream().map(CallbackRecord::snapshot).toList();
        } finally {
            lock.unlock();
        }
    }

    public List<CallbackAnswer> unansweredCallbackQueries() {
        return callbackQueries().stream().filter(c -> !c.answered()).toList();
    }

    /** Whether the bot answered every callback query (Telegram's clients show a spinner until it does). */
    public boolean allCallbackQueriesAnswered() {
        return unansweredCallbackQueries().isEmpty();
    }

    /**
     * The next {@code count} calls of {@code method} (any method when null) fail with {@code failure}: a 429 storm
     * ({@link ForcedFailure#tooManyRequests(int)}) or 5xx ({@link ForcedFailure#serverError()},
     * {@link ForcedFailure#badGateway()}). Rules queue up; the first matching one answers.
     */
    public void failNext(int count, String method, ForcedFailure failure) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be positive");
        }
        lock.lock();
        try {
            forced.add(new ForcedRule(method == null || method.isBlank() ? null : BotApi.canonical(method), failure,
                    count));
        } finally {
            lock.unlock();
        }
    }

    public void failNext(int count, ForcedFailure failure) {
        failNext(count, null, failure);
    }

    public void clearForcedFailures() {
        lock.lock();
        try {
            forced.clear();
        } finally {
            lock.unlock();
        }
    }

    /** Updates waiting for the bot (not yet confirmed by getUpdates, or not yet delivered to the webhook). */
    public int pendingUpdates() {
        lock.lock();
        try {
            return updates.size();
        } finally {
            lock.unlock();
        }
    }

    public Optional<String> webhookUrl() {
        lock.lock();
        try {
            return Optional.ofNullable(webhookUrl);
        } finally {
            lock.unlock();
        }
    }

    /** Forgets call counts, 429s and the received log (not chats, messages or callback queries). */
    public void resetStats() {
        calls.clear();
        tooMany.clear();
        lock.lock();
        try {
            received.clear();
        } finally {
            lock.unlock();
        }
    }

    /** Every message this bot sent that the stand-in accepted, in the order it accepted them, with its own clock. */
    public List<Received> received() {
        lock.lock();
        try {
            return List.copyOf(received);
        } finally {
            lock.unlock();
        }
    }

    /** Records an accepted message in the received log. Caller holds the lock. */
    void accepted(String method, StoredMessage m) {
        if (received.size() >= RECEIVED_KEPT) {
            // A stand-in that runs for days (./repitbot up) keeps only the newest part of its log.
            received.subList(0, RECEIVED_KEPT / 10).clear();
        }
        received.add(new Received(m.chat.id, m.messageId, method, m.text != null ? m.text : m.caption,
                System.nanoTime(), Instant.now()));
    }

    /** Wakes waiting polls (they answer what they have) and stops webhook delivery; the stand-in is closing. */
    void stop() {
        lock.lock();
        try {
            signal();
            if (deliveryThread != null) {
                deliveryThread.interrupt();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Whether the bot is connected: a getUpdates is waiting, a webhook is set, or it called in the last minute. */
    public boolean connected() {
        return polling || webhookUrl().isPresent() || System.currentTimeMillis() - lastCallMillis < 60_000;
    }

    @Override
    public String toString() {
        return "StandInBot[id=" + me.id() + ", @" + me.username() + "]";
    }

    // ===========================================================================================================
    // Internals shared by the Bot API, the chat page and ChatDriver

    void counted(String method) {
        calls.computeIfAbsent(method, k -> new AtomicInteger()).incrementAndGet();
        lastCallMillis = System.currentTimeMillis();
    }

    long lastCallMillis() {
        return lastCallMillis;
    }

    boolean polling() {
        return polling;
    }

    long version() {
        lock.lock();
        try {
            return version;
        } finally {
            lock.unlock();
        }
    }

    long nextVersion() {
        return ++version;
    }

    void signal() {
        changed.signalAll();
    }

    /** Waits (up to timeout) until {@code probe} (run under the lock) returns non-null; null on timeout. */
    <T> T await(Supplier<T> probe, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (true) {
                T value = probe.get();
                if (value != null) {
                    return value;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || owner.closed()) {
                    return null;
                }
                changed.awaitNanos(Math.min(left, TimeUnit.MILLISECONDS.toNanos(250)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            lock.unlock();
        }
    }

    private String chatInstance() {
        return Long.toString(owner.random().nextLong() & Long.MAX_VALUE);
    }

    String randomId(int bytes) {
        byte[] b = new byte[bytes];
        owner.random().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /**
     * Makes sure every persona (of the options and the personas file, re-read when it changed) has its private chat;
     * true when something was added or renamed.
     */
    boolean syncPersonas() {
        PersonaSource.Snapshot snapshot = owner.personas().current();
        lock.lock();
        try {
            if (snapshot.generation() == personaGeneration) {
                return false;
            }
            personaGeneration = snapshot.generation();
            snapshot.personas().forEach(this::ensurePersona);
            nextVersion();
            return true;
        } finally {
            lock.unlock();
        }
    }

    private void ensurePersona(Persona p) {
        lock.lock();
        try {
            TgUser user = new TgUser(p.telegramId(), false, p.firstName(), p.lastName(), null);
            ChatState chat = chats.get(p.telegramId());
            if (chat == null) {
                chat = ChatState.privateChat(user, chatInstance());
                chats.put(p.telegramId(), chat);
            } else {
                chat.user = user;
            }
            chat.persona = true;
        } finally {
            lock.unlock();
        }
    }

    ChatState chat(long id) {
        return chats.get(id);
    }

    // ---- updates ---------------------------------------------------------------------------------------------

    void enqueue(String type, ObjectNode payload) {
        ObjectNode update = Json.object();
        int id = nextUpdateId++;
        update.put("update_id", id);
        update.set(type, payload);
        updates.addLast(new PendingUpdate(id, type, update));
        signal();
    }

    /** getUpdates: confirm below offset, then wait up to timeout for updates. Caller holds the lock. */
    ArrayNode getUpdates(Long offset, int limit, int timeoutSeconds, Set<String> allowed) throws InterruptedException {
        if (webhookUrl != null) {
            throw ApiError.conflict("can't use getUpdates method while webhook is active; use deleteWebhook to "
                    + "delete the webhook first");
        }
        if (allowed != null) {
            allowedUpdates = allowed;
        }
        if (offset != null) {
            confirm(offset);
        }
        if (activePoll != null) {
            activePoll.terminated = true;
            signal();
        }
        Poll poll = new Poll();
        activePoll = poll;
        polling = true;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        try {
            while (true) {
                if (poll.terminated) {
                    if (webhookUrl != null) {
                        throw ApiError.conflict("can't use getUpdates method while webhook is active; use "
                                + "deleteWebhook to delete the webhook first");
                    }
                    throw ApiError.conflict("terminated by other getUpdates request; make sure that only one bot "
                            + "instance is running");
                }
                List<PendingUpdate> ready = deliverable(allowedUpdates, limit);
                long left = deadline - System.nanoTime();
                if (!ready.isEmpty() || left <= 0 || owner.closed()) {
                    ArrayNode result = Json.array();
                    ready.forEach(u -> result.add(u.json()));
                    return result;
                }
                changed.awaitNanos(left);
            }
        } finally {
            if (activePoll == poll) {
                activePoll = null;
                polling = false;
            }
        }
    }

    private void confirm(long offset) {
        if (offset > 0) {
            while (!updates.isEmpty() && updates.peekFirst().id() < offset) {
                updates.removeFirst();
            }
        } else if (offset < 0) {
            while (updates.size() > -offset) {
                updates.removeFirst();
            }
        }
    }

    /** Up to limit pending updates of allowed types; updates of other types are dropped, as Telegram never makes them. */
    private List<PendingUpdate> deliverable(Set<String> allowed, int limit) {
        List<PendingUpdate> out = new ArrayList<>();
        Iterator<PendingUpdate> it = updates.iterator();
        while (it.hasNext() && out.size() < limit) {
            PendingUpdate u = it.next();
            if (allowed.contains(u.type())) {
                out.add(u);
            } else {
                it.remove();
            }
        }
        return out;
    }

    static Set<String> parseAllowedUpdates(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (!node.isArray()) {
            throw ApiError.badRequest("can't parse allowed updates");
        }
        Set<String> set = new HashSet<>();
        node.forEach(n -> set.add(n.asString()));
        return set.isEmpty() ? DEFAULT_UPDATES : Collections.unmodifiableSet(set);
    }

    // ---- webhook ---------------------------------------------------------------------------------------------

    /** setWebhook. Caller holds the lock. */
    void setWebhook(String url, String secret, int maxConnections, Set<String> allowed, boolean dropPending) {
        webhookUrl = url;
        webhookSecret = secret;
        webhookMaxConnections = maxConnections;
        if (allowed != null) {
            allowedUpdates = allowed;
        }
        webhookErrorDate = 0;
        webhookErrorMessage = null;
        if (dropPending) {
            updates.clear();
        }
        if (activePoll != null) {
            activePoll.terminated = true;
        }
        if (deliveryThread == null) {
            deliveryThread = Thread.ofVirtual().name("standin-webhook-" + me.id()).start(this::deliverLoop);
        }
        signal();
    }

    /** deleteWebhook; true when one was set. Caller holds the lock. */
    boolean deleteWebhook(boolean dropPending) {
        boolean was = webhookUrl != null;
        webhookUrl = null;
        webhookSecret = null;
        if (dropPending) {
            updates.clear();
        }
        signal();
        return was;
    }

    ObjectNode webhookInfo() {
        ObjectNode o = Json.object();
        o.put("url", webhookUrl == null ? "" : webhookUrl);
        o.put("has_custom_certificate", false);
        o.put("pending_update_count", updates.size());
        if (webhookUrl != null) {
            o.put("max_connections", webhookMaxConnections);
            o.put("ip_address", "127.0.0.1");
            if (allowedUpdates != DEFAULT_UPDATES) {
                ArrayNode a = o.putArray("allowed_updates");
                allowedUpdates.stream().sorted().forEach(a::add);
            }
        }
        if (webhookErrorDate > 0) {
            o.put("last_error_date", webhookErrorDate);
            o.put("last_error_message", webhookErrorMessage);
        }
        return o;
    }

    private void deliverLoop() {
        Duration first = owner.options().webhookRetryDelay();
        Duration delay = first;
        while (!owner.closed()) {
            PendingUpdate next;
            String url;
            String secret;
            lock.lock();
            try {
                List<PendingUpdate> ready = webhookUrl == null ? List.of() : deliverable(allowedUpdates, 1);
                if (ready.isEmpty()) {
                    changed.await(500, TimeUnit.MILLISECONDS);
                    continue;
                }
                next = ready.getFirst();
                url = webhookUrl;
                secret = webhookSecret;
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
            String error;
            HttpResponse<byte[]> response = null;
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(Json.bytes(next.json())));
                if (secret != null) {
                    request.header("X-Telegram-Bot-Api-Secret-Token", secret);
                }
                response = owner.httpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                int status = response.statusCode();
                error = status / 100 == 2 ? null : "Wrong response from the webhook: " + status + " " + reason(status);
            } catch (IOException e) {
                error = e instanceof java.net.ConnectException ? "Connection refused"
                        : "Connection error: " + e.getClass().getSimpleName();
            } catch (InterruptedException e) {
                return;
            } catch (IllegalArgumentException e) {
                error = "Invalid webhook URL";
            }
            lock.lock();
            try {
                if (error == null) {
                    if (!updates.isEmpty() && updates.peekFirst() == next) {
                        updates.removeFirst();
                    } else {
                        updates.remove(next);
                    }
                    delay = first;
                } else {
                    webhookErrorDate = Instant.now().getEpochSecond();
                    webhookErrorMessage = error;
                    owner.log("webhook of bot " + me.id() + ": " + error + "; retrying in " + delay.toMillis() + " ms");
                }
            } finally {
                lock.unlock();
            }
            if (error == null) {
                answerInResponse(response);
            } else {
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException e) {
                    return;
                }
                delay = delay.multipliedBy(2);
                if (delay.compareTo(owner.options().webhookMaxRetryDelay()) > 0) {
                    delay = owner.options().webhookMaxRetryDelay();
                }
            }
        }
    }

    /** A webhook may answer with a method call in its response body, which Telegram then executes. */
    private void answerInResponse(HttpResponse<byte[]> response) {
        if (response == null || response.body() == null || response.body().length == 0) {
            return;
        }
        JsonNode body = Json.parseOrNull(response.body());
        String method = body == null ? null : Json.text(body, "method");
        if (method == null) {
            return;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : body.properties()) {
            if (!e.getKey().equals("method") && !e.getValue().isNull()) {
                values.put(e.getKey(), e.getValue().isContainer() ? Json.write(e.getValue()) : e.getValue().asString());
            }
        }
        try {
            owner.api().call(this, method, Params.of(values));
        } catch (ApiError ignored) {
            // Telegram does not report errors of a method called in a webhook response.
        }
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "";
        };
    }

    // ---- limits and forced failures --------------------------------------------------------------------------

    /** The forced failure for this call, if a rule matches (and counts it down). Caller holds the lock. */
    ForcedFailure takeForced(String method) {
        Iterator<ForcedRule> it = forced.iterator();
        while (it.hasNext()) {
            ForcedRule rule = it.next();
            if (rule.method == null || rule.method.equals(method)) {
                rule.remaining--;
                if (rule.remaining <= 0) {
                    it.remove();
                }
                if (rule.failure.errorCode() == 429) {
                    tooMany.add(new TooManyRequests(method, null, rule.failure.retryAfter(), "forced", Instant.now()));
                }
                return rule.failure;
            }
        }
        return null;
    }

    /** Telegram's flood limits for a message the bot sends to chat; a 429 when over. Caller holds the lock. */
    void flood(String method, ChatState chat) {
        RateLimits limits = owner.options().limits();
        if (!limits.enabled()) {
            return;
        }
        long now = System.nanoTime();
        if (chat.bucket == null) {
            chat.bucket = chat.group ? new TokenBucket(limits.groupPerMinute(), limits.groupPerMinute() / 60.0, now)
                    : new TokenBucket(limits.privateBurst(), limits.privatePerSecond(), now);
        }
        int chatWait = chat.bucket.retryAfter(now);
        int globalWait = global.retryAfter(now);
        if (chatWait > 0 || globalWait > 0) {
            int retry = Math.max(chatWait, globalWait);
            String reason = chatWait > 0 ? (chat.group ? "group" : "chat") : "global";
            tooMany.add(new TooManyRequests(method, chat.id, retry, reason, Instant.now()));
            throw ApiError.tooManyRequests(retry);
        }
        chat.bucket.take();
        global.take();
    }

    // ---- messages and files ----------------------------------------------------------------------------------

    StoredMessage addMessage(ChatState chat, TgUser from, boolean fromBot) {
        StoredMessage m = new StoredMessage(chat, chat.nextMessageId++, from, fromBot, Instant.now().getEpochSecond());
        chat.messages.add(m);
        m.version = nextVersion();
        return m;
    }

    void changedMessage(StoredMessage m) {
        m.version = nextVersion();
        signal();
    }

    StoredFile storeFile(String kind, byte[] bytes, String fileName, String mimeType, int width, int height) {
        int n = fileCounter++;
        String id = (kind.equals(StoredFile.PHOTO) ? "AgACAgIAAxk" : "BQACAgIAAxk") + randomId(45);
        String unique = "AQAD" + randomId(9);
        String path = kind.equals(StoredFile.PHOTO) ? "photos/file_" + n + ".jpg"
                : "documents/file_" + n + extension(fileName);
        StoredFile f = new StoredFile(id, unique, kind, fileName, mimeType, path, bytes, width, height);
        files.put(id, f);
        filesByPath.put(path, f);
        return f;
    }

    private static String extension(String fileName) {
        if (fileName == null) {
            return "";
        }
        int dot = fileName.lastIndexOf('.');
        String ext = dot < 0 ? "" : fileName.substring(dot).toLowerCase(Locale.ROOT);
        return ext.matches("\\.[a-z0-9]{1,8}") ? ext : "";
    }

    StoredFile file(String fileId) {
        return files.get(fileId);
    }

    StoredFile fileByPath(String path) {
        lock.lock();
        try {
            return filesByPath.get(path);
        } finally {
            lock.unlock();
        }
    }

    StoredFile fileById(String fileId) {
        lock.lock();
        try {
            return files.get(fileId);
        } finally {
            lock.unlock();
        }
    }

    CallbackRecord callback(String id) {
        return callbacks.get(id);
    }

    // ---- what users do (the chat page and ChatDriver) --------------------------------------------------------

    StoredMessage userText(ChatState chat, TgUser from, String text, boolean viaKeyboard) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the message is empty");
        }
        if (text.length() > 4096) {
            throw new IllegalArgumentException("the message is longer than 4096 characters");
        }
        lock.lock();
        try {
            unblockOnUserAction(chat, from);
            StoredMessage m = addMessage(chat, from, false);
            m.text = text.strip();
            m.entities = Formatting.detect(m.text);
            if (viaKeyboard && chat.replyKeyboard != null && chat.replyKeyboard.path("one_time_keyboard").asBoolean(false)) {
                chat.replyKeyboard = null;
                chat.keyboardVersion = nextVersion();
            }
            enqueue("message", m.json());
            return m;
        } finally {
            lock.unlock();
        }
    }

    StoredMessage userMedia(ChatState chat, TgUser from, boolean photo, byte[] bytes, String fileName, String mimeType,
            String caption) {
        if (bytes == null || bytes.length == 0) {
            throw new IllegalArgumentException("the file is empty");
        }
        int[] size = photo ? Images.size(bytes) : null;
        lock.lock();
        try {
            unblockOnUserAction(chat, from);
            StoredFile f = photo
                    ? storeFile(StoredFile.PHOTO, bytes, null, "image/jpeg", size == null ? 0 : size[0],
                            size == null ? 0 : size[1])
                    : storeFile(StoredFile.DOCUMENT, bytes, fileName == null ? "file" : fileName,
                            Images.mimeType(fileName, mimeType), 0, 0);
            StoredMessage m = addMessage(chat, from, false);
            if (photo) {
                m.photo = f;
            } else {
                m.document = f;
            }
            if (caption != null && !caption.isBlank()) {
                m.caption = caption.strip();
                m.captionEntities = Formatting.detect(m.caption);
            }
            enqueue("message", m.json());
            return m;
        } finally {
            lock.unlock();
        }
    }

    /** Presses the inline button at row/column of a bot message: a callback_query update; returns its id. */
    String userPress(ChatState chat, TgUser from, int messageId, int row, int column) {
        return userPress(chat, from, messageId, row, column, null);
    }

    /**
     * As a press, but with callback data of the caller's choosing instead of the button's: what a modified client
     * can send to a bot (Telegram passes any data of a button's message through). For tests of a bot's checks.
     */
    String userPress(ChatState chat, TgUser from, int messageId, int row, int column, String forgedData) {
        lock.lock();
        try {
            StoredMessage m = chat.message(messageId);
            if (m == null || !m.fromBot) {
                throw new IllegalArgumentException("no bot message " + messageId + " in chat " + chat.id);
            }
            List<List<Button>> keyboard = m.keyboard();
            if (row < 0 || row >= keyboard.size() || column < 0 || column >= keyboard.get(row).size()) {
                throw new IllegalArgumentException("message " + messageId + " has no button at row " + row
                        + ", column " + column);
            }
            Button b = keyboard.get(row).get(column);
            if (b.callbackData() == null) {
                throw new IllegalArgumentException("the button '" + b.text() + "' has no callback_data"
                        + (b.url() != null ? " (it opens " + b.url() + ")" : ""));
            }
            unblockOnUserAction(chat, from);
            String id = Long.toUnsignedString(owner.random().nextLong());
            String data = forgedData != null ? forgedData : b.callbackData();
            CallbackRecord record = new CallbackRecord(id, chat, m, from, data);
            callbacks.put(id, record);
            ObjectNode q = Json.object();
            q.put("id", id);
            q.set("from", from.json());
            q.set("message", m.json());
            q.put("chat_instance", chat.chatInstance);
            q.put("data", data);
            enqueue("callback_query", q);
            return id;
        } finally {
            lock.unlock();
        }
    }

    void setBlocked(ChatState chat, boolean blocked) {
        lock.lock();
        try {
            if (chat.group || chat.blocked == blocked) {
                return;
            }
            chat.blocked = blocked;
            chat.keyboardVersion = nextVersion();
            ObjectNode u = Json.object();
            u.set("chat", chat.json());
            u.set("from", chat.user.json());
            u.put("date", Instant.now().getEpochSecond());
            ObjectNode oldMember = u.putObject("old_chat_member");
            oldMember.set("user", me.json());
            oldMember.put("status", blocked ? "member" : "kicked");
            ObjectNode newMember = u.putObject("new_chat_member");
            newMember.set("user", me.json());
            newMember.put("status", blocked ? "kicked" : "member");
            if (blocked) {
                newMember.put("until_date", 0);
            }
            enqueue("my_chat_member", u);
        } finally {
            lock.unlock();
        }
    }

    private void unblockOnUserAction(ChatState chat, TgUser from) {
        if (chat.blocked) {
            setBlocked(chat, false); // "Restart bot" in a real client
        }
        if (chat.group) {
            chat.members.putIfAbsent(from.id(), from);
        }
    }

    void toast(ChatState chat, String text, boolean alert) {
        chat.toasts.add(new ChatState.Toast(nextVersion(), text, alert));
        if (chat.toasts.size() > 50) {
            chat.toasts.removeFirst();
        }
    }
}
