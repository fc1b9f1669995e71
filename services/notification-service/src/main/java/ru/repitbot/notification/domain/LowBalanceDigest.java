package ru.repitbot.notification.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The daily low-balance digest: at 10:00 on the reader's own clock (a parent in Vladivostok and one in
 * Kaliningrad each get it at their 10:00), one message per reader listing every child (or, for a student without a
 * parent, themselves) whose balance with a tutor is at or below the threshold. Listed every day until topped up;
 * nothing low, no message. docs/domain/notifications.md#low-balance
 */
public record LowBalanceDigest(long readerId, LocalDate day, List<MessageText> lines) {

    public static final LocalTime SENT_AT = LocalTime.of(10, 0);
    /**
     * A digest the scheduler could not send by this time (it was down) is dropped for the day: arriving in the
     * evening it would meet the next morning's digest in the quiet hours and the reader would get two.
     */
    public static final LocalTime LATEST = LocalTime.of(20, 0);

    public LowBalanceDigest {
        lines = List.copyOf(lines);
    }

    /** One child's balance with one tutor; {@code threshold} is the tutor's (default 1). */
    public record ChildBalance(long studentId, String studentName, long tutorId, String tutorName, int balance,
            int threshold) {
    }

    /**
     * The day whose digest is due for a reader in {@code zone} at {@code now}: today between 10:00 and 20:00 local,
     * otherwise none. The digest's idempotency key includes this day, so runs every quarter hour send it once.
     */
    public static Optional<LocalDate> dueDay(Instant now, ZoneId zone) {
        ZonedDateTime local = now.atZone(zone);
        LocalTime time = local.toLocalTime();
        return !time.isBefore(SENT_AT) && time.isBefore(LATEST) ? Optional.of(local.toLocalDate()) : Optional.empty();
    }

    /** The digest of {@code day}, or none when no child is at or below their threshold. */
    public static Optional<LowBalanceDigest> compose(long readerId, LocalDate day, List<ChildBalance> balances) {
        List<ChildBalance> low = balances.stream().filter(b -> b.balance() <= b.threshold())
                .sorted(Comparator.comparingInt(ChildBalance::balance)
                        .thenComparing(ChildBalance::studentName, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(ChildBalance::tutorName, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        if (low.isEmpty()) {
            return Optional.empty();
        }
        List<MessageText> lines = new ArrayList<>();
        lines.add(MessageText.of("notify.balance_digest.header"));
        low.forEach(b -> lines.add(MessageText.of(b.balance() <= 0 ? "notify.balance_digest.line_owed"
                : "notify.balance_digest.line", b.studentName(), Integer.toString(b.balance()), b.tutorName())));
        lines.add(MessageText.of("notify.balance_digest.footer"));
        return Optional.of(new LowBalanceDigest(readerId, day, lines));
    }

    /** One digest per reader and local day, whichever replica or run composes it. */
    public String idempotencyKey() {
        return "balance_digest:" + readerId + ":" + day;
    }
}
