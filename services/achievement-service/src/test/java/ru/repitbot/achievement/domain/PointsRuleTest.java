package ru.repitbot.achievement.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import ru.repitbot.models.AttendanceStatus;

class PointsRuleTest {

    private static final Instant START = Instant.parse("2026-03-02T13:00:00Z");

    /** One event: its version and what it tells. */
    private record Event(long version, LessonFacts facts) {
    }

    private static LessonFacts attendance(AttendanceStatus status) {
        return LessonFacts.none().withAttendance(status);
    }

    private static LessonProgress replay(List<Event> events) {
        LessonProgress lesson = null;
        for (Event e : events) {
            lesson = LessonProgress.apply(lesson, 7, 1, 2, e.facts(), e.version());
        }
        return lesson;
    }

    private static int worth(LessonProgress lesson) {
        return PointsRule.attendancePoints(lesson) + PointsRule.masteryPoints(lesson);
    }

    /** The history a sequence writes, summed: what the student's points went through. */
    private static int historySum(List<Event> events) {
        LessonProgress lesson = null;
        int sum = 0;
        for (Event e : events) {
            LessonProgress after = LessonProgress.apply(lesson, 7, 1, 2, e.facts(), e.version());
            for (PointsRule.Change c : PointsRule.lessonChanges(lesson, after)) {
                sum += c.delta();
                assertThat(sum).as("never below 0").isGreaterThanOrEqualTo(0);
            }
            lesson = after;
        }
        return sum;
    }

    private static List<Event> flips() {
        return List.of(
                new Event(1, LessonFacts.none().withAttendance(AttendanceStatus.SCHEDULED).withDate(START)
                        .withDuration(60)),
                new Event(2, attendance(AttendanceStatus.ATTENDED)),
                new Event(3, attendance(AttendanceStatus.EXCUSED_ABSENCE)),
                new Event(4, attendance(AttendanceStatus.ATTENDED)),
                new Event(5, attendance(AttendanceStatus.UNEXCUSED_ABSENCE)),
                new Event(6, attendance(AttendanceStatus.ATTENDED)));
    }

    @Test
    void attendedIsWorthTenAndLeavingItTakesTheTenBack() {
        List<Event> events = flips();
        assertThat(worth(replay(events.subList(0, 2)))).isEqualTo(10);
        assertThat(worth(replay(events.subList(0, 3)))).isZero();
        assertThat(worth(replay(events))).isEqualTo(10);
        assertThat(historySum(events)).isEqualTo(10);
    }

    @Test
    void flipsInAnyOrderEndWhereTheNewestStateSays() {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            List<Event> shuffled = new ArrayList<>(flips());
            Collections.shuffle(shuffled, random);
            if (round % 2 == 0) {
                shuffled.addAll(shuffled.subList(0, 3)); // redelivered after newer ones
            }
            LessonProgress lesson = replay(shuffled);
            assertThat(lesson.attendanceStatus()).isEqualTo(AttendanceStatus.ATTENDED);
            assertThat(lesson.startAt()).isEqualTo(START);
            assertThat(lesson.durationMinutes()).isEqualTo(60);
            assertThat(worth(lesson)).isEqualTo(10);
            assertThat(historySum(shuffled)).as("the history sums to the points").isEqualTo(10);
        }
    }

    @Test
    void aTakeBackArrivingFirstNeverDrivesPointsBelowZero() {
        // v3 (attended → excused) before v2 (→ attended): the stale v2 changes nothing, the total stays 0.
        List<Event> events = List.of(new Event(3, attendance(AttendanceStatus.EXCUSED_ABSENCE)),
                new Event(2, attendance(AttendanceStatus.ATTENDED)));
        assertThat(worth(replay(events))).isZero();
        assertThat(historySum(events)).isZero();
    }

    @Test
    void masteredEarnsOncePerLessonAndLeavingItTakesNothingBack() {
        List<Event> events = List.of(new Event(1, LessonFacts.none().withAttendance(AttendanceStatus.SCHEDULED)),
                new Event(2, LessonFacts.none().withMastered()),
                new Event(3, LessonFacts.none()), // mastered → learned: nothing said about reaching mastered
                new Event(4, LessonFacts.none().withMastered()));
        assertThat(worth(replay(events.subList(0, 2)))).isEqualTo(25);
        assertThat(worth(replay(events.subList(0, 3)))).isEqualTo(25);
        assertThat(worth(replay(events))).as("reaching it again earns nothing more").isEqualTo(25);
        List<Event> reversed = new ArrayList<>(events);
        Collections.reverse(reversed);
        assertThat(worth(replay(reversed))).isEqualTo(25);
    }

    @Test
    void attendedAndMasteredTogetherAreThirtyFive() {
        LessonProgress lesson = replay(List.of(new Event(2, attendance(AttendanceStatus.ATTENDED).withMastered())));
        assertThat(PointsRule.lessonChanges(null, lesson)).containsExactly(
                new PointsRule.Change(10, PointReason.LESSON_ATTENDED),
                new PointsRule.Change(25, PointReason.TOPIC_MASTERED));
    }

    @Test
    void aDeletedLessonLosesWhatItEarnedWhateverTheOrder() {
        Event attended = new Event(2, attendance(AttendanceStatus.ATTENDED).withMastered());
        Event deleted = new Event(3, LessonFacts.deletion());
        LessonProgress before = replay(List.of(attended));
        LessonProgress after = replay(List.of(attended, deleted));
        assertThat(PointsRule.lessonChanges(before, after)).containsExactly(
                new PointsRule.Change(-10, PointReason.LESSON_DELETED),
                new PointsRule.Change(-25, PointReason.LESSON_DELETED));
        assertThat(worth(replay(List.of(deleted, attended)))).isZero();
        assertThat(PointsRule.homeworkPoints(true, true)).isZero();
        assertThat(PointsRule.homeworkPoints(true, false)).isEqualTo(15);
    }

    @Test
    void anAttendanceLeftWithoutADeletionIsReasonedAsRemoved() {
        LessonProgress attended = replay(List.of(new Event(2, attendance(AttendanceStatus.ATTENDED))));
        LessonProgress excused = LessonProgress.apply(attended, 7, 1, 2, attendance(AttendanceStatus.EXCUSED_ABSENCE),
                3);
        assertThat(PointsRule.lessonChanges(attended, excused))
                .containsExactly(new PointsRule.Change(-10, PointReason.ATTENDANCE_REMOVED));
    }
}
