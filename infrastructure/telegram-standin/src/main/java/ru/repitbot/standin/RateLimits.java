package ru.repitbot.standin;

/**
 * Telegram's flood limits on the messages a bot sends (sendMessage, sendPhoto, sendDocument), as token buckets:
 * a bucket holds up to {@code burst} messages and refills at a steady rate; a message when the bucket is empty is
 * answered 429 with {@code retry_after} = the whole seconds until the next token (at least 1).
 *
 * <ul>
 *   <li>all chats of one bot: {@code globalPerSecond} (30) a second, burst 30;</li>
 *   <li>one private chat: burst {@code privateBurst} (3), then {@code privatePerSecond} (1) a second;</li>
 *   <li>one group (negative chat id): {@code groupPerMinute} (20) a minute, burst 20.</li>
 * </ul>
 * Edits, callback answers, getUpdates and the rest are not limited.
 */
public record RateLimits(boolean enabled, int globalPerSecond, int privateBurst, double privatePerSecond,
        int groupPerMinute) {

    public RateLimits {
        if (globalPerSecond < 1 || privateBurst < 1 || privatePerSecond <= 0 || groupPerMinute < 1) {
            throw new IllegalArgumentException("rate limits must be positive");
        }
    }

    /** Telegram's numbers: 30/s per bot, 1/s per private chat with a burst of 3, 20/min per group. */
    public static RateLimits telegram() {
        return new RateLimits(true, 30, 3, 1.0, 20);
    }

    /** No limits (forced failures still apply). */
    public static RateLimits off() {
        return new RateLimits(false, 30, 3, 1.0, 20);
    }
}
