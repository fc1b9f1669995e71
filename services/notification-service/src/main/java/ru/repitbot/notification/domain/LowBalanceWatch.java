package ru.repitbot.notification.domain;

/**
 * The "at once" low-balance notice (docs/domain/notifications.md#low-balance) for one student with one tutor: told when the balance falls to the threshold
 * or below, not again while it stays there (1 → 0 → −1 is one notice), told again only after it rose above the
 * threshold and fell back. Fed with every balance notification-service learns ({@code balance.low} and the
 * {@code balance_after} of payment events), in the order they happened.
 */
public record LowBalanceWatch(boolean told) {

    public static final int DEFAULT_THRESHOLD = 1;

    /** Nothing known yet: the first balance at or below the threshold is told. */
    public static LowBalanceWatch fresh() {
        return new LowBalanceWatch(false);
    }

    /** What a new balance means: the watch to keep and whether to tell the payers now. */
    public Step observe(int balance, int threshold) {
        if (balance > threshold) {
            return new Step(new LowBalanceWatch(false), false);
        }
        return new Step(new LowBalanceWatch(true), !told);
    }

    public record Step(LowBalanceWatch next, boolean tellNow) {
    }
}
