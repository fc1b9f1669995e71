package ru.repitbot.telegram.limits;

/**
 * Telegram's limits for one bot token (docs/domain/notifications.md#sending-through-telegram): about 30 messages a
 * second in all, one a second per chat with a small burst, 20 a minute per group.
 */
public record Limits(int globalPerSecond, int perChatPerSecond, int perChatBurst, int groupPerMinute) {

    public static final Limits TELEGRAM = new Limits(30, 1, 3, 20);

    public Limits {
        if (globalPerSecond < 1 || perChatPerSecond < 1 || perChatBurst < 0 || groupPerMinute < 1) {
            throw new IllegalArgumentException("Telegram limits must be positive: " + globalPerSecond + "/s, "
                    + perChatPerSecond + "/s per chat (burst " + perChatBurst + "), " + groupPerMinute + "/min per group");
        }
    }
}
