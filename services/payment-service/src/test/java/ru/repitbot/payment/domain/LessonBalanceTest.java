package ru.repitbot.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import ru.repitbot.models.AttendanceStatus;

/** docs/domain/payments.md#balance: balance = Σ lessons_paid − charged lessons. */
class LessonBalanceTest {

    private static LessonCharge lesson(long id, AttendanceStatus status) {
        return new LessonCharge(id, 1, 2, status, null, false, false, 1);
    }

    private static List<LessonCharge> lessons(AttendanceStatus... statuses) {
        List<LessonCharge> result = new ArrayList<>();
        for (int i = 0; i < statuses.length; i++) {
            result.add(lesson(i + 1, statuses[i]));
        }
        return result;
    }

    private static int balance(List<Integer> payments, List<LessonCharge> lessons) {
        return LessonBalance.of(payments, lessons).lessons();
    }

    @Nested
    class WhatIsCharged {

        @ParameterizedTest
        @EnumSource(value = AttendanceStatus.class, names = {"ATTENDED", "UNEXCUSED_ABSENCE"})
        void attendedAndUnexcusedAreCharged(AttendanceStatus status) {
            assertThat(balance(List.of(5), lessons(status))).isEqualTo(4);
        }

        @ParameterizedTest
        @EnumSource(value = AttendanceStatus.class, names = {"SCHEDULED", "EXCUSED_ABSENCE", "RESCHEDULED"})
        void scheduledExcusedAndRescheduledAreNot(AttendanceStatus status) {
            assertThat(balance(List.of(5), lessons(status))).isEqualTo(5);
        }

        @Test
        void aNewLessonStartsScheduledAndIsNotCharged() {
            LessonCharge created = LessonCharge.apply(null, 1, 1, 2,
                    LessonFacts.created(AttendanceStatus.SCHEDULED, null, false), 1).after();
            assertThat(created.charged()).isFalse();
        }

        @ParameterizedTest
        @EnumSource(AttendanceStatus.class)
        void undatedMakeUpLessonsAreNotCharged(AttendanceStatus status) {
            LessonCharge makeup = new LessonCharge(1, 1, 2, status, null, true, false, 1);
            assertThat(makeup.charged()).isFalse();
            assertThat(balance(List.of(3), List.of(makeup))).isEqualTo(3);
        }

        @ParameterizedTest
        @EnumSource(AttendanceStatus.class)
        void aMakeUpLessonGivenADateIsChargedLikeAnyLesson(AttendanceStatus status) {
            LessonCharge dated = new LessonCharge(1, 1, 2, status, Instant.parse("2026-12-01T15:00:00Z"), true,
                    false, 1);
            assertThat(dated.charged()).isEqualTo(status.charged());
        }

        @ParameterizedTest
        @EnumSource(AttendanceStatus.class)
        void deletedLessonsAreNotCharged(AttendanceStatus status) {
            LessonCharge deleted = new LessonCharge(1, 1, 2, status, null, false, true, 1);
            assertThat(deleted.charged()).isFalse();
        }

        @Test
        void unexcusedAbsenceCostsExactlyWhatAttendingCosts() {
            assertThat(balance(List.of(4), lessons(AttendanceStatus.UNEXCUSED_ABSENCE, AttendanceStatus.ATTENDED)))
                    .isEqualTo(balance(List.of(4), lessons(AttendanceStatus.ATTENDED, AttendanceStatus.ATTENDED)))
                    .isEqualTo(2);
        }
    }

    @Nested
    class Flips {

        static Stream<Arguments> everyFlip() {
            List<Arguments> flips = new ArrayList<>();
            for (AttendanceStatus from : AttendanceStatus.values()) {
                for (AttendanceStatus to : AttendanceStatus.values()) {
                    flips.add(Arguments.of(from, to));
                }
            }
            return flips.stream();
        }

        /** Every one of the 25 flips moves the balance by exactly the charge difference (−1, 0 or +1). */
        @ParameterizedTest(name = "{0} -> {1}")
        @MethodSource("everyFlip")
        void everyStatusFlipMovesTheBalanceByTheChargeDifference(AttendanceStatus from, AttendanceStatus to) {
            LessonCharge before = lesson(1, from);
            LessonCharge.Change change = LessonCharge.apply(before, 1, 1, 2, LessonFacts.attendance(to), 2);
            int balanceBefore = balance(List.of(10), List.of(before));
            int balanceAfter = balance(List.of(10), List.of(change.after()));
            int expected = (from.charged() ? 1 : 0) - (to.charged() ? 1 : 0);
            assertThat(balanceAfter - balanceBefore).isEqualTo(expected);
            assertThat(change.chargedDelta()).isEqualTo(-expected);
            assertThat(change.lowersBalance()).isEqualTo(expected < 0);
        }

