package ru.repitbot.lesson.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import ru.repitbot.models.AttendanceStatus;

/**
 * Cancellation with topic shift ("сдвиг тем"): docs/domain/lessons.md, "Cancelling a lesson".
 *
 * <p>The cancelled <em>occurrence</em> stays where it happened, at its date and with its status. What moves forward
 * is its <em>topic</em> (with the topic's homework and skills): to the student's next lesson with the same tutor that
 * has no attendance recorded yet, whose topic moves to the next such lesson, and so on; the topic of the last one
 * falls off the end into a new undated make-up lesson. No lesson changes its date, and a lesson whose attendance is
 * recorded (attended, excused, unexcused, rescheduled) is history: it is never part of a chain, so neither its
 * topic nor its charge changes because another lesson was cancelled.
 *
 * <p>A lesson's topic moves at most once: a lesson whose topic already moved away ({@link Entry#holdsTopic()} false)
 * neither starts a second shift nor receives a topic.
 */
public final class TopicShift {

    private TopicShift() {
    }

    /**
     * A lesson as the shift sees it.
     *
     * @param start {@code null} for an undated make-up lesson (it has no place in a chain)
     * @param holdsTopic {@code false} once this lesson's topic has moved to another lesson
     */
    public record Entry(long lessonId, Instant start, AttendanceStatus attendance, boolean holdsTopic) {

        boolean canReceiveTopic() {
            return start != null && attendance == AttendanceStatus.SCHEDULED && holdsTopic;
        }
    }

    /**
     * The topic of {@code fromLessonId} goes to {@code toLessonId}; {@code toLessonId == null} means the new
     * make-up lesson that the shift creates.
     */
    public record Move(long fromLessonId, Long toLessonId) {

        public boolean toMakeup() {
            return toLessonId == null;
        }
    }

    /**
     * What a cancellation does to topics: the moves in chain order, the cancelled lesson's first. Empty when the
     * cancellation moves nothing; otherwise the last move always goes to a new make-up lesson.
     */
    public record Plan(List<Move> moves) {

        public static Plan nothing() {
            return new Plan(List.of());
        }

        public boolean movesTopics() {
            return !moves.isEmpty();
        }

        /** The lesson whose topic goes into the new make-up lesson (the end of the chain). */
        public long makeupTopicFrom() {
            return moves.getLast().fromLessonId();
        }
    }

    /**
     * Whether changing a lesson's attendance from {@code from} to {@code to} moves its topic: the lesson leaves
     * {@code scheduled} or {@code attended} for a cancellation status, is dated, and still holds its topic.
     */
    public static boolean moves(Entry lesson, AttendanceStatus from, AttendanceStatus to) {
        return lesson.start() != null && lesson.holdsTopic() && AttendanceRules.runsTopicShift(from, to);
    }

    /**
     * @param cancelled the lesson being cancelled (dated, holding its topic)
     * @param lessons the student's other lessons with the same tutor, in any order (the cancelled one, undated
     *     lessons, earlier lessons and lessons with attendance recorded are left out)
     */
    public static Plan plan(Entry cancelled, List<Entry> lessons) {
        if (cancelled.start() == null) {
            throw new IllegalArgumentException("an undated lesson has no slot to cancel");
        }
        if (!cancelled.holdsTopic()) {
            return Plan.nothing();
        }
        List<Entry> later = lessons.stream()
                .filter(l -> l.lessonId() != cancelled.lessonId())
                .filter(Entry::canReceiveTopic)
                .filter(l -> l.start().isAfter(cancelled.start())
                        || l.start().equals(cancelled.start()) && l.lessonId() > cancelled.lessonId())
                .sorted(Comparator.comparing(Entry::start).thenComparingLong(Entry::lessonId))
                .toList();
        List<Move> moves = new ArrayList<>();
        long from = cancelled.lessonId();
        for (Entry next : later) {
            moves.add(new Move(from, next.lessonId()));
            from = next.lessonId();
        }
        moves.add(new Move(from, null));
        return new Plan(List.copyOf(moves));
    }
}
