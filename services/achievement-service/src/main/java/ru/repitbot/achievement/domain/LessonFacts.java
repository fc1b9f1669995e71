package ru.repitbot.achievement.domain;

import java.time.Instant;
import ru.repitbot.models.AttendanceStatus;

/**
 * What one lesson event says about the facts points, streaks and study time need. {@code null} (or
 * {@code dateKnown = false}) means "this event does not say"; the lesson keeps what it had.
 *
 * @param attendance the attendance status after the change, or {@code null}
 * @param dateKnown whether the event says when the lesson is ({@code startAt} may then be {@code null}: undated)
 * @param startAt the lesson's start after the change
 * @param durationMinutes the lesson's length after the change, or {@code null}
 * @param reachedMastered the event moved the topic's mastery to {@code mastered}
 * @param deleted the lesson was deleted
 */
public record LessonFacts(AttendanceStatus attendance, boolean dateKnown, Instant startAt, Integer durationMinutes,
        boolean reachedMastered, boolean deleted) {

    public static LessonFacts none() {
        return new LessonFacts(null, false, null, null, false, false);
    }

    public static LessonFacts deletion() {
        return new LessonFacts(null, false, null, null, false, true);
    }

    public LessonFacts withAttendance(AttendanceStatus status) {
        return new LessonFacts(status, dateKnown, startAt, durationMinutes, reachedMastered, deleted);
    }

    public LessonFacts withDate(Instant start) {
        return new LessonFacts(attendance, true, start, durationMinutes, reachedMastered, deleted);
    }

    public LessonFacts withDuration(int minutes) {
        return new LessonFacts(attendance, dateKnown, startAt, minutes, reachedMastered, deleted);
    }

    public LessonFacts withMastered() {
        return new LessonFacts(attendance, dateKnown, startAt, durationMinutes, true, deleted);
    }
}
