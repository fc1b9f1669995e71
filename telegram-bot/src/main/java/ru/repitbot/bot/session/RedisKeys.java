package ru.repitbot.bot.session;

/** Every Redis key of the bot, in one place, under one prefix ({@code repitbot.bot.redis-prefix}). */
public final class RedisKeys {

    private final String prefix;

    public RedisKeys(String prefix) {
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }

    public String login(long telegramUserId) {
        return prefix + ":login:" + telegramUserId;
    }

    public String preferences(long telegramUserId) {
        return prefix + ":prefs:" + telegramUserId;
    }

    public String dialog(long telegramUserId, long chatId) {
        return prefix + ":dialog:" + telegramUserId + ":" + chatId;
    }

    /** Sorted set of dialog keys scored by their expiry, for the dialogs-in-progress gauge. */
    public String activeDialogs() {
        return prefix + ":dialogs";
    }

    public String seenUpdate(long updateId) {
        return prefix + ":upd:" + updateId;
    }

    public String chatQueue(long chatId) {
        return prefix + ":q:" + chatId;
    }

    /** The update a chat's worker has in hand (taken off the queue, not yet done): at most one. */
    public String chatProcessing(long chatId) {
        return prefix + ":proc:" + chatId;
    }

    /** How many messages of an update's reply Telegram accepted (kept only while a reply of several is going out). */
    public String sentMessages(long updateId) {
        return prefix + ":sent:" + updateId;
    }

    public String pendingChats() {
        return prefix + ":pending";
    }

    public String chatLock(long chatId) {
        return prefix + ":lock:chat:" + chatId;
    }

    public String pollerLock() {
        return prefix + ":lock:poller";
    }

    public String pollOffset() {
        return prefix + ":poll:offset";
    }

    public String webhookSecret() {
        return prefix + ":webhook:secret";
    }

    public String unreachable(long chatId) {
        return prefix + ":unreachable:" + chatId;
    }

    /** The ids of the messages the bot's dialogs sent to a chat (the newest ones), to tell replies to them apart. */
    public String dialogMessages(long chatId) {
        return prefix + ":own:" + chatId;
    }

    /** Set while notification-service knows the person's chat ({@code PUT /api/v1/notifications/chat}). */
    public String chatRegistered(long userId, long chatId) {
        return prefix + ":chatreg:" + userId + ":" + chatId;
    }

    public String rateLimit(String bucket) {
        return prefix + ":rl:" + bucket;
    }
}
