package ru.repitbot.lesson.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import ru.repitbot.events.catalogue.LessonChanges;
import ru.repitbot.events.catalogue.LessonEvents;
import ru.repitbot.models.AttendanceStatus;

/**
 * What cancelling a lesson did (docs/domain/lessons.md#cancelling-a-lesson), as {@link Lesson#cancel} returns it:
 * the cancelled lesson and its {@code lesson.cancelled} (carrying the topic moves and the make-up's id), the new
 * undated make-up lesson that took the last topic, and each lesson that received a topic with the
 * {@code lesson.updated} changes it made. Which topic goes where is {@link TopicShift}'s rule; this applies it.
 *
 * <p>The events go out in this order: the make-up's {@code lesson.created}, each receiver's {@code lesson.updated} in
 * chain order, then the cancelled lesson's {@code lesson.cancelled}.
 *
 * @param makeup {@code null} when no topic moved
 * @param handovers in chain order; empty when no topic moved
 */
public record Cancellation(Lesson lesson, LessonEvents.Cancelled event, Lesson makeup, List<Handover> handovers) {

    public Cancellation {
        Objects.requireNonNull(lesson, "lesson");
        Objects.requireNonNull(event, "event");
        handovers = List.copyOf(handovers);
    }

    /** {@code receiver} now holds {@code topic} (the lesson's before it in the chain); {@code changes} tell it. */
    public record Handover(Lesson receiver, Lesson.Topic topic, LessonChanges changes) {
    }

    public Optional<Lesson> makeupLesson() {
        return Optional.ofNullable(makeup);
    }

    /** In chain order, the cancelled lesson's topic first; empty when the cancellation moved no topic. */
    public List<LessonEvents.TopicMove> topicMoves() {
        return event.topicMoves();
    }

    public boolean movedTopics() {
        return !event.topicMoves().isEmpty();
    }

    /** See {@link Lesson#cancel}. */
    static Cancellation of(Lesson lesson, AttendanceStatus status, String reason, List<Lesson> chain,
            UnaryOperator<Lesson> store, ZoneId zone, Instant now) {
        if (!AttendanceRules.isCancellation(status)) {
            throw new IllegalArgumentException(status + " is not a cancellation status");
        }
        if (!lesson.isDated()) {
            throw new IllegalStateException("an undated make-up lesson has no date to cancel");
        }
        boolean shifts = lesson.cancellationMovesTopic(status);
        if (shifts) {
            requireChainOf(lesson, chain);
        }
        AttendanceStatus previous = lesson.attendanceStatus();
        lesson.recordCancellation(status, reason, now);
        Shift shift = shifts ? shiftTopics(lesson, chain, store, now) : Shift.NONE;
        LessonEvents.Cancelled event = new LessonEvents.Cancelled(lesson.id(), lesson.studentId(), lesson.tutorId(),
                Lesson.at(lesson.startAt(), zone), status, previous, reason, shift.moves(),
                shift.makeup() == null ? null : shift.makeup().id());
        return new Cancellation(lesson, event, shift.makeup(), shift.handovers());
    }

    /** A topic moves only between lessons of one student with one tutor. */
    private static void requireChainOf(Lesson cancelled, List<Lesson> chain) {
        for (Lesson other : chain) {
            if (other.tutorId() != cancelled.tutorId() || other.studentId() != cancelled.studentId()) {
                throw new IllegalArgumentException("lesson " + other.id() + " is not in the chain of lesson "
                        + cancelled.id() + ": another tutor or student");
            }
        }
    }

    private record Shift(List<LessonEvents.TopicMove> moves, Lesson makeup, List<Handover> handovers) {
        static final Shift NONE = new Shift(List.of(), null, List.of());
    }

    /**
     * Runs {@link TopicShift} over {@code chain} and applies the plan: the new make-up lesson takes the last topic
     * (and the length of the lesson it came from), every other receiver takes the topic before it, and the
     * cancelled lesson remembers where its topic went. No lesson changes its date.
     */
    private static Shift shiftTopics(Lesson cancelled, List<Lesson> chain, UnaryOperator<Lesson> store,
            Instant now) {
        Map<Long, Lesson> byId = new HashMap<>();
        chain.forEach(other -> byId.put(other.id(), other));
        byId.put(cancelled.id(), cancelled);
        TopicShift.Plan plan = TopicShift.plan(cancelled.shiftEntry(),
                chain.stream().map(Lesson::shiftEntry).toList());
        if (!plan.movesTopics()) {
            return Shift.NONE;
        }
        Map<Long, Lesson.Topic> topicsBefore = new LinkedHashMap<>();
        plan.moves().forEach(m -> topicsBefore.put(m.fromLessonId(), byId.get(m.fromLessonId()).currentTopic()));
        Lesson last = byId.get(plan.makeupTopicFrom());
        Lesson makeup = Objects.requireNonNull(store.apply(Lesson.makeupFor(cancelled.tutorId(),
                cancelled.studentId(), topicsBefore.get(last.id()), last.durationMinutes(), now)), "stored make-up");
        if (makeup.id() == null) {
            throw new IllegalStateException("the stored make-up lesson has no id");
        }

        List<LessonEvents.TopicMove> moves = new ArrayList<>();
        List<Handover> handovers = new ArrayList<>();
        for (TopicShift.Move move : plan.moves()) {
            Lesson.Topic topic = topicsBefore.get(move.fromLessonId());
            Lesson receiver = move.toMakeup() ? makeup : byId.get(move.toLessonId());
            moves.add(new LessonEvents.TopicMove(move.fromLessonId(), receiver.id(), topic.topic()));
            if (receiver != makeup) {
                handovers.add(new Handover(receiver, topic, receiver.takeTopic(topic, now)));
            }
        }
        cancelled.topicMovedTo(moves.getFirst().toLessonId(), now);
        return new Shift(List.copyOf(moves), makeup, handovers);
    }
}
