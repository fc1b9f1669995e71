package ru.repitbot.payment.domain;

/**
 * When to warn about a low balance (docs/domain/payments.md#low-balance): when a change — a payment,
 * a correction, a lesson becoming charged — lowers the balance to the threshold (default 1) or below. Once per
 * lowering change: a change that leaves the balance where it was, or raises it, never warns, even when the balance
 * stays low (the daily digest reminds of those).
 */
public final class LowBalanceRule {

    public static final int DEFAULT_THRESHOLD = 1;

    private final int threshold;

    public LowBalanceRule(int threshold) {
        this.threshold = threshold;
    }

    public int threshold() {
        return threshold;
    }

    /** Whether the change from {@code before} to {@code after} warns. */
    public boolean warns(int before, int after) {
        return after < before && isLow(after);
    }

    /** Whether this balance is at the threshold or below. */
    public boolean isLow(int balance) {
        return balance <= threshold;
    }
}
