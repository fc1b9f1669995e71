package ru.repitbot.lesson.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ru.repitbot.models.AttendanceStatus.ATTENDED;
import static ru.repitbot.models.AttendanceStatus.EXCUSED_ABSENCE;
import static ru.repitbot.models.AttendanceStatus.RESCHEDULED;
import static ru.repitbot.models.AttendanceStatus.SCHEDULED;
import static ru.repitbot.models.AttendanceStatus.UNEXCUSED_ABSENCE;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import ru.repitbot.lesson.domain.TopicShift.Entry;
import ru.repitbot.lesson.domain.TopicShift.Move;
import ru.repitbot.lesson.domain.TopicShift.Plan;
import ru.repitbot.models.AttendanceStatus;

/** docs/domain/lessons.md, "Cancelling a lesson": the occurrence stays, the topic moves on. */
class TopicShiftTest {

    static final Instant D0 = Instant.parse("2030-03-04T15:00:00Z");
    static final Instant D1 = Instant.parse("2030-03-07T15:00:00Z");
    static final Instant D2 = Instant.parse("2030-03-11T15:00:00Z");
    static final Instant D3 = Instant.parse("2030-03-14T16:30:00Z");

    static Entry scheduled(long id, Instant start) {
        return new Entry(id, start, SCHEDULED, true);
    }

    static Entry marked(long id, Instant start, AttendanceStatus status) {
        return new Entry(id, start, status, true);
    }

    @Test
    void withNoLaterLessonTheTopicGoesToANewMakeup() {
        Entry cancelled = scheduled(1, D0);
        Plan plan = TopicShift.plan(cancelled, List.of(cancelled, scheduled(9, D0.minusSeconds(86_400))));

        assertThat(plan.moves()).containsExactly(new Move(1, null));
        assertThat(plan.makeupTopicFrom()).isEqualTo(1);
    }

    @Test
    void eachTopicMovesOneLessonOnAndTheLastFallsIntoTheMakeup() {
        Entry cancelled = scheduled(1, D0);
        Plan plan = TopicShift.plan(cancelled, List.of(scheduled(3, D2), scheduled(2, D1), scheduled(4, D3)));

        assertThat(plan.moves()).containsExactly(new Move(1, 2L), new Move(2, 3L), new Move(3, 4L), new Move(4, null));
        assertThat(plan.makeupTopicFrom()).isEqualTo(4);
    }

    @Test
    void markedLessonsAreHistoryAndNeverTakePart() {
        // The walk that found the bug: E cancelled, U already unexcused. U must keep its topic and its charge.
        Entry cancelled = scheduled(1, D0);
        Plan plan = TopicShift.plan(cancelled, List.of(marked(2, D1, UNEXCUSED_ABSENCE), marked(3, D2, ATTENDED),
                marked(4, D2.plusSeconds(7200), EXCUSED_ABSENCE), scheduled(5, D3)));

        assertThat(plan.moves()).containsExactly(new Move(1, 5L), new Move(5, null));
    }

    @Test
    void earlierLessonsUndatedMakeupsAndLessonsWhoseTopicMovedAreLeftOut() {
        Entry cancelled = scheduled(5, D1);
        Plan plan = TopicShift.plan(cancelled, List.of(scheduled(1, D0), scheduled(6, null),
                new Entry(7, D2, SCHEDULED, false), scheduled(8, D3)));

        assertThat(plan.moves()).containsExactly(new Move(5, 8L), new Move(8, null));
    }

    @Test
    void aLessonAtTheSameTimeFollowsByIdSoTheOrderIsTotal() {
        Entry cancelled = scheduled(5, D1);
        Plan plan = TopicShift.plan(cancelled, List.of(scheduled(4, D1), scheduled(6, D1)));

        assertThat(plan.moves()).containsExactly(new Move(5, 6L), new Move(6, null));
    }

