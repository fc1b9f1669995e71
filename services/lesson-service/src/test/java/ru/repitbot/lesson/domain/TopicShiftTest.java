package ru.repitbot.lesson.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.repitbot.lesson.domain.TopicShift.Entry;
import ru.repitbot.lesson.domain.TopicShift.Move;
import ru.repitbot.lesson.domain.TopicShift.Plan;
import ru.repitbot.lesson.domain.TopicShift.Slot;
import ru.repitbot.models.AttendanceStatus;

/** SPEC §3.3 as settled by DECISIONS (Q2, Q16): moved, not deleted; the last topic becomes an undated make-up. */
class TopicShiftTest {

    static final Instant D0 = Instant.parse("2030-03-04T15:00:00Z");
    static final Instant D1 = Instant.parse("2030-03-07T15:00:00Z");
    static final Instant D2 = Instant.parse("2030-03-11T15:00:00Z");
    static final Instant D3 = Instant.parse("2030-03-14T16:30:00Z");

    static Entry lesson(long id, Instant start) {
        return new Entry(id, start, 60, AttendanceStatus.SCHEDULED);
    }

    @Test
    void withNoLaterLessonTheTopicIsRepeatedAsAMakeupLessonAndTheLessonKeepsItsDate() {
        Entry cancelled = lesson(1, D0);
        Plan plan = TopicShift.plan(cancelled, "Дроби", List.of(cancelled, lesson(9, D0.minusSeconds(86_400))));

        assertThat(plan.moves()).isEmpty();
        assertThat(plan.makeupLessonId()).isNull();
        assertThat(plan.createsMakeup()).isTrue();
        assertThat(plan.newMakeupTopic()).isEqualTo("Дроби (отработка)");
    }

    @Test
    void generalChainMovesEveryTopicOneSlotOnAndTheLastBecomesAMakeup() {
        Entry c = lesson(1, D0);
        Plan plan = TopicShift.plan(c, "Дроби",
                List.of(lesson(4, D3), lesson(2, D1), c, lesson(3, D2)));

        assertThat(plan.moves()).containsExactly(
                new Move(1, new Slot(D0, 60), new Slot(D1, 60)),
                new Move(2, new Slot(D1, 60), new Slot(D2, 60)),
                new Move(3, new Slot(D2, 60), new Slot(D3, 60)),
                new Move(4, new Slot(D3, 60), null));
        assertThat(plan.makeupLessonId()).isEqualTo(4L);
        assertThat(plan.createsMakeup()).isFalse();
        // Slot d0 is left empty: nobody moves into it.
        assertThat(plan.moves()).noneMatch(m -> m.to() != null && m.to().start().equals(D0));
    }

    @Test
    void aTopicTakesTheLengthOfTheSlotItMovesInto() {
        Entry c = new Entry(1, D0, 90, AttendanceStatus.SCHEDULED);
        Plan plan = TopicShift.plan(c, "Дроби", List.of(new Entry(2, D1, 45, AttendanceStatus.SCHEDULED)));
        assertThat(plan.moves()).containsExactly(
                new Move(1, new Slot(D0, 90), new Slot(D1, 45)),
                new Move(2, new Slot(D1, 45), null));
    }

    @Test
    void onlyOneLaterLessonMeansTheCancelledTakesItsSlotAndItBecomesTheMakeup() {
        Entry c = lesson(1, D0);
        Plan plan = TopicShift.plan(c, "Дроби", List.of(lesson(2, D1)));
        assertThat(plan.moves()).extracting(Move::lessonId).containsExactly(1L, 2L);
        assertThat(plan.makeupLessonId()).isEqualTo(2L);
    }

