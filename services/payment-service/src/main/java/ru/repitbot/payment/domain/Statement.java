package ru.repitbot.payment.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A student's account with one tutor, line by line: every payment (+ its lessons, − for a correction), every charged
 * lesson (−1) and, for a voided payment, its reversal (− the payment's lessons), in time order, each with the balance
 * after it. Payments are placed at {@code paid_at}, lessons at their start, reversals at the void. A voided payment
 * keeps its own line, so the family sees what was recorded and when it was taken back. At the same moment a payment
 * comes before a lesson (a student paying at the lesson) and a reversal last; ties are broken by id, so the order
 * never changes between two reads.
 */
public final class Statement {

    /** What a line is; {@code VOID} is the reversal of a voided payment (its id is the payment's). */
    public enum Kind { PAYMENT, LESSON, VOID }

    /** One payment or charged lesson; {@code change} is its effect on the balance in lessons. */
    public record Entry(Kind kind, long id, Instant at, int change) {
        public Entry {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(at, "at");
        }

        public static Entry payment(long paymentId, Instant paidAt, int lessonsPaid) {
            return new Entry(Kind.PAYMENT, paymentId, paidAt, lessonsPaid);
        }

        public static Entry lesson(long lessonId, Instant startAt) {
            return new Entry(Kind.LESSON, lessonId, startAt, -1);
        }

        /** The reversal of a voided payment: at the void, taking back what the payment gave. */
        public static Entry reversal(long paymentId, Instant voidedAt, int lessonsPaid) {
            return new Entry(Kind.VOID, paymentId, voidedAt, -lessonsPaid);
        }
    }

    /** An entry with the balance once it is counted. */
    public record Line(Entry entry, int balanceAfter) {
    }

    /**
     * @param opening the balance before the first line shown (everything before {@code from})
     * @param lines the entries within the window, in order
     * @param closing the balance after the last line shown
     */
    public record Window(int opening, List<Line> lines, int closing) {
    }

    static final Comparator<Entry> ORDER = Comparator.comparing(Entry::at)
            .thenComparing(Entry::kind)
            .thenComparingLong(Entry::id);

    private Statement() {
    }

    /**
     * The statement of all {@code entries} between {@code from} and {@code to} (both inclusive, either may be
     * {@code null} for open). Running balances count everything before the window, so a window's first line shows
     * the real balance of that day.
     */
    public static Window of(List<Entry> entries, Instant from, Instant to) {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(ORDER);
        int balance = 0;
        int opening = 0;
        List<Line> lines = new ArrayList<>();
        for (Entry entry : sorted) {
            if (from != null && entry.at().isBefore(from)) {
                balance += entry.change();
                opening = balance;
                continue;
            }
            if (to != null && entry.at().isAfter(to)) {
                break;
            }
            balance += entry.change();
            lines.add(new Line(entry, balance));
        }
        return new Window(opening, List.copyOf(lines), balance);
    }
}
