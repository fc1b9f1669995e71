package ru.repitbot.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import ru.repitbot.notification.domain.LowBalanceDigest.ChildBalance;

class LowBalanceTest {

    private static final int THRESHOLD = LowBalanceWatch.DEFAULT_THRESHOLD;
    private static final ZoneId KALININGRAD = ZoneId.of("Europe/Kaliningrad");
    private static final ZoneId VLADIVOSTOK = ZoneId.of("Asia/Vladivostok");

    private static List<Boolean> tells(int... balances) {
        LowBalanceWatch watch = LowBalanceWatch.fresh();
        List<Boolean> told = new ArrayList<>();
        for (int balance : balances) {
            LowBalanceWatch.Step step = watch.observe(balance, THRESHOLD);
            told.add(step.tellNow());
            watch = step.next();
        }
        return told;
    }

    @Test
    void fallingToTheThresholdTellsAtOnceAndOnlyOnceWhileItStaysLow() {
        assertThat(tells(3, 2, 1, 0, -1)).containsExactly(false, false, true, false, false);
    }

    @Test
    void risingAboveTheThresholdAndFallingAgainTellsAgain() {
        assertThat(tells(2, 1, 5, 4, 3, 2, 1)).containsExactly(false, true, false, false, false, false, true);
        assertThat(tells(1, 2, 1)).containsExactly(true, false, true);
    }

    @Test
    void aFirstBalanceAlreadyLowIsTold() {
        assertThat(tells(0)).containsExactly(true);
        assertThat(LowBalanceWatch.fresh().observe(3, 5).tellNow()).as("a tutor's threshold of 5").isTrue();
    }

    @Test
    void propertyOneNoticePerDescentBelowTheThreshold() {
        Random random = new Random(42);
        for (int run = 0; run < 500; run++) {
            int[] balances = random.ints(40, -3, 6).toArray();
            List<Boolean> told = tells(balances);
            int descents = 0;
            boolean low = false;
            for (int balance : balances) {
                if (balance <= THRESHOLD && !low) {
                    descents++;
                }
                low = balance <= THRESHOLD;
            }
            assertThat(told.stream().filter(t -> t).count()).isEqualTo(descents);
        }
    }

    @Test
    void theDigestIsDueAtTenOnTheReadersOwnClockUntilTheEvening() {
        Instant nineKaliningrad = LocalDateTime.parse("2026-12-07T09:59").atZone(KALININGRAD).toInstant();
        assertThat(LowBalanceDigest.dueDay(nineKaliningrad, KALININGRAD)).isEmpty();
        Instant tenKaliningrad = LocalDateTime.parse("2026-12-07T10:00").atZone(KALININGRAD).toInstant();
        assertThat(LowBalanceDigest.dueDay(tenKaliningrad, KALININGRAD)).contains(LocalDate.parse("2026-12-07"));
        // 10:00 in Kaliningrad is 17:00 in Vladivostok: that parent's digest went out seven hours earlier.
        assertThat(LowBalanceDigest.dueDay(tenKaliningrad, VLADIVOSTOK)).contains(LocalDate.parse("2026-12-07"));
        Instant lateVladivostok = LocalDateTime.parse("2026-12-07T20:00").atZone(VLADIVOSTOK).toInstant();
        assertThat(LowBalanceDigest.dueDay(lateVladivostok, VLADIVOSTOK)).as("too late for today").isEmpty();
    }

    @Test
    void theDigestListsEveryChildAtOrBelowTheirThresholdLowestFirst() {
        List<ChildBalance> children = List.of(
                new ChildBalance(1, "Маша", 7, "Анна Петровна", 3, 1),
                new ChildBalance(2, "Петя", 7, "Анна Петровна", 1, 1),
                new ChildBalance(2, "Петя", 8, "Игорь Сергеевич", -2, 1),
                new ChildBalance(1, "Маша", 8, "Игорь Сергеевич", 2, 2));
        LowBalanceDigest digest = LowBalanceDigest.compose(20, LocalDate.parse("2026-12-07"), children).orElseThrow();
        assertThat(digest.lines()).containsExactly(
                MessageText.of("notify.balance_digest.header"),
                MessageText.of("notify.balance_digest.line_owed", "Петя", "-2", "Игорь Сергеевич"),
                MessageText.of("notify.balance_digest.line", "Петя", "1", "Анна Петровна"),
                MessageText.of("notify.balance_digest.line", "Маша", "2", "Игорь Сергеевич"),
                MessageText.of("notify.balance_digest.footer"));
        assertThat(digest.idempotencyKey()).isEqualTo("balance_digest:20:2026-12-07");
    }

    @Test
    void nothingLowNoDigest() {
        assertThat(LowBalanceDigest.compose(20, LocalDate.parse("2026-12-07"),
                List.of(new ChildBalance(1, "Маша", 7, "Анна Петровна", 2, 1)))).isEmpty();
        assertThat(LowBalanceDigest.compose(20, LocalDate.parse("2026-12-07"), List.of())).isEmpty();
    }
}
