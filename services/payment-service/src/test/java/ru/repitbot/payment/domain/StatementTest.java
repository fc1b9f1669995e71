package ru.repitbot.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Statement lines in time order with the running balance. */
class StatementTest {

    private static final Instant D1 = Instant.parse("2025-03-01T10:00:00Z");
    private static final Instant D2 = Instant.parse("2025-03-02T10:00:00Z");
    private static final Instant D3 = Instant.parse("2025-03-03T10:00:00Z");
    private static final Instant D4 = Instant.parse("2025-03-04T10:00:00Z");

    @Test
    void linesAreInTimeOrderWithTheBalanceAfterEach() {
        Statement.Window w = Statement.of(List.of(
                Statement.Entry.lesson(11, D2),
                Statement.Entry.payment(1, D1, 2),
                Statement.Entry.lesson(12, D4),
                Statement.Entry.payment(2, D3, -1)), null, null);
        assertThat(w.lines()).extracting(l -> l.entry().id()).containsExactly(1L, 11L, 2L, 12L);
        assertThat(w.lines()).extracting(Statement.Line::balanceAfter).containsExactly(2, 1, 0, -1);
        assertThat(w.opening()).isZero();
        assertThat(w.closing()).isEqualTo(-1);
    }

    @Test
    void atTheSameMomentAPaymentComesFirstThenById() {
        Statement.Window w = Statement.of(List.of(
                Statement.Entry.lesson(5, D1),
                Statement.Entry.lesson(4, D1),
                Statement.Entry.payment(9, D1, 3)), null, null);
        assertThat(w.lines()).extracting(l -> l.entry().kind() + ":" + l.entry().id())
                .containsExactly("PAYMENT:9", "LESSON:4", "LESSON:5");
        assertThat(w.lines()).extracting(Statement.Line::balanceAfter).containsExactly(3, 2, 1);
    }

    @Test
    void aVoidedPaymentKeepsItsLineAndIsTakenBackAtTheVoid() {
        Statement.Window w = Statement.of(List.of(
                Statement.Entry.payment(1, D1, 4),
                Statement.Entry.payment(2, D1, 8),
                Statement.Entry.lesson(11, D2),
                Statement.Entry.reversal(2, D3, 8)), null, null);
        assertThat(w.lines()).extracting(l -> l.entry().kind() + ":" + l.entry().id())
                .containsExactly("PAYMENT:1", "PAYMENT:2", "LESSON:11", "VOID:2");
        assertThat(w.lines()).extracting(Statement.Line::balanceAfter).containsExactly(4, 12, 11, 3);
        assertThat(w.closing()).as("as if the payment never counted").isEqualTo(3);

        Statement.Window sameMoment = Statement.of(List.of(
                Statement.Entry.reversal(5, D1, -1), Statement.Entry.payment(5, D1, -1)), null, null);
        assertThat(sameMoment.lines()).extracting(l -> l.entry().kind())
                .containsExactly(Statement.Kind.PAYMENT, Statement.Kind.VOID);
        assertThat(sameMoment.closing()).isZero();
    }

    @Test
    void aWindowStartsFromTheBalanceBeforeIt() {
        List<Statement.Entry> entries = List.of(
                Statement.Entry.payment(1, D1, 5),
                Statement.Entry.lesson(11, D2),
                Statement.Entry.lesson(12, D3),
                Statement.Entry.lesson(13, D4));
        Statement.Window w = Statement.of(entries, D2, D3);
        assertThat(w.opening()).isEqualTo(5);
        assertThat(w.lines()).extracting(l -> l.entry().id()).containsExactly(11L, 12L);
        assertThat(w.lines()).extracting(Statement.Line::balanceAfter).containsExactly(4, 3);
        assertThat(w.closing()).isEqualTo(3);
    }

    @Test
    void anEmptyAccountIsZero() {
        Statement.Window w = Statement.of(List.of(), null, null);
        assertThat(w.lines()).isEmpty();
        assertThat(w.opening()).isZero();
        assertThat(w.closing()).isZero();
    }
}