    @Test
    void cancellingAgainAfterAShiftShiftsFromTheNewSlotAndMakesASecondMakeup() {
        Map<Long, Entry> lessons = new HashMap<>();
        for (Entry e : List.of(lesson(1, D0), lesson(2, D1), lesson(3, D2), lesson(4, D3))) {
            lessons.put(e.lessonId(), e);
        }
        Plan first = apply(TopicShift.plan(lessons.get(1L), "Дроби", List.copyOf(lessons.values())), lessons);
        assertThat(first.makeupLessonId()).isEqualTo(4L);
        assertThat(lessons.get(1L).start()).isEqualTo(D1);

        // The student misses again: lesson 1 is cancelled in the slot it was shifted to.
        Plan second = apply(TopicShift.plan(lessons.get(1L), "Дроби", List.copyOf(lessons.values())), lessons);

        assertThat(second.moves()).extracting(Move::lessonId).containsExactly(1L, 2L, 3L);
        assertThat(second.makeupLessonId()).isEqualTo(3L);
        assertThat(lessons.get(1L).start()).isEqualTo(D2);
        assertThat(lessons.get(2L).start()).isEqualTo(D3);
        assertThat(lessons.get(3L).start()).isNull();
        assertThat(lessons.get(4L).start()).as("the first make-up stays a make-up").isNull();
        // Neither make-up took part in the second chain.
        assertThat(second.moves()).extracting(Move::lessonId).doesNotContain(4L);
    }

    @Test
    void makeupLessonsWithoutADateAreNotPartOfTheChain() {
        Entry c = lesson(1, D0);
        Entry makeup = new Entry(7, null, 60, AttendanceStatus.SCHEDULED);
        Plan plan = TopicShift.plan(c, "Дроби", List.of(makeup, lesson(2, D1)));
        assertThat(plan.moves()).extracting(Move::lessonId).containsExactly(1L, 2L);
        assertThat(plan.makeupLessonId()).isEqualTo(2L);

        Plan alone = TopicShift.plan(c, "Дроби", List.of(makeup));
        assertThat(alone.createsMakeup()).as("only make-ups later = no later lesson").isTrue();
    }

    @Test
    void attendedLessonsKeepTheirSlot() {
        Entry c = lesson(1, D0);
        Entry taught = new Entry(2, D1, 60, AttendanceStatus.ATTENDED);
        Plan plan = TopicShift.plan(c, "Дроби", List.of(taught, lesson(3, D2)));
        assertThat(plan.moves()).containsExactly(
                new Move(1, new Slot(D0, 60), new Slot(D2, 60)),
                new Move(3, new Slot(D2, 60), null));
    }

    @Test
    void earlierLessonsAreUntouched() {
        Entry c = lesson(2, D1);
        Plan plan = TopicShift.plan(c, "Дроби", List.of(lesson(1, D0), c, lesson(3, D2)));
        assertThat(plan.moves()).extracting(Move::lessonId).containsExactly(2L, 3L);
    }

    @Test
    void anUndatedLessonCannotBeCancelledWithAShift() {
        assertThatThrownBy(() -> TopicShift.plan(new Entry(1, null, 60, AttendanceStatus.SCHEDULED), "x",
                List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLongTopicStillFitsWithTheMakeupSuffix() {
        String topic = "ж".repeat(500);
        String makeup = TopicShift.plan(lesson(1, D0), topic, List.of()).newMakeupTopic();
        assertThat(makeup).hasSize(500).endsWith(" (отработка)");
    }

    /** Applies a plan to the map the way the service applies it to the lessons. */
    private static Plan apply(Plan plan, Map<Long, Entry> lessons) {
        List<Entry> updated = new ArrayList<>();
        for (Move move : plan.moves()) {
            Entry old = lessons.get(move.lessonId());
            updated.add(move.becomesMakeup() ? new Entry(old.lessonId(), null, old.durationMinutes(), old.attendance())
                    : new Entry(old.lessonId(), move.to().start(), move.to().durationMinutes(), old.attendance()));
        }
        updated.forEach(e -> lessons.put(e.lessonId(), e));
        return plan;
    }
}
