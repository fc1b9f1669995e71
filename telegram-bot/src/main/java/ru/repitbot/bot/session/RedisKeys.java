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

    public String rateLimit(String bucket) {
        return prefix + ":rl:" + bucket;
    }
}