        @Test
        void oneOfThreeAttendedBecomingExcusedRaisesTheBalanceByOne() {
            List<LessonCharge> three = lessons(AttendanceStatus.ATTENDED, AttendanceStatus.ATTENDED,
                    AttendanceStatus.ATTENDED);
            assertThat(balance(List.of(5), three)).isEqualTo(2);
            List<LessonCharge> flipped = new ArrayList<>(three);
            flipped.set(1, lesson(2, AttendanceStatus.EXCUSED_ABSENCE));
            assertThat(balance(List.of(5), flipped)).isEqualTo(3);
        }

        @Test
        void threeExcusedRaiseItByThree() {
            int attended = balance(List.of(5), lessons(AttendanceStatus.ATTENDED, AttendanceStatus.ATTENDED,
                    AttendanceStatus.ATTENDED));
            int excused = balance(List.of(5), lessons(AttendanceStatus.EXCUSED_ABSENCE,
                    AttendanceStatus.EXCUSED_ABSENCE, AttendanceStatus.EXCUSED_ABSENCE));
            assertThat(excused - attended).isEqualTo(3);
        }

        @Test
        void excusedRestoresWhatAttendedTook() {
            int start = balance(List.of(2), lessons(AttendanceStatus.SCHEDULED));
            int attended = balance(List.of(2), lessons(AttendanceStatus.ATTENDED));
            int excused = balance(List.of(2), lessons(AttendanceStatus.EXCUSED_ABSENCE));
            assertThat(attended).isEqualTo(start - 1);
            assertThat(excused).isEqualTo(start);
        }

        /** Derived, not a counter: any sequence of flips ends where the final statuses say. */
        @Test
        void anySequenceOfFlipsEndsWithTheFormula() {
            Random random = new Random(42);
            AttendanceStatus[] all = AttendanceStatus.values();
            List<LessonCharge> state = lessons(AttendanceStatus.SCHEDULED, AttendanceStatus.SCHEDULED,
                    AttendanceStatus.SCHEDULED, AttendanceStatus.SCHEDULED);
            int running = balance(List.of(3), state);
            for (int i = 0; i < 500; i++) {
                int which = random.nextInt(state.size());
                LessonCharge.Change change = LessonCharge.apply(state.get(which), which + 1, 1, 2,
                        LessonFacts.attendance(all[random.nextInt(all.length)]), i + 2);
                state.set(which, change.after());
                running -= change.chargedDelta();
            }
            long charged = state.stream().filter(l -> l.attendanceStatus().charged()).count();
            assertThat(balance(List.of(3), state)).isEqualTo(running).isEqualTo(3 - (int) charged);
        }

        @Test
        void becomingAMakeUpLessonStopsTheCharge() {
            LessonCharge attended = lesson(1, AttendanceStatus.ATTENDED);
            LessonCharge.Change change = LessonCharge.apply(attended, 1, 1, 2,
                    LessonFacts.none().withMakeup(true), 2);
            assertThat(change.chargedDelta()).isEqualTo(-1);
        }

        @Test
        void deletingAChargedLessonGivesTheLessonBack() {
            LessonCharge attended = lesson(1, AttendanceStatus.ATTENDED);
            LessonCharge.Change change = LessonCharge.apply(attended, 1, 1, 2, LessonFacts.deletion(), 2);
            assertThat(balance(List.of(1), List.of(attended))).isZero();
            assertThat(balance(List.of(1), List.of(change.after()))).isEqualTo(1);
        }
    }

    @Nested
    class Payments {

        @Test
        void negativePaymentsCorrectEarlierOnes() {
            assertThat(balance(List.of(10, -3), lessons(AttendanceStatus.ATTENDED, AttendanceStatus.ATTENDED)))
                    .isEqualTo(5);
        }

        @Test
        void theBalanceMayGoNegative() {
            assertThat(balance(List.of(1), lessons(AttendanceStatus.ATTENDED, AttendanceStatus.UNEXCUSED_ABSENCE,
                    AttendanceStatus.ATTENDED))).isEqualTo(-2);
            assertThat(balance(List.of(2, -5), List.of())).isEqualTo(-3);
        }

        @Test
        void noPaymentsAndNoLessonsIsZero() {
            assertThat(balance(List.of(), List.of())).isZero();
            assertThat(LessonBalance.ZERO.lessons()).isZero();
        }

        @Test
        void aPaymentAddsItsLessons() {
            LessonBalance balance = LessonBalance.of(List.of(4), lessons(AttendanceStatus.ATTENDED));
            assertThat(balance.withPayment(8).lessons()).isEqualTo(11);
            assertThat(balance.withPayment(-4).lessons()).isEqualTo(-1);
        }

        @Test
        void moneyIsTheBalanceAtThePrice() {
            LessonPrice price = new LessonPrice(new java.math.BigDecimal("1500"), "RUB");
            assertThat(new LessonBalance(5, 2).money(price)).isEqualByComparingTo("4500.00");
            assertThat(new LessonBalance(1, 3).money(price).toPlainString()).isEqualTo("-3000.00");
        }
    }
}
