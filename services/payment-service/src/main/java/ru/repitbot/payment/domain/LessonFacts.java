package ru.repitbot.payment.domain;

import java.time.Instant;
import ru.repitbot.models.AttendanceStatus;

/**
 * What one lesson event says about the facts the balance needs. {@code null} (or {@code dateKnown = false}) means
 * "this event does not say"; the lesson keeps what it had.
 *
 * @param attendance the attendance status after the change, or {@code null}
 * @param dateKnown whether the event says when the lesson is ({@code startAt} may then be {@code null}: undated)
 * @param startAt the lesson's start after the change
 * @param makeup whether the lesson is a make-up lesson after the change, or {@code null}
 * @param deleted whether the lesson was deleted
 */
public record LessonFacts(AttendanceStatus attendance, boolean dateKnown, Instant startAt, Boolean makeup,
        boolean deleted) {

    /** Everything a {@code lesson.created} says. */
    public static LessonFacts created(AttendanceStatus attendance, Instant startAt, boolean makeup) {
        return new LessonFacts(attendance == null ? AttendanceStatus.SCHEDULED : attendance, true, startAt, makeup,
                false);
    }

    public static LessonFacts attendance(AttendanceStatus attendance) {
        return new LessonFacts(attendance, false, null, null, false);
    }

    public static LessonFacts movedTo(Instant startAt) {
        return new LessonFacts(null, true, startAt, null, false);
    }

    public static LessonFacts deletion() {
        return new LessonFacts(null, false, null, null, true);
    }

    public static LessonFacts none() {
        return new LessonFacts(null, false, null, null, false);
    }

    public LessonFacts withAttendance(AttendanceStatus status) {
        return new LessonFacts(status, dateKnown, startAt, makeup, deleted);
    }

    public LessonFacts withDate(Instant start) {
        return new LessonFacts(attendance, true, start, makeup, deleted);
    }

    public LessonFacts withMakeup(boolean isMakeup) {
        return new LessonFacts(attendance, dateKnown, startAt, isMakeup, deleted);
    }
}