    @Test
    void aTopicMovesOnce() {
        Entry alreadyMoved = new Entry(1, D0, EXCUSED_ABSENCE, false);

        assertThat(TopicShift.plan(alreadyMoved, List.of(scheduled(2, D1))).movesTopics()).isFalse();
        assertThat(TopicShift.moves(alreadyMoved, SCHEDULED, UNEXCUSED_ABSENCE)).isFalse();
    }

    @Test
    void whatMovesATopic() {
        Entry lesson = scheduled(1, D0);
        assertThat(TopicShift.moves(lesson, SCHEDULED, EXCUSED_ABSENCE)).isTrue();
        assertThat(TopicShift.moves(lesson, ATTENDED, RESCHEDULED)).as("a correction: it was not taught").isTrue();
        assertThat(TopicShift.moves(lesson, EXCUSED_ABSENCE, UNEXCUSED_ABSENCE)).isFalse();
        assertThat(TopicShift.moves(lesson, SCHEDULED, ATTENDED)).isFalse();
        assertThat(TopicShift.moves(scheduled(2, null), SCHEDULED, EXCUSED_ABSENCE)).as("undated").isFalse();
    }

    @Test
    void anUndatedLessonCannotBeCancelled() {
        assertThatThrownBy(() -> TopicShift.plan(scheduled(1, null), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Property: whatever the lessons, applying a plan keeps every topic exactly once among the lessons that hold
     * one, never touches a marked lesson, and gives the cancelled topic to the first lesson after it not yet
     * marked.
     */
    @RepeatedTest(200)
    void topicsAreKeptAndMarkedLessonsUntouched() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        int n = 1 + random.nextInt(12);
        List<Entry> lessons = new ArrayList<>();
        Map<Long, String> topics = new HashMap<>();
        AttendanceStatus[] statuses = {SCHEDULED, SCHEDULED, SCHEDULED, ATTENDED, EXCUSED_ABSENCE,
                UNEXCUSED_ABSENCE, RESCHEDULED};
        for (long id = 1; id <= n; id++) {
            Instant start = random.nextInt(8) == 0 ? null : D0.plusSeconds(3600L * random.nextInt(200));
            boolean holds = random.nextInt(6) != 0;
            lessons.add(new Entry(id, start, statuses[random.nextInt(statuses.length)], holds));
            topics.put(id, "topic-" + id);
        }
        List<Entry> dated = lessons.stream().filter(l -> l.start() != null && l.holdsTopic()).toList();
        if (dated.isEmpty()) {
            return;
        }
        Entry cancelled = dated.get(random.nextInt(dated.size()));
        List<Entry> shuffled = new ArrayList<>(lessons);
        Collections.shuffle(shuffled, random);

        Plan plan = TopicShift.plan(cancelled, shuffled);

        Map<Long, String> after = new HashMap<>(topics);
        long makeupId = 1000;
        for (Move move : plan.moves()) {
            after.put(move.toMakeup() ? makeupId : move.toLessonId(), topics.get(move.fromLessonId()));
        }
        List<Long> holdersBefore = new ArrayList<>(lessons.stream().filter(Entry::holdsTopic)
                .map(Entry::lessonId).toList());
        List<Long> holdersAfter = new ArrayList<>(holdersBefore);
        holdersAfter.remove(cancelled.lessonId());
        holdersAfter.add(makeupId);
        assertThat(holdersAfter.stream().map(after::get).sorted().toList()).as("seed %d", seed)
                .isEqualTo(holdersBefore.stream().map(topics::get).sorted().toList());
        for (Move move : plan.moves()) {
            if (!move.toMakeup()) {
                Entry receiver = lessons.stream().filter(l -> l.lessonId() == move.toLessonId()).findFirst()
                        .orElseThrow();
                assertThat(receiver.attendance()).isEqualTo(SCHEDULED);
                assertThat(receiver.start()).isNotNull();
                assertThat(receiver.start()).isAfterOrEqualTo(cancelled.start());
            }
        }
        assertThat(plan.moves().getFirst().fromLessonId()).isEqualTo(cancelled.lessonId());
    }
}
