package ru.repitbot.lesson.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import ru.repitbot.models.AttendanceStatus;

/**
 * Cancellation with topic shift ("сдвиг тем", SPEC §3.3 as settled by DECISIONS Q2/Q16).
 *
 * <p>The chain is the cancelled lesson C followed by the same student's later dated lessons with the same tutor,
 * ordered by time. C's topic moves to the next slot, every later topic moves one slot on, and the topic in the last
 * slot falls off the end: that lesson becomes an undated make-up lesson. Lessons are moved, never deleted or
 * re-created, so each keeps its id and therefore its homework. The cancelled slot itself is left empty.
 *
 * <p>A slot is a start time with its duration: a topic moving into a slot takes the slot's length, so the tutor's
 * day is unchanged and a shift can never create an overlap with another student's lesson.
 *
 * <p>Refinements of the monolith's rule: undated make-up lessons are not part of the chain (they have no slot); a
 * lesson already {@code attended} keeps its slot (its topic was taught); with no later lesson, C keeps its date and
 * its topic is repeated as a new make-up lesson "{topic} (отработка)".
 */
public final class TopicShift {

    /** Appended to the topic of the make-up lesson created when no later lesson exists. */
    public static final String MAKEUP_SUFFIX = " (отработка)";
    public static final int MAX_TOPIC_LENGTH = 500;

    private TopicShift() {
    }

    /** A time slot of the chain. */
    public record Slot(Instant start, int durationMinutes) {
    }

    /** A lesson as the shift sees it; {@code start} is {@code null} for an undated make-up lesson. */
    public record Entry(long lessonId, Instant start, int durationMinutes, AttendanceStatus attendance) {

        Slot slot() {
            return new Slot(start, durationMinutes);
        }
    }

    /** One lesson moved: to a later slot, or ({@code to == null}) off the end into an undated make-up lesson. */
    public record Move(long lessonId, Slot from, Slot to) {

        public boolean becomesMakeup() {
            return to == null;
        }
    }

    /**
     * What the cancellation does.
     *
     * @param moves every lesson whose slot changes, the cancelled one first, in chain order
     * @param makeupLessonId the existing lesson that became an undated make-up lesson, if any
     * @param newMakeupTopic the topic of a make-up lesson to create (only when there was no later lesson)
     */
    public record Plan(List<Move> moves, Long makeupLessonId, String newMakeupTopic) {

        public boolean createsMakeup() {
            return newMakeupTopic != null;
        }
    }

    /**
     * @param cancelled the lesson being cancelled; must have a date
     * @param cancelledTopic its topic, for the make-up lesson when nothing follows it
     * @param lessons the student's other lessons with the same tutor (any order; C itself and make-ups are ignored)
     */
    public static Plan plan(Entry cancelled, String cancelledTopic, List<Entry> lessons) {
        if (cancelled.start() == null) {
            throw new IllegalArgumentException("an undated lesson has no slot to cancel");
        }
        List<Entry> later = lessons.stream()
                .filter(l -> l.lessonId() != cancelled.lessonId())
                .filter(l -> l.start() != null)
                .filter(l -> l.attendance() != AttendanceStatus.ATTENDED)
                .filter(l -> l.start().isAfter(cancelled.start())
                        || l.start().equals(cancelled.start()) && l.lessonId() > cancelled.lessonId())
                .sorted(Comparator.comparing(Entry::start).thenComparingLong(Entry::lessonId))
                .toList();
        if (later.isEmpty()) {
            return new Plan(List.of(), null, makeupTopic(cancelledTopic));
        }
        List<Entry> chain = new ArrayList<>();
        chain.add(cancelled);
        chain.addAll(later);
        List<Move> moves = new ArrayList<>();
        for (int i = 0; i < chain.size(); i++) {
            Entry lesson = chain.get(i);
            Slot next = i + 1 < chain.size() ? chain.get(i + 1).slot() : null;
            moves.add(new Move(lesson.lessonId(), lesson.slot(), next));
        }
        return new Plan(List.copyOf(moves), chain.getLast().lessonId(), null);
    }

    static String makeupTopic(String topic) {
        String base = topic.strip();
        int room = MAX_TOPIC_LENGTH - MAKEUP_SUFFIX.length();
        if (base.length() > room) {
            int cut = Character.isHighSurrogate(base.charAt(room - 1)) ? room - 1 : room;
            base = base.substring(0, cut).strip();
        }
        return base + MAKEUP_SUFFIX;
    }
}
