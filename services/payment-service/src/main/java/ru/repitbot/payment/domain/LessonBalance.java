package ru.repitbot.payment.domain;

import java.math.BigDecimal;
import java.util.Collection;

/**
 * A student's balance in lessons with one tutor (docs/domain/payments.md#balance):
 * Σ {@code lessons_paid} (any sign: negative payments are corrections) − the number of charged lessons. Derived
 * from payments and lessons every time, never kept as a counter; it may be negative.
 */
public record LessonBalance(long paidLessons, long chargedLessons) {

    public static final LessonBalance ZERO = new LessonBalance(0, 0);

    /** The balance of these payments ({@code lessons_paid} each) and these lessons. */
    public static LessonBalance of(Collection<Integer> lessonsPaid, Collection<LessonCharge> lessons) {
        long paid = lessonsPaid.stream().mapToLong(Integer::longValue).sum();
        long charged = lessons.stream().filter(LessonCharge::charged).count();
        return new LessonBalance(paid, charged);
    }

    /** Σ lessons_paid − charged lessons. */
    public int lessons() {
        return Math.toIntExact(paidLessons - chargedLessons);
    }

    /** The balance after one more payment of {@code lessonsPaid}. */
    public LessonBalance withPayment(int lessonsPaid) {
        return new LessonBalance(paidLessons + lessonsPaid, chargedLessons);
    }

    /** The balance in money at {@code price} per lesson (negative when lessons are owed). */
    public BigDecimal money(LessonPrice price) {
        return price.times(lessons());
    }
}
